using System.IO.Compression;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using ThiDua.Features.Decisions;
using ThiDua.Features.People;

namespace ThiDua.Tests.Decisions;

public sealed class DecisionRulesTests
{
    [Theory]
    [InlineData(2020, 3, 4, 1_490_000)]
    [InlineData(2019, 6, 30, 1_390_000)]
    [InlineData(2023, 7, 1, 1_800_000)]
    [InlineData(2024, 7, 1, 2_340_000)]
    public void BaseSalary_ByDate_IsTheOneInForce(int y, int m, int d, long expected) =>
        Assert.Equal(expected, DecisionRules.BaseSalaryOn(new DateOnly(y, m, d)).Value);

    [Fact]
    public void Amount_Coefficient_RoundsUpToTenThousand()
    {
        Assert.Equal(450_000, DecisionRules.Amount(0.3m, 1_490_000));   // 447.000 → 450.000
        Assert.Equal(1_490_000, DecisionRules.Amount(1.0m, 1_490_000));
        Assert.Equal(2_980_000, DecisionRules.Amount(DecisionRules.CoefficientOf("BK_BO", true, new DateOnly(2020, 3, 4)), 1_490_000));
        Assert.Equal(28_080_000, DecisionRules.Amount(DecisionRules.CoefficientOf("CO_CP", true, new DateOnly(2024, 8, 1)), 2_340_000));
    }

    [Fact]
    public void NumberText_PartyAndState_FollowTheirSystems()
    {
        Assert.Equal("12-QĐ/BTCTW", DecisionRules.NumberText(DocumentSystem.Party, DecisionKind.Decision, 12, "BTCTW"));
        Assert.Equal("12/QĐ-BNV", DecisionRules.NumberText(DocumentSystem.State, DecisionKind.Decision, 12, "BNV"));
        Assert.Equal("3-TTr/BTCTW", DecisionRules.NumberText(DocumentSystem.Party, DecisionKind.Upward, 3, "BTCTW"));
    }

