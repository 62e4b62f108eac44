using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Units;

namespace ThiDua.Tests.Units;

/// <summary>Stopping a unit asks for confirmation on its own page, says what it will do, and is audited.</summary>
public sealed class DeactivateTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private async Task<Unit> EmptyUnitAsync()
    {
        var unit = new Unit { Name = "Phòng Lưu trữ tạm", Code = "BTCTW-TMP", Kind = UnitKind.SubUnit };
        await App.ExecuteAsync(async db =>
        {
            unit.ParentId = await db.Units.Where(u => u.Code == "BTCTW-D05").Select(u => u.Id).SingleAsync();
            unit.Normalize();
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        });
        return unit;
    }

    [Fact]
    public async Task Deactivate_GetShowsWhatItWillDo_PostStopsTheUnitAndAuditsBeforeAndAfter()
    {
        var unit = await EmptyUnitAsync();
        var details = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Units/Details/{unit.Id}"));
        Assert.Contains($"href=\"/Units/Deactivate/{unit.Id}\"", details);
        Assert.DoesNotContain("handler=Active", details);

        var confirm = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Units/Deactivate/{unit.Id}"));
        Assert.Contains("Phòng Lưu trữ tạm sẽ ngừng hoạt động từ hôm nay", confirm);
        Assert.Contains("Xác nhận ngừng hoạt động", confirm);
        Assert.Null(await App.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.ActiveTo).SingleAsync()));

        var response = await Client.PostFormAsync($"/Units/Deactivate/{unit.Id}", new() { ["version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull(await App.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.ActiveTo).SingleAsync()));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Ngừng hoạt động đơn vị"));
        Assert.Equal((nameof(Unit), unit.Id.ToString(CultureInfo.InvariantCulture), "BTCTW-TMP"), (audit.EntityType, audit.EntityId, audit.EntityCode));
        Assert.Matches("^Phòng Lưu trữ tạm: trước: hoạt động 01/01/2010 – nay → sau: hoạt động 01/01/2010 – \\d\\d/\\d\\d/\\d{4}$", audit.Details);

        // Back again, from the unit's page, audited too.
        var back = await Client.PostFormAsync($"/Units/Details/{unit.Id}?handler=Reactivate", new() { ["version"] = "1" }, $"/Units/Details/{unit.Id}");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Null(await App.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.ActiveTo).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Hoạt động lại đơn vị" && a.EntityCode == "BTCTW-TMP")));
    }

    [Fact]
    public async Task Deactivate_UnitWithStaffOrActiveSubunits_SaysWhyAndChangesNothing()
    {
        var office = await App.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Code == "BTCTW-D05"));
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Units/Deactivate/{office.Id}"));
        Assert.Contains("đơn vị trực thuộc đang hoạt động (Phòng Hành chính, Phòng Quản trị)", page);
        Assert.DoesNotContain("Xác nhận ngừng hoạt động", page);
        var response = await Client.PostFormAsync($"/Units/Deactivate/{office.Id}", new() { ["version"] = office.Version.ToString(CultureInfo.InvariantCulture) }, $"/Units/Details/{office.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await App.QueryAsync(db => db.Units.Where(u => u.Id == office.Id).Select(u => u.ActiveTo).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Ngừng hoạt động đơn vị")));
    }

    [Fact]
    public async Task Deactivate_ByOfficerOfAnotherAgency_IsRefused()
    {
        var unit = await EmptyUnitAsync();
        var other = await App.SignInAsync("tdkt.hvctqg@thidua.vn");
        var get = await other.GetAsync($"/Units/Deactivate/{unit.Id}");
        var post = await other.PostFormAsync($"/Units/Deactivate/{unit.Id}", new() { ["version"] = "0" }, "/Account/ChangePassword");
        Assert.All([get, post], r => Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString() ?? $"status {(int)r.StatusCode}"));
        Assert.Null(await App.QueryAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.ActiveTo).SingleAsync()));
    }
}
