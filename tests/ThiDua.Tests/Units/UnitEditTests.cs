using System.Globalization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Units;

namespace ThiDua.Tests.Units;

/// <summary>Adding and editing units: bad input answers with a Vietnamese message, never a 500; changes are audited.</summary>
public sealed class UnitEditTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private Task<Unit> UnitAsync(string code) => App.QueryAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Code == code));

    private static Dictionary<string, string> Form(Unit u) => new()
    {
        ["Input.Name"] = u.Name, ["Input.ShortName"] = u.ShortName ?? "", ["Input.Code"] = u.Code, ["Input.Kind"] = u.Kind.ToString(),
        ["Input.ParentId"] = u.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["Input.ActiveFrom"] = u.ActiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Input.Version"] = u.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> NewUnit(string code, string kind, int parentId) => new()
    {
        ["Input.Name"] = "Phòng Thử nghiệm", ["Input.Code"] = code, ["Input.Kind"] = kind,
        ["Input.ParentId"] = parentId.ToString(CultureInfo.InvariantCulture), ["Input.ActiveFrom"] = "2020-01-01", ["Input.Version"] = "0",
    };

    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task EditOwnAgency_ByAgencyOfficer_IsSavedAndAuditedByIdWithBeforeAndAfter()
    {
        var agency = await UnitAsync("BTCTW");
        var form = Form(agency);
        form["Input.ShortName"] = "BTC";
        var response = await Client.PostFormAsync($"/Units/Edit/{agency.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("BTC", (await UnitAsync("BTCTW")).ShortName);
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Sửa đơn vị"));
        Assert.Equal((nameof(Unit), agency.Id.ToString(CultureInfo.InvariantCulture), "BTCTW"), (audit.EntityType, audit.EntityId, audit.EntityCode));
        Assert.Equal($"trước: tên viết tắt: {agency.ShortName ?? "—"} → sau: tên viết tắt: BTC", audit.Details);
    }

    [Fact]
    public async Task AddSubUnitOfKindAgency_ByAgencyOfficer_IsRefusedInVietnamese()
    {
        var agency = await UnitAsync("BTCTW");
        var page = await Client.GetStringAsync("/Units/Edit");
        Assert.DoesNotContain("value=\"Agency\"", page);
        var response = await Client.PostFormAsync("/Units/Edit", NewUnit("BTCTW-CQ", "Agency", agency.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ quản trị hoặc thường trực khối được tạo cơ quan (loại \"Cơ quan\")", await HtmlAsync(response));
        Assert.False(await App.QueryAsync(db => db.Units.AnyAsync(u => u.Code == "BTCTW-CQ")));
    }

    [Fact]
    public async Task AddSubUnitOfKindAgency_ByBlocSecretariat_IsAllowed()
    {
        // Under its own agency: the bloc secretariat changes units only of its own agency (least privilege).
        var agency = await UnitAsync("BDVTW");
        var secretariat = await App.SignInAsync("thuongtruc.khoi@thidua.vn");
        var response = await secretariat.PostFormAsync("/Units/Edit", NewUnit("BTCTW-CQ", "Agency", agency.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await UnitAsync("BTCTW-CQ");
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Thêm đơn vị"));
        Assert.Equal((created.Id.ToString(CultureInfo.InvariantCulture), "BTCTW-CQ"), (audit.EntityId, audit.EntityCode));
        Assert.StartsWith("trước: — → sau: tên: Phòng Thử nghiệm; tên viết tắt: —; mã: BTCTW-CQ; loại: Cơ quan; trực thuộc: Ban Dân vận Trung ương (BDVTW)", audit.Details);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("HVCTQG")]
    public async Task AddUnit_UnderUnknownOrOutOfScopeParent_IsRefusedInVietnamese(string parent)
    {
        var parentId = parent == "999999" ? 999999 : (await UnitAsync(parent)).Id;
        var response = await Client.PostFormAsync("/Units/Edit", NewUnit("BTCTW-X1", "Department", parentId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đơn vị trực thuộc không hợp lệ", await HtmlAsync(response));
        Assert.False(await App.QueryAsync(db => db.Units.AnyAsync(u => u.Code == "BTCTW-X1")));
    }

    [Fact]
    public async Task AddUnit_WithACodeAnotherOfficerSavesFirst_IsRefusedInVietnameseNotA500()
    {
        // Another writer saves the same code between the page's check and its save, so the unique index on
        // Units.Code refuses the insert.
        var agency = await UnitAsync("BTCTW");
        using var racing = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => TestApp.AddInterceptor(s, new SavedMeanwhile(App.Location,
            c => c.CommandText.Contains("\"Code\" = @", StringComparison.Ordinal) && c.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => Equals(p.Value, "BTCTW-RACE")),
            async other =>
            {
                other.Units.Add(new Unit { Name = "Phòng khác", Code = "BTCTW-RACE", Kind = UnitKind.SubUnit, ParentId = agency.Id, ActiveFrom = new DateOnly(2020, 1, 1), SearchName = "", SortKey = "" });
                await other.SaveChangesAsync();
            }))));
        var client = racing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = TestApp.Password })).StatusCode);
        var response = await client.PostFormAsync("/Units/Edit", NewUnit("btctw-race", "Department", agency.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã \"BTCTW-RACE\" đã được dùng cho đơn vị khác.", await HtmlAsync(response));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Thêm đơn vị")));
    }
}