    [Fact]
    public void VerificationCode_New_IsTwelveUnambiguousSymbolsAndDistinct()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => DecisionRules.NewVerificationCode()).ToList();
        Assert.All(codes, c => Assert.True(DecisionRules.IsVerificationCode(c), c));
        Assert.All(codes, c => Assert.DoesNotContain(c, ch => ch is '0' or 'O' or '1' or 'I'));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("001089012345", true)]
    [InlineData("00108901234", false)]
    [InlineData("0010890123456", false)]
    [InlineData("00108901234a", false)]
    [InlineData("００１089012345", false)]
    [InlineData(null, false)]
    public void NationalId_Validation_TwelveAsciiDigits(string? s, bool ok) => Assert.Equal(ok, PersonIds.IsNationalId(s));

    [Fact]
    public void LegalBasis_ByDate_NamesTheLawInForce()
    {
        Assert.Contains("2003", DecisionRules.LegalBasisOn(new DateOnly(2020, 3, 4)).Law);
        Assert.Contains("91/2017", DecisionRules.LegalBasisOn(new DateOnly(2020, 3, 4)).Decree);
        Assert.Contains("06/2022", DecisionRules.LegalBasisOn(new DateOnly(2024, 3, 4)).Law);
        Assert.Contains("98/2023", DecisionRules.LegalBasisOn(new DateOnly(2024, 3, 4)).Decree);
    }

    internal static DecisionDoc Sample(DocumentSystem system, DecisionKind kind = DecisionKind.Decision) => new(system, kind, "Ban Chấp hành Trung ương", "Ban Tổ chức Trung ương",
        system == DocumentSystem.Party ? "12-QĐ/BTCTW" : "12/QĐ-BNV", "Hà Nội", new DateOnly(2020, 3, 4), "Về việc tặng Bằng khen", "Căn cứ Luật;\nXét đề nghị,",
        "Bằng khen cấp bộ, ban, ngành, tỉnh", 2019, "Thủ tướng Chính phủ", "", "Trưởng Ban", "Nguyễn Văn A",
        "Như Điều 3\nLưu", [new(1, "Đoàn Thanh niên", "Ban Tổ chức Trung ương", "Đã có thành tích", 2_980_000, true, false), new(2, "Trần Thị B", "Chuyên viên", "Đã có thành tích", 1_490_000, false, true)]);

    [Theory]
    [InlineData(DocumentSystem.Party)]
    [InlineData(DocumentSystem.State)]
    public void DecisionDocx_BothSystems_ValidateWithTheirHeadings(DocumentSystem system)
    {
        foreach (var bytes in new[] { DecisionDocuments.Decision(Sample(system)), DecisionDocuments.List(Sample(system)), DecisionDocuments.Decision(Sample(system, DecisionKind.Upward)) })
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.Empty(errors);
        }
        using var d = WordprocessingDocument.Open(new MemoryStream(DecisionDocuments.Decision(Sample(system))), false);
        var text = d.MainDocumentPart!.Document.Body!.InnerText;
        if (system == DocumentSystem.Party)
        {
            Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
            Assert.Contains("Số 12-QĐ/BTCTW", text);
            Assert.Contains("*", text);
        }
        else
        {
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.Contains("Số: 12/QĐ-BNV", text);
        }
        Assert.Contains("Hà Nội, ngày 04 tháng 3 năm 2020", text);
        Assert.Contains("QUYẾT ĐỊNH:", text);
        Assert.Contains("Điều 1.", text);
        Assert.Contains("Nơi nhận:", text);
    }

    [Fact]
    public void ListXlsx_Written_ValidatesWithAmountsAsNumbers()
    {
        using var ms = new MemoryStream();
        DecisionDocuments.ListXlsx(ms, Sample(DocumentSystem.Party));
        ms.Position = 0;
        using var doc = SpreadsheetDocument.Open(ms, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => e.Description));
        var xml = doc.WorkbookPart!.WorksheetParts.First().Worksheet.OuterXml;
        Assert.Contains("2980000", xml);
        Assert.Contains("Đã thu hồi", xml);
    }

    [Fact]
    public void Package_Zip_ManifestMatchesTheFiles()
    {
        var files = new List<PackageFile>
        {
            new(7, "Nguyễn Văn A", "BK_TTG", "bao-cao.pdf", "AchievementReport", () => new MemoryStream("%PDF-1.4 a"u8.ToArray())),
            new(7, "Nguyễn Văn A", "BK_TTG", "../../etc/bao-cao.pdf", "CoverLetter", () => new MemoryStream("%PDF-1.4 b"u8.ToArray())),
            new(9, "Phòng X", "BK_TTG", "bien-ban.docx", "Minutes", () => new MemoryStream("PK docx"u8.ToArray())),
        };
        using var ms = new MemoryStream();
        DecisionDocuments.Package(ms, Sample(DocumentSystem.Party, DecisionKind.Upward), files);
        ms.Position = 0;
        using var zip = new ZipArchive(ms, ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("to-trinh.docx"));
        Assert.NotNull(zip.GetEntry("danh-sach.docx"));
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        var listed = manifest.RootElement.GetProperty("dossiers").EnumerateArray().SelectMany(d => d.GetProperty("files").EnumerateArray()).ToList();
        Assert.Equal(3, listed.Count);
        foreach (var f in listed)
        {
            var entry = zip.GetEntry(f.GetProperty("path").GetString()!);
            Assert.NotNull(entry);
            using var s = entry!.Open();
            using var buf = new MemoryStream();
            s.CopyTo(buf);
            Assert.Equal(f.GetProperty("size").GetInt64(), buf.Length);
            Assert.Equal(f.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buf.ToArray())));
        }
        Assert.All(zip.Entries, e => Assert.DoesNotContain("..", e.FullName));
        Assert.Equal(new[] { 7, 9 }, manifest.RootElement.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("id").GetInt32()));
    }
}
