using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Features.Accounts;

namespace ThiDua.Tests.Accounts;

/// <summary>An administrator's change to an account ends that account's sessions on its very next request.</summary>
public sealed class SessionTests() : AppTest("admin@thidua.vn")
{
    private const string Officer = "tdkt.btctw@thidua.vn";

    private async Task<(string Id, int UnitId, int PersonId)> OfficerAsync() => await App.QueryAsync(async db =>
    {
        var u = await db.Users.SingleAsync(x => x.Email == Officer);
        var unitIds = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, u.UnitId);
        var person = await db.People.Where(p => unitIds.Contains(p.CurrentUnitId!.Value)).Select(p => p.Id).FirstAsync();
        return (u.Id, u.UnitId, person);
    });

    /// <summary>The account form as the administrator would post it, with one change applied.</summary>
    private async Task<Dictionary<string, string>> FormAsync(string id, Action<Dictionary<string, string>> change)
    {
        var html = System.Net.WebUtility.HtmlDecode(await Client.GetStringAsync($"/Admin/Accounts/Edit/{id}"));
        string Value(string name) => System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{name}\"") is { Success: true } m ? m.Groups[1].Value + m.Groups[2].Value : "";
        var user = await App.QueryAsync(db => db.Users.SingleAsync(u => u.Id == id));
        var form = new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email!, ["Input.FullName"] = user.FullName, ["Input.UnitId"] = user.UnitId.ToString(),
            ["Input.Roles"] = Roles.EmulationOfficer, ["Input.IsActive"] = "true", ["Input.ConcurrencyStamp"] = Value("Input.ConcurrencyStamp"),
        };
        change(form);
        return form;
    }

    private async Task AdminSavesAsync(string id, Action<Dictionary<string, string>> change)
    {
        var response = await Client.PostFormAsync($"/Admin/Accounts/Edit/{id}", await FormAsync(id, change));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "role=\"alert\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value);
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    public static TheoryData<string> Changes() => ["deactivate", "roles", "unit", "person"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AdminChangesAccount_OfficersNextRequest_IsSignedOut(string change)
    {
        var (id, _, person) = await OfficerAsync();
        var otherUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var code = await App.QueryAsync(db => db.People.Where(p => p.Id == person).Select(p => p.PersonalCode).SingleAsync());
        var officer = await App.SignInAsync(Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/People")).StatusCode);
        var formToken = await officer.AntiforgeryTokenAsync($"/People/Details/{person}");

        await AdminSavesAsync(id, f =>
        {
            switch (change)
            {
                case "deactivate": f["Input.IsActive"] = "false"; break;
                case "roles": f["Input.Roles"] = Roles.CouncilMember; break;
                case "unit": f["Input.UnitId"] = otherUnit.ToString(); break;
                default: f["Input.PersonalCode"] = code; break;
            }
        });

        // A write with the token the officer's open page already holds, an export, and a page: all signed out.
        var before = await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == person));
        var post = await officer.PostAsync($"/People/Details/{person}?handler=Rating", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["rating.Year"] = "2026", ["rating.Rating"] = "HTXSNV", ["__RequestVerificationToken"] = formToken }));
        AssertSignedOut(post);
        Assert.Equal(before, await App.QueryAsync(db => db.YearRatings.CountAsync(r => r.PersonId == person)));
        AssertSignedOut(await officer.GetAsync("/People?handler=Export"));
        AssertSignedOut(await officer.GetAsync("/People"));
    }

    [Fact]
    public async Task AdminSavesAccountUnchanged_OfficerKeepsWorking()
    {
        var (id, _, _) = await OfficerAsync();
        var officer = await App.SignInAsync(Officer);
        await AdminSavesAsync(id, f => f["Input.FullName"] = "Cán bộ TĐKT Ban Tổ chức TW (đổi tên)");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/People")).StatusCode);
    }

    [Fact]
    public async Task DeactivatedDirectlyInDatabase_NextRequest_IsSignedOut()
    {
        var officer = await App.SignInAsync(Officer);
        await App.ExecuteAsync(db => db.Users.Where(u => u.Email == Officer).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        AssertSignedOut(await officer.GetAsync("/People"));
    }

    [Fact]
    public async Task EditAccount_WeakPasswordWithOtherChanges_SavesNothing()
    {
        var (id, unit, _) = await OfficerAsync();
        var otherUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var stamp = await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        var response = await Client.PostFormAsync($"/Admin/Accounts/Edit/{id}", await FormAsync(id, f =>
        {
            f["Input.UnitId"] = otherUnit.ToString();
            f["Input.Roles"] = Roles.Leader;
            f["Input.NewPassword"] = "abc";
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", html);
        Assert.Contains("chưa có thay đổi nào được ghi", html);
        var after = await App.QueryAsync(async db =>
        {
            var u = await db.Users.AsNoTracking().SingleAsync(x => x.Id == id);
            var roles = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync();
            return (u.UnitId, u.SecurityStamp, Roles: string.Join(",", roles));
        });
        Assert.Equal((unit, stamp, Roles.EmulationOfficer), after);
    }

    [Fact]
    public async Task EditAccount_Change_IsAuditedWithBeforeAndAfter()
    {
        var (id, _, _) = await OfficerAsync();
        await AdminSavesAsync(id, f => f["Input.Roles"] = Roles.Leader);
        var entry = await App.QueryAsync(db => db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == "Sửa tài khoản"));
        Assert.Equal(("AppUser", id, Officer), (entry.EntityType, entry.EntityId, entry.EntityCode));
        Assert.Contains("trước:", entry.Details);
        Assert.Contains(Roles.Name(Roles.EmulationOfficer), entry.Details);
        Assert.Contains(Roles.Name(Roles.Leader), entry.Details);
    }
}
