using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.People;

namespace ThiDua.Tests.People;

/// <summary>The people export: formulas neutralised, dates as dates, codes as text, recorded in the audit.</summary>
public sealed class ExportTests() : AppTest("tdkt.btctw@thidua.vn")
{
    internal static string Part(byte[] xlsx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Export_FormulaLikeTextAndDates_AreTextAndRealDates_AndReimportUnchanged()
    {
        var (code, birth) = await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(p => p.CurrentUnit!.Code == "BTCTW-D01" && p.BirthDate != null).OrderBy(p => p.Id).FirstAsync();
            p.Position = "=HYPERLINK(\"http://example.org\",\"Bấm\")";
            await db.SaveChangesAsync();
            return (p.PersonalCode, p.BirthDate!.Value);
        });
        var bytes = await Client.GetByteArrayAsync($"/People?handler=Export&q={code}");
        var sheet = Part(bytes, "xl/worksheets/sheet1.xml");
        var styles = Part(bytes, "xl/styles.xml");

        // The formula is text with a quote in front: it stays text when edited or saved as CSV.
        Assert.Contains("<t xml:space=\"preserve\">'=HYPERLINK(\"http://example.org\",\"Bấm\")</t>", WebUtility.HtmlDecode(sheet));
        Assert.DoesNotContain("<f>", sheet);
        // The birth date is a number (a real date) in the dd/mm/yyyy format; the code is text in a Text column.
        Assert.Contains("<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"", styles);
        var serial = birth.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<c r=\"F2\" s=\"2\"><v>{serial}</v></c>", sheet);
        Assert.Contains($"<c r=\"A2\" s=\"1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{code}</t></is></c>", sheet);

        var job = await ImportTests.UploadAsync(App, Client, bytes, fileName: "xuat.xlsx");
        Assert.Equal((ImportJobState.Succeeded, 0, 0, 1), (job.State, job.CreatedPeople, job.UpdatedPeople, job.UnchangedPeople));
        Assert.Equal("=HYPERLINK(\"http://example.org\",\"Bấm\")", await App.QueryAsync(db => db.People.Where(p => p.PersonalCode == code).Select(p => p.Position).SingleAsync()));
    }

    [Fact]
    public async Task Export_IsAuditedWithWhoSelectionAndRows()
    {
        var unit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW-D01").Select(u => new { u.Id, u.Name }).SingleAsync());
        var count = await App.QueryAsync(db => db.People.CountAsync(p => p.CurrentUnitId == unit.Id && p.SearchName.Contains("nguyen")));
        await Client.GetByteArrayAsync($"/People?handler=Export&unit={unit.Id}&q=nguyen");
        var entry = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).LastAsync(a => a.Action == "Xuất danh sách cán bộ"));
        Assert.Equal(("tdkt.btctw@thidua.vn", "Export", "BTCTW-D01"), (entry.UserName, entry.EntityType, entry.EntityCode));
        Assert.StartsWith($"đơn vị: {unit.Name}; tìm: \"nguyen\"; {ThiDua.Infrastructure.VnFormat.Number(count)} cán bộ, ", entry.Details);
    }

    [Fact]
    public async Task EligibilityInput_Download_IsAudited()
    {
        var person = await App.QueryAsync(db => db.People.Where(p => p.CurrentUnit!.Code == "BTCTW-D01").OrderBy(p => p.Id).Select(p => new { p.Id, p.PersonalCode }).FirstAsync());
        var response = await Client.GetAsync($"/People/Details/{person.Id}?handler=EligibilityInput&year=2019");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).LastAsync(a => a.Action == "Tải dữ liệu đầu vào xét điều kiện"));
        Assert.Equal(("tdkt.btctw@thidua.vn", "Person", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), person.PersonalCode, "năm 2019; 1 cá nhân (JSON)"),
            (entry.UserName, entry.EntityType, entry.EntityId, entry.EntityCode, entry.Details));
    }
}
