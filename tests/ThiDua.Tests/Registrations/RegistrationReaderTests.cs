using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Registrations;

namespace ThiDua.Tests.Registrations;

/// <summary>A signing leader reads their own agency's registrations and changes nothing; another agency's stays closed.</summary>
public sealed class RegistrationReaderTests() : AppTest("lanhdao.btctw@thidua.vn")
{
    [Fact]
    public async Task Leader_OwnAgencyReadOnly_OtherAgencyRefused()
    {
        var reg = await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == "BTCTW" && r.Year == 2026).Select(r => new { r.Id, r.Version }).SingleAsync());
        var (own, version) = (reg.Id, reg.Version);
        var hv = await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == "HVCTQG" && r.Year == 2019).Select(r => r.Id).SingleAsync());
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Registrations/Edit/{own}"));
        Assert.DoesNotContain("id=\"add-agency\"", html);
        Assert.DoesNotContain("id=\"submit\"", html);
        Assert.Contains("/Account/AccessDenied", (await Client.GetAsync($"/Registrations/Edit/{hv}")).Headers.Location?.ToString() ?? "");
        var post = await Client.PostFormAsync($"/Registrations/Edit/{own}?handler=Submit", new() { ["Version"] = version.ToString(CultureInfo.InvariantCulture) }, "/Account/ChangePassword");
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.ToString() ?? "");
        Assert.Equal(RegistrationState.Draft, await App.QueryAsync(db => db.Registrations.Where(r => r.Id == own).Select(r => r.State).SingleAsync()));
        var create = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["year"] = "2030" }, "/Account/ChangePassword");
        Assert.Contains("/Account/AccessDenied", create.Headers.Location?.ToString() ?? "");
    }
}
