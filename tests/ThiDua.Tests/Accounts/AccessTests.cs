using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Accounts;

/// <summary>Each page allowed or refused by role and by unit, for the demo accounts.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>): the pages are read, and the few posts either are refused or
/// write rows no other test here looks at.</remarks>
public sealed class AccessTests(SharedApp shared) : SharedAppTest(shared)
{
    private int _btctwPerson, _hvPerson, _btctwUnit, _hvUnit, _staffOwn, _bdPerson, _bdUnit;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_bdPerson, _bdUnit) = await App.QueryAsync(async db =>
        {
            // The bloc secretariat's own agency (its account sits in Ban Dân vận Trung ương).
            var bd = await db.Units.SingleAsync(u => u.Code == "BDVTW");
            var sub = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, bd.Id);
            return (await db.People.Where(p => sub.Contains(p.CurrentUnitId!.Value)).Select(p => p.Id).FirstAsync(), bd.Id);
        });
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

    private Task<HttpClient> As(string who) => Shared.As(who);

    private string Url(string template) => template
        .Replace("{btPerson}", _btctwPerson.ToString()).Replace("{hvPerson}", _hvPerson.ToString())
        .Replace("{btUnit}", _btctwUnit.ToString()).Replace("{hvUnit}", _hvUnit.ToString()).Replace("{own}", _staffOwn.ToString())
        .Replace("{bdPerson}", _bdPerson.ToString()).Replace("{bdUnit}", _bdUnit.ToString());

    /// <summary>The bloc's year keeps its rows beside its tests (Movements/MovementsAccessCases.cs, …), one file per feature.</summary>
    private static readonly (string Who, string Url, string Expected)[] BlocYearCases =
    [
        .. Movements.MovementsAccessCases.Cases, .. Registrations.RegistrationsAccessCases.Cases,
        .. Agreements.AgreementsAccessCases.Cases, .. Scoring.ScoringAccessCases.Cases,
        .. Votes.VotesAccessCases.Cases, .. Models.ModelsAccessCases.Cases,
        // Issue 10: nominations to decisions.
        .. Calendar.CalendarAccessCases.Cases, .. Nominations.NominationsAccessCases.Cases, .. Nominations.Workflow.WorkflowAccessCases.Cases, .. Certificates.CertificatesAccessCases.Cases, .. Councils.CouncilsAccessCases.Cases, .. Decisions.DecisionsAccessCases.Cases,
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = RegistryCases();
        foreach (var (who, url, expected) in BlocYearCases) data.Add(who, url, expected);
        return data;
    }

    private static TheoryData<string, string, string> RegistryCases() => new()
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
        // The bloc secretariat reads every member agency but changes personnel records only of its own agency.
        { "thuongtruc.khoi@thidua.vn", "/People/Edit/{hvPerson}", "denied" },
        { "thuongtruc.khoi@thidua.vn", "/People/Edit/{btPerson}", "denied" },
        { "thuongtruc.khoi@thidua.vn", "/People/Edit/{bdPerson}", "ok" },
        { "thuongtruc.khoi@thidua.vn", "/People/Details/{bdPerson}", "ok" },
        { "thuongtruc.khoi@thidua.vn", "/Units/Details/{hvUnit}", "ok" },
        { "thuongtruc.khoi@thidua.vn", "/Units/Edit/{hvUnit}", "denied" },
        { "thuongtruc.khoi@thidua.vn", "/Units/Edit/{bdUnit}", "ok" },
        { "thuongtruc.khoi@thidua.vn", "/Eligibility?unit={hvUnit}", "ok" },
        { "admin@thidua.vn", "/People/Edit/{hvPerson}", "ok" },
        { "admin@thidua.vn", "/Units/Edit/{hvUnit}", "ok" },
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

    public static TheoryData<string, string> BlocSecretariatPosts() => new()
    {
        // handler, fields (name=value;…): every change to another agency's personnel record
        { "Rating", "rating.Year=2026;rating.Rating=HTXSNV" },
        { "Discipline", "discipline.Level=KhienTrach;discipline.From=2025-01-01;discipline.To=2025-12-31" },
        { "Award", "award.Year=2025;award.Code=CSTDCS;award.Basis=Annual;award.Authority=CoQuan" },
        { "Initiative", "initiative.Year=2025;initiative.Title=Sáng kiến;initiative.Scope=CoSo" },
        { "Active", "active=false;version=0" },
    };

    [Theory]
    [MemberData(nameof(BlocSecretariatPosts))]
    public async Task BlocSecretariat_PostsHistoryOfAnotherAgencysPerson_IsRefusedAndWritesNothing(string handler, string fields)
    {
        var client = await As("thuongtruc.khoi@thidua.vn");
        var form = fields.Split(';').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var before = await App.QueryAsync(async db => (await db.AuditEntries.CountAsync(), await db.YearRatings.CountAsync(r => r.PersonId == _hvPerson), await db.DisciplineRecords.CountAsync(r => r.PersonId == _hvPerson), await db.Awards.CountAsync(r => r.PersonId == _hvPerson)));
        var response = await client.PostFormAsync($"/People/Details/{_hvPerson}?handler={handler}", form, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
        var after = await App.QueryAsync(async db => (await db.AuditEntries.CountAsync(), await db.YearRatings.CountAsync(r => r.PersonId == _hvPerson), await db.DisciplineRecords.CountAsync(r => r.PersonId == _hvPerson), await db.Awards.CountAsync(r => r.PersonId == _hvPerson)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task BlocSecretariat_PostsEditOfAnotherAgencysPerson_IsRefused()
    {
        var client = await As("thuongtruc.khoi@thidua.vn");
        var name = await App.QueryAsync(db => db.People.Where(p => p.Id == _hvPerson).Select(p => p.GivenName).SingleAsync());
        var response = await client.PostFormAsync($"/People/Edit/{_hvPerson}", new() { ["Input.FamilyName"] = "Sửa", ["Input.GivenName"] = "Đã Bị Sửa", ["Input.Gender"] = "Male", ["Input.UnitId"] = _hvUnit.ToString() }, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
        Assert.Equal(name, await App.QueryAsync(db => db.People.Where(p => p.Id == _hvPerson).Select(p => p.GivenName).SingleAsync()));
    }

    [Fact]
    public async Task BlocSecretariat_PostsRatingOfOwnAgencysPerson_IsSaved()
    {
        var client = await As("thuongtruc.khoi@thidua.vn");
        var response = await client.PostFormAsync($"/People/Details/{_bdPerson}?handler=Rating", new() { ["rating.Year"] = "2026", ["rating.Rating"] = "HTXSNV" }, $"/People/Details/{_bdPerson}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("AccessDenied", response.Headers.Location!.ToString());
        Assert.True(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.PersonId == _bdPerson && r.Year == 2026)));
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
