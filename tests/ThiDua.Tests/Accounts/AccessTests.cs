using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Accounts;

/// <summary>Each page allowed or refused by role and by unit, for the demo accounts.</summary>
public sealed class AccessTests : AppTest
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private int _btctwPerson, _hvPerson, _btctwUnit, _hvUnit, _staffOwn;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_btctwPerson, _hvPerson, _btctwUnit, _hvUnit, _staffOwn) = await App.QueryAsync(async db =>
        {
            var bt = await db.Units.SingleAsync(u => u.Code == "BTCTW");
            var hv = await db.Units.SingleAsync(u => u.Code == "HVCTQG");
            var btDepts = await db.Units.Where(u => u.ParentId == bt.Id).Select(u => u.Id).ToListAsync();
            var hvDepts = await db.Units.Where(u => u.ParentId == hv.Id).Select(u => u.Id).ToListAsync();
            var own = await db.Users.Where(u => u.Email == "canbo.btctw@thidua.vn").Select(u => u.PersonId!.Value).SingleAsync();
            var btPerson = await db.People.Where(p => btDepts.Contains(p.CurrentUnitId!.Value) && p.Id != own).Select(p => p.Id).FirstAsync();
            var hvPerson = await db.People.Where(p => hvDepts.Contains(p.CurrentUnitId!.Value)).Select(p => p.Id).FirstAsync();
            return (btPerson, hvPerson, bt.Id, hv.Id, own);
        });
    }

    private async Task<HttpClient> As(string who)
    {
        if (!_clients.TryGetValue(who, out var c)) _clients[who] = c = who == "anonymous" ? App.Browser() : await App.SignInAsync(who);
        return c;
    }

    private string Url(string template) => template
        .Replace("{btPerson}", _btctwPerson.ToString()).Replace("{hvPerson}", _hvPerson.ToString())
        .Replace("{btUnit}", _btctwUnit.ToString()).Replace("{hvUnit}", _hvUnit.ToString()).Replace("{own}", _staffOwn.ToString());

    public static TheoryData<string, string, string> Cases() => new()
    {
        // who, url, expected: "ok", "denied" (access-denied page), "login"
        { "anonymous", "/", "ok" },
        { "anonymous", "/People", "login" },
        { "anonymous", "/People/Details/{btPerson}", "login" },
        { "anonymous", "/Admin/Accounts", "login" },
        { "tdkt.btctw@thidua.vn", "/People", "ok" },
        { "tdkt.btctw@thidua.vn", "/People/Details/{btPerson}", "ok" },
        { "tdkt.btctw@thidua.vn", "/People/Edit/{btPerson}", "ok" },
        { "tdkt.btctw@thidua.vn", "/People/Details/{hvPerson}", "denied" },
        { "tdkt.btctw@thidua.vn", "/People/Edit/{hvPerson}", "denied" },
        { "tdkt.btctw@thidua.vn", "/People?unit={hvUnit}", "denied" },
        { "tdkt.btctw@thidua.vn", "/Units/Details/{btUnit}", "ok" },
        { "tdkt.btctw@thidua.vn", "/Units/Details/{hvUnit}", "denied" },
        { "tdkt.btctw@thidua.vn", "/Units/Edit/{hvUnit}", "denied" },
        { "tdkt.btctw@thidua.vn", "/Eligibility?unit={hvUnit}", "denied" },
        { "tdkt.btctw@thidua.vn", "/People/Import", "ok" },
        { "tdkt.btctw@thidua.vn", "/Admin/Accounts", "denied" },
        { "tdkt.btctw@thidua.vn", "/Admin/RuleSets", "denied" },
        { "tdkt.hvctqg@thidua.vn", "/People/Details/{hvPerson}", "ok" },
        { "tdkt.hvctqg@thidua.vn", "/People/Details/{btPerson}", "denied" },
        { "thanhvien.btctw@thidua.vn", "/People/Details/{btPerson}", "ok" },
        { "thanhvien.btctw@thidua.vn", "/People/Edit/{btPerson}", "denied" },
        { "thanhvien.btctw@thidua.vn", "/People/Import", "denied" },
        { "lanhdao.btctw@thidua.vn", "/Eligibility?unit={btUnit}", "ok" },
        { "hoidong.btctw@thidua.vn", "/People/Edit/{btPerson}", "ok" },
        { "canbo.btctw@thidua.vn", "/People/Details/{own}", "ok" },
        { "canbo.btctw@thidua.vn", "/People/Me", "redirect" },
        { "canbo.btctw@thidua.vn", "/People/Details/{btPerson}", "denied" },
        { "canbo.btctw@thidua.vn", "/People", "denied" },
        { "canbo.btctw@thidua.vn", "/Units", "denied" },
        { "canbo.btctw@thidua.vn", "/People/Edit/{own}", "denied" },
        { "thuongtruc.khoi@thidua.vn", "/People/Details/{hvPerson}", "ok" },
        { "thuongtruc.khoi@thidua.vn", "/Blocs/Edit/1", "ok" },
        { "tdkt.btctw@thidua.vn", "/Blocs/Edit/1", "denied" },
        { "admin@thidua.vn", "/Admin/Accounts", "ok" },
        { "admin@thidua.vn", "/Admin/RuleSets", "ok" },
        { "admin@thidua.vn", "/Admin/Audit", "ok" },
        { "admin@thidua.vn", "/People/Details/{hvPerson}", "ok" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_ForRoleAndUnit_IsAllowedOrRefused(string who, string url, string expected)
    {
        var client = await As(who);
        var response = await client.GetAsync(Url(url));
        var location = response.Headers.Location?.ToString() ?? "";
        switch (expected)
        {
            case "ok":
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {url}: {(int)response.StatusCode} {location}");
                break;
            case "redirect":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains($"/People/Details/{_staffOwn}", location);
                break;
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/Account/Login", location);
                break;
            default:
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied"), $"{who} {url}: {(int)response.StatusCode} {location}");
                var denied = await client.GetAsync(location);
                Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
                break;
        }
    }

    [Fact]
    public async Task PostRating_ToAnotherAgencysPerson_IsRefusedAndWritesNothing()
    {
        var client = await As("tdkt.btctw@thidua.vn");
        var formPage = $"/People/Details/{_btctwPerson}";
        var before = await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == _hvPerson));
        var response = await client.PostFormAsync($"/People/Details/{_hvPerson}?handler=Rating", new() { ["rating.Year"] = "2026", ["rating.Rating"] = "HTXSNV" }, formPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
        Assert.Equal(before, await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == _hvPerson)));
    }

    [Fact]
    public async Task PostRating_ToOwnAgencysPerson_IsSavedAndAudited()
    {
        var client = await As("tdkt.btctw@thidua.vn");
        var response = await client.PostFormAsync($"/People/Details/{_btctwPerson}?handler=Rating", new() { ["rating.Year"] = "2026", ["rating.Rating"] = "HTXSNV" }, $"/People/Details/{_btctwPerson}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.PersonId == _btctwPerson && r.Year == 2026)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.UserName == "tdkt.btctw@thidua.vn" && a.Action == "Thêm xếp loại")));
    }

    [Fact]
    public async Task PeopleList_ForAgencyOfficer_ShowsOnlyTheirAgency()
    {
        var client = await As("tdkt.btctw@thidua.vn");
        var html = await client.GetStringAsync("/People");
        var expected = await App.QueryAsync(async db =>
        {
            var sub = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, _btctwUnit);
            return await db.People.CountAsync(p => p.IsActive && sub.Contains(p.CurrentUnitId!.Value));
        });
        Assert.Contains($"{ThiDua.Infrastructure.VnFormat.Number(expected)} dòng", html);
        Assert.Equal(480, expected);
    }
}
