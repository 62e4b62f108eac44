using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Agreements;

namespace ThiDua.Tests.Agreements;

/// <summary>Agreements by unit: a member agency reads (and downloads) only the signed agreements it signed; only the bloc secretariat changes them — not by URL, not by form post.</summary>
/// <remarks>One app for the class: these tests read or are refused; the agreements they make are their own 2025 ones, found by their own ids.</remarks>
public sealed class AgreementAccessTests(SharedApp shared) : SharedAppTest(shared, "thuongtruc.khoi@thidua.vn")
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<int> DemoIdAsync() => App.QueryAsync(db => db.Agreements.Where(a => a.Title == AgreementsDemo.Title2019).Select(a => a.Id).SingleAsync());

    /// <summary>An agreement signed by Học viện CTQG and Đảng ủy Khối only (not Ban Tổ chức TW); signed when <paramref name="sign"/>.</summary>
    private async Task<int> AgreementWithoutBtctwAsync(bool sign)
    {
        var id = AgreementTestHelpers.IdFrom(await Client.PostFormAsync("/Agreements/Edit", new()
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = "2025", ["Input.Title"] = "Giao ước chuyên đề 2025", ["Input.SignedOn"] = "10/03/2025", ["Input.Place"] = "Hà Nội",
        }));
        var page = $"/Agreements/Details/{id}";
        foreach (var code in new[] { "HVCTQG", "DUKCQTW" })
            await Client.PostFormAsync($"{page}?handler=Signatory", new() { ["unitId"] = S(await UnitIdAsync(code)), ["name"] = "Đại diện" }, page);
        await Client.PostFileAsync($"/Agreements/Attach/{id}", $"/Agreements/Attach/{id}", "ban-ky.pdf", AgreementTestHelpers.TinyPdf);
        if (sign)
        {
            var version = await App.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
            await Client.PostFormAsync($"{page}?handler=Sign", new() { ["version"] = S(version) }, page);
            Assert.Equal(AgreementState.SignedOff, await App.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.State).SingleAsync()));
        }
        return id;
    }

    [Theory]
    [InlineData("tdkt.btctw@thidua.vn")]
    [InlineData("thanhvien.btctw@thidua.vn")]
    [InlineData("lanhdao.btctw@thidua.vn")]
    [InlineData("tdkt.hvctqg@thidua.vn")]
    public async Task MemberAgencyReader_SignedAgreementItSigned_ReadsAndDownloads(string who)
    {
        var id = await DemoIdAsync();
        var client = await Shared.As(who);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/Agreements/Details/{id}")).StatusCode);
        var file = await client.GetAsync($"/Agreements/Download/{id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains(AgreementsDemo.Title2019, await (await client.GetAsync("/Agreements")).HtmlAsync());
    }

    [Fact]
    public async Task Officer_AgreementHisAgencyDidNotSign_IsRefusedByUrlAndDownload_OtherSignatoryReadsIt()
    {
        var id = await AgreementWithoutBtctwAsync(sign: true);
        var bt = await Shared.As("tdkt.btctw@thidua.vn");
        AgreementTestHelpers.AssertDenied(await bt.GetAsync($"/Agreements/Details/{id}"), "details");
        AgreementTestHelpers.AssertDenied(await bt.GetAsync($"/Agreements/Download/{id}"), "download");
        Assert.DoesNotContain("Giao ước chuyên đề 2025", await (await bt.GetAsync("/Agreements")).HtmlAsync());
        var hv = await Shared.As("tdkt.hvctqg@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await hv.GetAsync($"/Agreements/Download/{id}")).StatusCode);
    }

    [Fact]
    public async Task Officer_DraftOfAnAgencyItIsAmong_IsNotShownUntilSigned()
    {
        var id = await AgreementWithoutBtctwAsync(sign: false);
        var hv = await Shared.As("tdkt.hvctqg@thidua.vn");
        AgreementTestHelpers.AssertDenied(await hv.GetAsync($"/Agreements/Details/{id}"), "draft details");
        AgreementTestHelpers.AssertDenied(await hv.GetAsync($"/Agreements/Download/{id}"), "draft download");
    }

    [Fact]
    public async Task Officer_PostsToChangeAnAgreement_AreRefusedAndWriteNothing()
    {
        var demo = await DemoIdAsync();
        var draft = await AgreementWithoutBtctwAsync(sign: false);
        var bt = await Shared.As("tdkt.btctw@thidua.vn");
        var before = await App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Agreement"));
        var details = "/Account/ChangePassword";
        AgreementTestHelpers.AssertDenied(await bt.PostFormAsync($"/Agreements/Details/{draft}?handler=Signatory", new() { ["unitId"] = S(await UnitIdAsync("BTCTW")), ["name"] = "X" }, details), "signatory");
        AgreementTestHelpers.AssertDenied(await bt.PostFormAsync($"/Agreements/Details/{draft}?handler=Sign", new() { ["version"] = "0" }, details), "sign");
        AgreementTestHelpers.AssertDenied(await bt.PostFormAsync($"/Agreements/Details/{demo}?handler=Sign", new() { ["version"] = "0" }, details), "sign own");
        AgreementTestHelpers.AssertDenied(await bt.PostFormAsync($"/Agreements/Delete/{draft}", new() { ["version"] = "0" }, details), "delete");
        AgreementTestHelpers.AssertDenied(await bt.PostFormAsync($"/Agreements/Edit/{demo}", new() { ["Input.Year"] = "2019", ["Input.Title"] = "Đổi tên", ["Input.Reason"] = "x" }, details), "edit");
        AgreementTestHelpers.AssertDenied(await bt.PostFormAsync("/Agreements/Edit", new() { ["Input.BlocId"] = "1", ["Input.Year"] = "2026", ["Input.Title"] = "Mới" }, details), "create");
        AgreementTestHelpers.AssertDenied(await bt.PostFileAsync($"/Agreements/Attach/{draft}", details, "x.pdf", AgreementTestHelpers.TinyPdf), "attach");
        foreach (var page in new[] { $"/Agreements/Edit/{demo}", $"/Agreements/Attach/{draft}", $"/Agreements/Delete/{draft}" })
            AgreementTestHelpers.AssertDenied(await bt.GetAsync(page), page);
        Assert.Equal(before, await App.QueryAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Agreement")));
        Assert.Equal(2, await App.QueryAsync(db => db.AgreementSignatories.CountAsync(s => s.AgreementId == draft)));
    }

    [Fact]
    public async Task Staff_AnyAgreementPage_IsRefused()
    {
        var id = await DemoIdAsync();
        var staff = await Shared.As("canbo.btctw@thidua.vn");
        AgreementTestHelpers.AssertDenied(await staff.GetAsync($"/Agreements/Details/{id}"), "details");
        AgreementTestHelpers.AssertDenied(await staff.GetAsync($"/Agreements/Download/{id}"), "download");
    }
}
