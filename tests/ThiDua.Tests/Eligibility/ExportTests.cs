using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Eligibility;

/// <summary>The /Eligibility export: formula-like text neutralised, the export recorded in the audit.</summary>
public sealed class ExportTests() : AppTest("tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task Export_FormulaInAUnitName_IsWrittenAsText_AndTheExportIsAudited()
    {
        var unitId = await App.QueryAsync(async db =>
        {
            var u = await db.Units.SingleAsync(u => u.Code == "BTCTW-D01");
            u.Name = "=HYPERLINK(\"http://example.org\",\"Vụ\")";
            await db.SaveChangesAsync();
            return u.Id;
        });
        var bytes = await Client.GetByteArrayAsync($"/Eligibility?handler=Export&unit={unitId}&year=2019&code=LDTT");
        using var ms = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(ms, useHeaderRow: true, sheetName: "Xét điều kiện").Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("'=HYPERLINK(\"http://example.org\",\"Vụ\")", r["Đơn vị"]));
        Assert.DoesNotContain("<f>", ThiDua.Tests.People.ExportTests.Part(bytes, "xl/worksheets/sheet1.xml"));

        var entry = await App.QueryAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).LastAsync(a => a.Action == "Xuất danh sách xét điều kiện"));
        Assert.Equal(("tdkt.btctw@thidua.vn", "Export"), (entry.UserName, entry.EntityType));
        Assert.Equal($"năm 2019; đơn vị: =HYPERLINK(\"http://example.org\",\"Vụ\"); mã: LDTT; {ThiDua.Infrastructure.VnFormat.Number(rows.Count)} cá nhân, {ThiDua.Infrastructure.VnFormat.Number(rows.Count)} dòng", entry.Details);
    }
}
