using System.Text;
using ThiDua.Features.Certificates;
using ThiDua.Features.Decisions;

namespace ThiDua.Tests.Certificates;

/// <summary>The certificate PDF itself, checked with poppler's own tools: fonts embedded, marks drawn, QR readable.</summary>
public sealed class CertificatePdfTests
{
    private const string Url = "https://thidua.example.vn/xac-minh/7KQ2M9XH4TRB";
    private const int Dpi = 100;

    private static CertificateContent Sample(string name = "Nguyễn Thị Hồng Nhung", DocumentSystem system = DocumentSystem.Party, string form = "BK_BO") => new(
        form, system, "Ban Tổ chức Trung ương", name,
        "Bí thư Đoàn Thanh niên cơ quan Ban Tổ chức Trung ương",
        "Đã có thành tích xuất sắc trong công tác tham mưu, tổ chức phong trào thi đua năm 2019",
        2020, "12-QĐ/BTCTW", new DateOnly(2020, 3, 4), "Hà Nội", "Trưởng ban", "Phạm Minh Chính", 12, "7KQ2M9XH4TRB", Url);

    private static byte[] Render(CertificateContent c) => CertificatePdf.Render([c], "test");

    [Fact]
    public async Task Render_VietnameseText_FontsAreEmbedded()
    {
        var fonts = await Poppler.RunAsync("pdffonts", Poppler.Save(Render(Sample())));
        var rows = fonts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            // name type encoding emb sub uni object ID
            Assert.Contains("DejaVu Serif", row, StringComparison.Ordinal);
            var cols = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(cols[^5] == "yes", $"not embedded: {row}");
            Assert.True(cols[^3] == "yes", $"no ToUnicode map: {row}");
        }
    }

    [Fact]
    public async Task Render_VietnameseText_TextExtractsAsNfcWithItsMarks()
    {
        var text = await Poppler.RunAsync("pdftotext", "-enc", "UTF-8", Poppler.Save(Render(Sample())), "-");
        var nfc = text.Normalize(NormalizationForm.FormC);
        Assert.Contains("Nguyễn Thị Hồng Nhung", nfc, StringComparison.Ordinal);
        Assert.Contains("Đoàn Thanh niên cơ quan Ban Tổ chức Trung ương", nfc, StringComparison.Ordinal);
        Assert.Contains("Quyết định số 12-QĐ/BTCTW", nfc, StringComparison.Ordinal);
        Assert.Contains("Số sổ: 12/BK-2020", nfc, StringComparison.Ordinal);
        Assert.Contains("Hà Nội, ngày 04 tháng 3 năm 2020", nfc, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", nfc, StringComparison.Ordinal);
        Assert.Contains("BẰNG KHEN", nfc, StringComparison.Ordinal);
        Assert.Contains("7KQ2M9XH4TRB", nfc, StringComparison.Ordinal);
    }

    /// <summary>
    /// The marks are really drawn with the font's glyphs: the name's band differs from the same name without marks
    /// (marks add ink above and below the letters), and differs clearly from the same name whose marked letters are
    /// replaced by a character the font lacks — which is what the name would look like if the font had no Vietnamese
    /// glyphs (the .notdef box, "tofu"). Text extraction alone cannot tell (it reads the character codes, not the ink).
    /// </summary>
    [Fact]
    public async Task Render_NameWithDiacritics_DrawsTheMarksNotTofu()
    {
        const string name = "Nguyễn Thị Hồng Nhung";
        const string plain = "Nguyen Thi Hong Nhung";
        // U+E000 (private use) has no glyph in DejaVu Serif: drawn as the .notdef box.
        var tofu = new string(name.Select((ch, i) => ch == plain[i] ? ch : '\uE000').ToArray());
        var marked = await Poppler.RenderAsync(Render(Sample(name)), Dpi);
        var bare = await Poppler.RenderAsync(Render(Sample(plain)), Dpi);
        var boxed = await Poppler.RenderAsync(Render(Sample(tofu)), Dpi);
        // The name is set at 30 pt on a baseline 224 pt from the top; its band with room for marks above and below.
        const double x0 = 60, y0 = 186, x1 = 782, y1 = 236;
        var inkMarked = marked.Ink(x0, y0, x1, y1, Dpi);
        var inkBare = bare.Ink(x0, y0, x1, y1, Dpi);
        Assert.True(inkMarked > inkBare + 120, $"the marks add too little ink: {inkMarked} against {inkBare} without marks");
        var vsTofu = marked.Differences(boxed, x0, y0, x1, y1, Dpi);
        Assert.True(vsTofu > inkMarked / 10, $"the name looks like .notdef boxes: {vsTofu} pixels differ of {inkMarked}");
        // Above the capitals: only marks reach there (ễ and ồ carry two stacked marks).
        var capTop = 224 - 30 * 0.73;
        Assert.True(marked.Ink(x0, y0, x1, capTop, Dpi) > bare.Ink(x0, y0, x1, capTop, Dpi) + 20, "no ink above the capitals: the stacked marks are missing");
        // Below the baseline under "ị": only the dot below reaches there ("Thị" is the second word; compare the whole band's descent).
        Assert.True(marked.Ink(x0, 225, x1, 236, Dpi) > bare.Ink(x0, 225, x1, 236, Dpi), "no ink below the baseline: the dot below ị is missing");
    }

    [Fact]
    public async Task Render_QrCode_DecodesToTheVerificationUrl()
    {
        var page = await Poppler.RenderAsync(Render(Sample()), 200);
        Assert.Equal(Url, page.DecodeQr());
    }

    [Theory]
    [InlineData(DocumentSystem.State, "BK_TTG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BẰNG KHEN")]
    [InlineData(DocumentSystem.Party, "CSTDCS", "ĐẢNG CỘNG SẢN VIỆT NAM", "Danh hiệu Chiến sĩ thi đua cơ sở năm 2020")]
    [InlineData(DocumentSystem.Party, "TTLDXS", "ĐẢNG CỘNG SẢN VIỆT NAM", "BẰNG CHỨNG NHẬN")]
    [InlineData(DocumentSystem.Party, "GK", "ĐẢNG CỘNG SẢN VIỆT NAM", "GIẤY KHEN")]
    public async Task Render_SystemAndForm_PrintsHeadingAndTitle(DocumentSystem system, string form, string heading, string title)
    {
        var text = (await Poppler.RunAsync("pdftotext", "-enc", "UTF-8", Poppler.Save(Render(Sample(system: system, form: form))), "-")).Normalize(NormalizationForm.FormC);
        Assert.Contains(heading, text, StringComparison.Ordinal);
        Assert.Contains(title, text, StringComparison.Ordinal);
        if (system == DocumentSystem.State) Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ManyCertificates_OnePagePerCertificate()
    {
        var list = Enumerable.Range(1, 5).Select(i => Sample() with { RecipientName = $"Người thứ {i}", CertificateNumber = i }).ToList();
        Assert.Equal(5, await Poppler.PageCountAsync(CertificatePdf.Render(list, "test")));
    }

    [Theory]
    [InlineData("7KQ2M9XH4TRB", "7KQ2M9XH4TRB")]
    [InlineData(" 7kq2m9xh4trb ", "7kq2m9xh4trb")]
    [InlineData("short", null)]
    [InlineData("ABCDEFGHJKMNPQRSTVWXYZ", null)]
    [InlineData("<script>alert", null)]
    [InlineData("ABCD EFGH 1234", null)]
    [InlineData(null, null)]
    public void Normalize_Code_BoundsLengthAndAlphabet(string? input, string? expected) =>
        Assert.Equal(expected, CertificateService.Normalize(input));

    [Fact]
    public void IssuedCode_Always_Has60BitsAndPassesTheVerifyPagesCheck()
    {
        // The codes the decision's issue step writes: 12 symbols of a 32-symbol alphabet (60 bits), read as they are.
        var codes = Enumerable.Range(0, 200).Select(_ => DecisionRules.NewVerificationCode()).ToList();
        Assert.All(codes, c => Assert.Matches("^[2-9A-HJ-NP-Z]{12}$", c));
        Assert.All(codes, c => Assert.Equal(c, CertificateService.Normalize(c)));
        Assert.Equal(200, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Template_RegisterNumberAndFileName_AreInvariant()
    {
        var t = CertificateTemplates.For("BK_BO");
        Assert.Equal("12/BK-2020", t.RegisterNumber(12, 2020));
        Assert.Equal("bang-khen-7KQ2M9XH4TRB.pdf", t.FileName("7KQ2M9XH4TRB"));
        Assert.Equal("GIẤY CHỨNG NHẬN", CertificateTemplates.For("UNKNOWN").Title);
    }
}
