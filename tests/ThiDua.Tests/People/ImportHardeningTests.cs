using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.People;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Tests.People;

/// <summary>The import page and the template as a newcomer and an attacker would use them; the import's audit trail.</summary>
public sealed class ImportHardeningTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private Task<ImportJob> UploadAsync(byte[] xlsx, bool validRowsOnly = false, string fileName = "can-bo.xlsx") =>
        ImportTests.UploadAsync(App, Client, xlsx, validRowsOnly, fileName);

    private static string Part(byte[] xlsx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Import_CellOverLimit_FailsWithTheSheetAndTheLimitNamed()
    {
        var xlsx = HostileWorkbook.Build(W.PeopleSheet,
            w => { HostileWorkbook.Header(w, W.Code, W.Family); w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>001085000999</t></is></c><c r=\"B2\" t=\"s\"><v>0</v></c></row>"); },
            w => w.Write($"<si><t>{new string('a', 1_000_000)}</t></si>"));
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Failed, job.State);
        Assert.Equal($"Trang \"{W.PeopleSheet}\", ô B2: nội dung dài hơn giới hạn 4.000 ký tự mỗi ô; chưa đọc dòng nào.", job.Error);
    }

    [Fact]
    public async Task Upload_FileOver20MB_SaysSoOnTheImportPage()
    {
        var big = new byte[21 * 1024 * 1024];
        "PK\u0003\u0004"u8.CopyTo(big);
        var token = await Client.AntiforgeryTokenAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(big), "Upload", "qua-lon.xlsx");
        var response = await Client.PostAsync("/People/Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tệp lớn hơn giới hạn 20 MB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await App.QueryAsync(db => db.ImportJobs.AnyAsync(j => j.FileName == "qua-lon.xlsx")));
    }

    /// <summary>A body announced larger than the page reads: answered before anything reads it.</summary>
    private sealed class AnnouncedOnly(long length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(new byte[4096]).AsTask();
        protected override bool TryComputeLength(out long l) { l = length; return true; }
    }

    [Fact]
    public async Task Upload_BodyOverTheServerLimit_RedirectsToTheImportPageWithTheMessage()
    {
        var content = new AnnouncedOnly(ImportModel.MaxRequestBytes + 1);
        content.Headers.ContentType = new("multipart/form-data") { Parameters = { new("boundary", "x") } };
        var response = await Client.PostAsync("/People/Import", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync(response.Headers.Location!.ToString()));
        Assert.Contains("Tệp lớn hơn giới hạn 20 MB", page);
    }

    [Fact]
    public async Task Template_FilledUnderTheHeaders_ImportsOnlyTheTypedRows()
    {
        var template = await Client.GetByteArrayAsync("/People/Import?handler=Template");
        // The example lives on the guide sheet, not under a data sheet's headers.
        Assert.DoesNotContain(W.ExampleCode, Part(template, "xl/worksheets/sheet1.xml"));
        Assert.DoesNotContain(W.ExampleCode, Part(template, "xl/worksheets/sheet2.xml"));
        Assert.Contains(W.ExampleCode, Part(template, "xl/worksheets/sheet6.xml"));

        // A newcomer types one person into the template's people sheet, right under the headers.
        var filled = new MemoryStream();
        filled.Write(template);
        using (var zip = new ZipArchive(filled, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            string Cell(string col, string v) => $"<c r=\"{col}2\" t=\"inlineStr\"><is><t>{v}</t></is></c>";
            xml = xml.Replace("</sheetData>", "<row r=\"2\">" + Cell("A", "001190000321") + Cell("B", "Phan") + Cell("C", "Thị") + Cell("D", "Hằng") + Cell("E", "Nữ")
                + Cell("F", "02/02/1990") + Cell("G", "Chuyên viên") + Cell("H", "BTCTW-D01") + Cell("I", "01/09/2015") + "</row></sheetData>");
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        var job = await UploadAsync(filled.ToArray());
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal((1, 1), (job.CreatedPeople, job.AcceptedRows));
        Assert.Equal("Phan Thị Hằng", await App.QueryAsync(db => db.People.Where(p => p.PersonalCode == "001190000321").Select(p => p.FamilyName + " " + p.MiddleName + " " + p.GivenName).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == W.ExampleCode)));
    }

    [Fact]
    public async Task Import_OldTemplateWithTheExampleRows_SkipsThem()
    {
        var xlsx = ImportTests.Workbook(
            [ImportTests.Person(W.ExampleCode, "Nguyễn", "Văn", "Đức", "Nam", "15/04/1985", "BTCTW-D01"), ImportTests.Person("001190000322", "Phan", "Văn", "Hải", "Nam", "02/02/1990", "BTCTW-D01")],
            [ImportTests.RatingRow(W.ExampleCode, 2024, "HTXSNV"), ImportTests.RatingRow("001190000322", 2024, "HTTNV")]);
        var job = await UploadAsync(xlsx);
        Assert.Equal(ImportJobState.Succeeded, job.State);
        Assert.Equal(1, job.CreatedPeople);
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == W.ExampleCode)));
        Assert.True(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "001190000322")));
    }

    [Fact]
    public async Task Template_CodeColumnsAreText()
    {
        var template = await Client.GetByteArrayAsync("/People/Import?handler=Template");
        var styles = Part(template, "xl/styles.xml");
        // Cell format 1 is Text (built-in number format 49, "@").
        Assert.Contains("<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" /><xf numFmtId=\"49\"", styles.Replace("\"/>", "\" />"));
        var people = Part(template, "xl/worksheets/sheet1.xml");
        Assert.Matches("<col min=\"1\" max=\"1\"[^>]* style=\"1\"", people);
        Assert.Matches("<col min=\"8\" max=\"8\"[^>]* style=\"1\"", people);
        foreach (var sheet in new[] { 2, 3, 4, 5 }) Assert.Matches("<col min=\"1\" max=\"1\"[^>]* style=\"1\"", Part(template, $"xl/worksheets/sheet{sheet}.xml"));
    }

    [Fact]
    public async Task Import_NumericOrShortDigitCodes_AreRefusedWithTheReason_AndTextCodesKeepLeadingZeros()
    {
        var numeric = ImportTests.Person("x", "Lý", null, "Minh", "Nam", "01/01/1990", "BTCTW-D01");
        numeric[W.Code] = 1190000323d;
        var xlsx = ImportTests.Workbook([numeric, ImportTests.Person("0119000", "Lý", null, "An", "Nam", "01/01/1990", "BTCTW-D01"),
            ImportTests.Person("001190000324", "Lý", null, "Bình", "Nam", "01/01/1990", "BTCTW-D01")]);
        var job = await UploadAsync(xlsx, validRowsOnly: true);
        var messages = PeopleImporter.ParseReport(job.ReportJson).SelectMany(r => r.Messages).ToList();
        Assert.Contains("Dòng 2, cột \"Mã cá nhân\": Mã cá nhân phải nhập dạng văn bản để giữ số 0 ở đầu (ô đang là số 1190000323); hãy định dạng cột là Văn bản (Text) rồi nhập lại mã", messages);
        Assert.Contains("Dòng 3, cột \"Mã cá nhân\": mã \"0119000\" chỉ gồm chữ số nên là số CCCD, phải đủ 12 chữ số (đang có 7)", messages);
        Assert.Equal((1, 2), (job.AcceptedRows, job.RejectedRows));
        Assert.True(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "001190000324")));
    }

    [Fact]
    public async Task Import_AuditListsEachPersonCreatedOrChanged_WithTheJobAndTheFile()
    {
        var first = await UploadAsync(ImportTests.Workbook(
            [ImportTests.Person("IMP-7001", "Tạ", "Văn", "Long", "Nam", "01/01/1980", "BTCTW-D01"), ImportTests.Person("IMP-7002", "Tạ", "Thị", "Mai", "Nữ", "01/01/1985", "BTCTW-D01")]),
            fileName: "dot-1.xlsx");
        var second = await UploadAsync(ImportTests.Workbook(
            [ImportTests.Person("IMP-7001", "Tạ", "Văn", "Long", "Nam", "01/01/1980", "BTCTW-D02"), ImportTests.Person("IMP-7002", "Tạ", "Thị", "Mai", "Nữ", "01/01/1985", "BTCTW-D01")],
            [ImportTests.RatingRow("IMP-7002", 2024, "HTXSNV")]),
            fileName: "dot-2.xlsx");
        var entries = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityCode == "IMP-7001" || a.EntityCode == "IMP-7002" || a.EntityType == "Import").OrderBy(a => a.Id).ToListAsync());
        var ids = await App.QueryAsync(db => db.People.Where(p => p.PersonalCode.StartsWith("IMP-700")).ToDictionaryAsync(p => p.PersonalCode, p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var created = entries.Where(a => a.Action == "Nhập tệp: thêm cá nhân").ToList();
        Assert.Equal(["IMP-7001", "IMP-7002"], created.Select(a => a.EntityCode));
        Assert.Equal([ids["IMP-7001"], ids["IMP-7002"]], created.Select(a => a.EntityId));
        Assert.All(created, a => Assert.StartsWith($"lần nhập #{first.Id}, tệp \"dot-1.xlsx\": Tạ ", a.Details));
        var moved = Assert.Single(entries, a => a.Action == "Nhập tệp: cập nhật cá nhân");
        Assert.Equal((nameof(Person), ids["IMP-7001"], "IMP-7001"), (moved.EntityType, moved.EntityId, moved.EntityCode));
        Assert.Contains($"lần nhập #{second.Id}, tệp \"dot-2.xlsx\": trước: Tạ Văn Long; Nam; ngày sinh: 01/01/1980; chức vụ: Chuyên viên; đơn vị: BTCTW-D01", moved.Details);
        Assert.Contains("→ sau: Tạ Văn Long; Nam; ngày sinh: 01/01/1980; chức vụ: Chuyên viên; đơn vị: BTCTW-D02", moved.Details);
        var history = Assert.Single(entries, a => a.Action == "Nhập tệp: cập nhật quá trình");
        Assert.Equal(("IMP-7002", $"lần nhập #{second.Id}, tệp \"dot-2.xlsx\"; 1 dòng quá trình thêm hoặc sửa: xếp loại 2024: — → hoàn thành xuất sắc nhiệm vụ"), (history.EntityCode, history.Details));
        var summaries = entries.Where(a => a.EntityType == "Import" && (a.EntityId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) || a.EntityId == second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal([$"lần nhập #{first.Id}, tệp \"dot-1.xlsx\": 2 mới, 0 cập nhật, 0 dòng quá trình thay đổi", $"lần nhập #{second.Id}, tệp \"dot-2.xlsx\": 0 mới, 1 cập nhật, 1 dòng quá trình thay đổi"], summaries.Select(a => a.Details));
    }

    private const string Person = "Person";

    [Fact]
    public async Task Import_ChangedRating_IsAuditedWithItsValueBeforeAndAfter()
    {
        await UploadAsync(ImportTests.Workbook([ImportTests.Person("IMP-7101", "Tạ", "Văn", "Hùng", "Nam", "01/01/1980", "BTCTW-D01")], [ImportTests.RatingRow("IMP-7101", 2024, "HTTNV")]), fileName: "dot-a.xlsx");
        var second = await UploadAsync(ImportTests.Workbook([ImportTests.Person("IMP-7101", "Tạ", "Văn", "Hùng", "Nam", "01/01/1980", "BTCTW-D01")], [ImportTests.RatingRow("IMP-7101", 2024, "HTXSNV")]), fileName: "dot-b.xlsx");
        var entry = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityCode == "IMP-7101" && a.Action == "Nhập tệp: cập nhật quá trình").SingleAsync());
        Assert.Equal($"lần nhập #{second.Id}, tệp \"dot-b.xlsx\"; 1 dòng quá trình thêm hoặc sửa: xếp loại 2024: hoàn thành tốt nhiệm vụ → hoàn thành xuất sắc nhiệm vụ", entry.Details);
    }
}
