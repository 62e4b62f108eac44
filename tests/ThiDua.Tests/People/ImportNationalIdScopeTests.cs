using Microsoft.EntityFrameworkCore;
using ThiDua.Features.People;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Tests.People;

/// <summary>A duplicate CCCD in an import names its holder only to someone who may see them (as the edit page does).</summary>
public sealed class ImportNationalIdScopeTests() : AppTest("tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task Import_NationalIdOfAPersonOutsideTheScope_RefusedWithoutNamingThem()
    {
        var holder = await App.QueryAsync(db => db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("HVCTQG")).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PersonalCode }).FirstAsync());
        await App.ExecuteAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == holder.Id)).NationalId = "001190077777";
            await db.SaveChangesAsync();
        });
        var row = ImportTests.Person("IDS-3001", "Phan", "Thị", "Hoa", "Nữ", "02/02/1987", "BTCTW-D01");
        row[W.NationalIdCol] = "001190077777";
        row[W.CivilServantCol] = null;

        var job = await ImportTests.UploadAsync(App, Client, ImportTests.Workbook([row]));

        Assert.Equal(ImportJobState.Rejected, job.State);
        var messages = PeopleImporter.ParseReport(job.ReportJson).SelectMany(r => r.Messages).ToList();
        Assert.Contains("Dòng 2, cột \"Số CCCD\": số CCCD \"001190077777\" đã ghi cho một người ngoài phạm vi của bạn", messages);
        Assert.DoesNotContain(messages, m => m.Contains(holder.PersonalCode, StringComparison.Ordinal));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "IDS-3001")));
    }
}
