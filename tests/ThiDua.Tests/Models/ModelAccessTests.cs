using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Models;
using ThiDua.Tests.Agreements;

namespace ThiDua.Tests.Models;

/// <summary>Models by unit: an officer manages its own agency's, never another's (URL, form post, hidden id); readers read their agency's; the secretariat all.</summary>
/// <remarks>One app for the class: these tests read or are refused (and check that the demo models did not change).</remarks>
public sealed class ModelAccessTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Id, int Version)> CultureModelAsync()
    {
        var m = await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Title == ModelsDemo.OfficeCulture).Select(m => new { m.Id, m.Version }).SingleAsync());
        return (m.Id, m.Version);
    }

    private async Task<(int Id, int Version)> YouthUnionModelAsync()
    {
        var m = await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Unit!.Code == "BTCTW-DTN").Select(m => new { m.Id, m.Version }).SingleAsync());
        return (m.Id, m.Version);
    }

    [Fact]
    public async Task Officer_AnotherAgencysModel_IsRefusedOnEveryPage()
    {
        var (hv, _) = await CultureModelAsync();
        var entry = await App.QueryAsync(db => db.ModelStageEntries.Where(e => e.ModelId == hv).Select(e => e.Id).FirstAsync());
        foreach (var url in new[] { $"/Models/Details/{hv}", $"/Models/Edit/{hv}", $"/Models/Stage/{hv}", $"/Models/Evidence/{entry}" })
            AgreementTestHelpers.AssertDenied(await Client.GetAsync(url), url);
        var list = await (await Client.GetAsync("/Models")).HtmlAsync();
        Assert.DoesNotContain(ModelsDemo.OfficeCulture, list);
        Assert.Contains("Đoàn Thanh niên", list);
    }

    [Fact]
    public async Task Officer_PostsToAnotherAgencysModel_AreRefusedAndWriteNothing()
    {
        var (hv, version) = await CultureModelAsync();
        var (own, _) = await YouthUnionModelAsync();
        var formPage = $"/Models/Details/{own}";
        var audits = await App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ExemplaryModel"));
        AgreementTestHelpers.AssertDenied(await Client.PostFormAsync($"/Models/Details/{hv}?handler=Portal", new() { ["onPortal"] = "false", ["version"] = S(version) }, formPage), "portal");
        AgreementTestHelpers.AssertDenied(await Client.PostFormAsync($"/Models/Stage/{hv}", new() { ["Input.Target"] = "Replicate", ["Input.OnDate"] = "01/03/2024", ["Input.Version"] = S(version) }, formPage), "stage");
        AgreementTestHelpers.AssertDenied(await Client.PostFormAsync($"/Models/Edit/{hv}", new() { ["Input.Kind"] = "Practice", ["Input.Title"] = "Đổi tên", ["Input.Version"] = S(version) }, formPage), "edit");
        Assert.Equal(audits, await App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "ExemplaryModel")));
        var m = await App.QueryAsync(db => db.ExemplaryModels.AsNoTracking().SingleAsync(x => x.Id == hv));
        Assert.Equal((true, ModelStage.Summarize, ModelsDemo.OfficeCulture), (m.OnPortal, m.Stage, m.Title));
    }

    [Theory]
    [InlineData("thanhvien.btctw@thidua.vn")]
    [InlineData("lanhdao.btctw@thidua.vn")]
    public async Task Reader_OwnAgencysModel_ReadsButCannotChange(string who)
    {
        var (own, version) = await YouthUnionModelAsync();
        var (hv, _) = await CultureModelAsync();
        var client = await Shared.As(who);
        var details = await client.GetAsync($"/Models/Details/{own}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.DoesNotContain("handler=Portal", await details.HtmlAsync());
        AgreementTestHelpers.AssertDenied(await client.GetAsync($"/Models/Details/{hv}"), "other agency");
        AgreementTestHelpers.AssertDenied(await client.GetAsync($"/Models/Stage/{own}"), "stage page");
        AgreementTestHelpers.AssertDenied(await client.PostFormAsync($"/Models/Details/{own}?handler=Portal", new() { ["onPortal"] = "false", ["version"] = S(version) }, "/Account/ChangePassword"), "portal");
        Assert.True(await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Id == own).Select(m => m.OnPortal).SingleAsync()));
    }

    [Fact]
    public async Task OtherAgencyOfficer_FiltersByAnotherAgency_GetsOnlyOwn()
    {
        var hvAgency = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var html = await (await Client.GetAsync($"/Models?agency={hvAgency}")).HtmlAsync();
        Assert.DoesNotContain(ModelsDemo.OfficeCulture, html);
        Assert.Contains("Cơ quan: hãy chọn một cơ quan trong danh sách", html);
    }

    [Fact]
    public async Task UnknownIds_AreNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Models/Details/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Models/Evidence/999999")).StatusCode);
    }
}

/// <summary>The secretariat clears a demo model's portal flag (others check it is set), over its own copy of the demo database.</summary>
public sealed class ModelPortalTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Id, int Version)> CultureModelAsync()
    {
        var m = await App.QueryAsync(db => db.ExemplaryModels.Where(m => m.Title == ModelsDemo.OfficeCulture).Select(m => new { m.Id, m.Version }).SingleAsync());
        return (m.Id, m.Version);
    }

    [Fact]
    public async Task Secretariat_AnyAgencysModel_ReadsAndSetsThePortalFlag()
    {
        var (hv, version) = await CultureModelAsync();
        var client = await App.SignInAsync("thuongtruc.khoi@thidua.vn");
        Assert.Contains(ModelsDemo.OfficeCulture, await (await client.GetAsync("/Models")).HtmlAsync());
        var page = $"/Models/Details/{hv}";
        Assert.Equal("Đã bỏ đánh dấu đưa lên cổng thông tin.", await client.FlashAfterAsync(await client.PostFormAsync($"{page}?handler=Portal", new() { ["onPortal"] = "false", ["version"] = S(version) }, page)));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "ExemplaryModel" && e.EntityId == hv.ToString()).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(("Gỡ gương điển hình khỏi cổng thông tin", "thuongtruc.khoi@thidua.vn", "trước: có đưa lên cổng thông tin → sau: không"), (audit.Action, audit.UserName, audit.Details));
    }
}
