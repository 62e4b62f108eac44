using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Features.Accounts;

namespace ThiDua.Tests.Accounts;

public sealed class LoginTests : AppTest
{
    [Fact]
    public async Task Login_WithDemoPassword_SignsInAndShowsName()
    {
        var client = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var home = await client.GetStringAsync("/");
        Assert.Contains("Cán bộ TĐKT Ban Tổ chức TW", home);
        Assert.Contains("Đăng xuất", home);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsVietnameseErrorAndStaysOnPage()
    {
        var client = App.Browser();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = "Sai@123456" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksOutEvenTheRightPassword()
    {
        await CreateUserAsync("khoa.thu@thidua.vn");
        var client = App.Browser();
        for (var i = 0; i < 5; i++)
            await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "khoa.thu@thidua.vn", ["Input.Password"] = $"Sai@12345{i}" });
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "khoa.thu@thidua.vn", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var until = await App.QueryAsync(db => db.Users.Where(u => u.Email == "khoa.thu@thidua.vn").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(until > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Login_FourWrongPasswordsThenRight_SignsIn()
    {
        await CreateUserAsync("gan.khoa@thidua.vn");
        var client = App.Browser();
        for (var i = 0; i < 4; i++)
            await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "gan.khoa@thidua.vn", ["Input.Password"] = $"Sai@12345{i}" });
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "gan.khoa@thidua.vn", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        var client = App.Browser();
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@thidua.vn", ["Input.Password"] = TestApp.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateAccount_WeakPassword_IsRefusedWithVietnameseRule()
    {
        var admin = await App.SignInAsync("admin@thidua.vn");
        var unitId = await App.QueryAsync(db => Task.FromResult(db.Units.First(u => u.Code == "BTCTW").Id));
        var response = await admin.PostFormAsync("/Admin/Accounts/Edit", new()
        {
            ["Input.Email"] = "yeu@thidua.vn", ["Input.FullName"] = "Mật Khẩu Yếu", ["Input.UnitId"] = unitId.ToString(),
            ["Input.Roles"] = Roles.Staff, ["Input.IsActive"] = "true", ["Input.NewPassword"] = "abc",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", html);
        Assert.False(await App.QueryAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "yeu@thidua.vn"))));
    }

    [Fact]
    public async Task DeactivatedAccount_CannotSignIn()
    {
        var user = await CreateUserAsync("nghi.viec@thidua.vn");
        await App.ExecuteAsync(async db =>
        {
            var u = db.Users.Single(x => x.Id == user);
            u.IsActive = false;
            await db.SaveChangesAsync();
        });
        var response = await App.Browser().PostFormAsync("/Account/Login", new() { ["Input.Email"] = "nghi.viec@thidua.vn", ["Input.Password"] = TestApp.Password });
        Assert.Contains("Tài khoản đã bị vô hiệu hóa", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
    }

    private static string Alert(string html) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value.Replace("<ul><li>", "").Replace("</li>", "").Replace("</ul>", "").Trim());

    /// <summary>A second host over the same database whose requests come from the address in the X-Test-Client header.</summary>
    private WebApplicationFactory<Program> FromAddresses() => App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>()));

    private static HttpClient Browser(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, n) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Client", out var a)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(a.ToString());
                return n(ctx);
            });
            next(app);
        };
    }

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task Login_AccountLockedFromAnotherAddress_OwnerStillSignsInFromACleanAddress()
    {
        // "Cannot be used to lock someone out for ever": failures elsewhere lock the account for those addresses,
        // not for the owner at a desk with no failures of its own.
        using var app = FromAddresses();
        await CreateUserAsync("chu.tai.khoan@thidua.vn");
        var attacker = Browser(app, "198.51.100.4");
        for (var i = 0; i < 6; i++) await TryAsync(attacker, "chu.tai.khoan@thidua.vn", $"Sai@12345{i}");
        var lockedUntil = await App.QueryAsync(db => db.Users.Where(u => u.Email == "chu.tai.khoan@thidua.vn").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedUntil > DateTimeOffset.UtcNow, "the attacker's failures lock the account");
        Assert.NotEqual(HttpStatusCode.Redirect, (await TryAsync(attacker, "chu.tai.khoan@thidua.vn", TestApp.Password)).StatusCode);

        var owner = Browser(app, "10.1.2.3");
        var signedIn = await TryAsync(owner, "chu.tai.khoan@thidua.vn", TestApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // A wrong password from the owner's address does not lengthen the lock either.
        var stillUntil = await App.QueryAsync(db => db.Users.Where(u => u.Email == "chu.tai.khoan@thidua.vn").Select(u => u.LockoutEnd).SingleAsync());
        Assert.Equal(lockedUntil, stillUntil);
    }

    [Fact]
    public async Task Login_UnknownDisabledWrongAndLocked_GiveTheSameMessage()
    {
        using var app = FromAddresses();
        await CreateUserAsync("dung.that@thidua.vn");
        var disabled = await CreateUserAsync("da.nghi@thidua.vn");
        await App.ExecuteAsync(db => db.Users.Where(u => u.Id == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        await CreateUserAsync("bi.khoa@thidua.vn");
        var locker = Browser(app, "10.0.0.9");
        for (var i = 0; i < 5; i++) await TryAsync(locker, "bi.khoa@thidua.vn", $"Sai@12345{i}");

        var client = Browser(app, "10.0.0.1");
        var unknown = Alert(await (await TryAsync(client, "khong.co.ai@thidua.vn", "Sai@1234567")).Content.ReadAsStringAsync());
        var wrong = Alert(await (await TryAsync(client, "dung.that@thidua.vn", "Sai@1234567")).Content.ReadAsStringAsync());
        var disabledWrong = Alert(await (await TryAsync(client, "da.nghi@thidua.vn", "Sai@1234567")).Content.ReadAsStringAsync());
        var lockedRight = Alert(await (await TryAsync(client, "bi.khoa@thidua.vn", TestApp.Password)).Content.ReadAsStringAsync());
        Assert.Equal(LoginModel.FailedMessage, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, disabledWrong);
        Assert.Equal(unknown, lockedRight);
        // Only the right password learns that the account is disabled.
        Assert.Equal(LoginModel.DisabledMessage, Alert(await (await TryAsync(client, "da.nghi@thidua.vn", TestApp.Password)).Content.ReadAsStringAsync()));
    }

    /// <summary>Counts password verifications: the costly step whose absence would make an unknown account answer faster.</summary>
    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.PasswordHasher<ThiDua.Features.Accounts.AppUser>
    {
        public int Verifications;

        public override Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(ThiDua.Features.Accounts.AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verifications);
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Login_UnknownDisabledOrWrongPassword_EachVerifiesOnePasswordHash()
    {
        // Timing is what leaks whether an account exists; it follows from the work done, which is counted here
        // rather than timed (a timed test is flaky on a shared machine; the hash dominates the cost).
        var hasher = new CountingHasher();
        using var app = App.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<IStartupFilter, ClientAddressFilter>();
            s.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<ThiDua.Features.Accounts.AppUser>>(hasher);
        }));
        await CreateUserAsync("dem.bam@thidua.vn");
        var client = Browser(app, "10.0.0.2");
        foreach (var email in new[] { "khong.co.ai@thidua.vn", "dem.bam@thidua.vn", "khong.co.ai.2@thidua.vn" })
        {
            var before = hasher.Verifications;
            await TryAsync(client, email, "Sai@1234567");
            Assert.True(hasher.Verifications - before == 1, $"{email}: {hasher.Verifications - before} verifications");
        }
    }

    [Fact]
    public async Task Login_TenFailuresFromOneAddress_RefusesThatAddressOnly()
    {
        using var app = FromAddresses();
        var attacker = Browser(app, "203.0.113.7");
        for (var i = 0; i < 10; i++) await TryAsync(attacker, $"doan{i}@thidua.vn", "Sai@1234567");
        var refused = await TryAsync(attacker, "tdkt.btctw@thidua.vn", TestApp.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Có quá nhiều lần đăng nhập không thành công từ máy này", Alert(await refused.Content.ReadAsStringAsync()));
        var row = await App.QueryAsync(db => db.LoginThrottles.SingleAsync(t => t.Address == "203.0.113.7"));
        Assert.Equal(10, row.Failures);
        Assert.InRange((row.BlockedUntilUtc!.Value - DateTime.UtcNow).TotalMinutes, 14, 16);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SignInGuard.AddressBlocked && a.EntityCode == "203.0.113.7")));

        // Another address signs in as usual; the account itself was never touched.
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(Browser(app, "198.51.100.4"), "tdkt.btctw@thidua.vn", TestApp.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_AddressBlockedAgain_BlockDoubles()
    {
        using var app = FromAddresses();
        var attacker = Browser(app, "203.0.113.8");
        for (var i = 0; i < 10; i++) await TryAsync(attacker, $"doan{i}@thidua.vn", "Sai@1234567");
        // The block runs out (moved into the past here); ten more failures block for twice as long.
        await App.ExecuteAsync(db => db.LoginThrottles.Where(t => t.Address == "203.0.113.8").ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        for (var i = 0; i < 10; i++) await TryAsync(attacker, $"lai{i}@thidua.vn", "Sai@1234567");
        var row = await App.QueryAsync(db => db.LoginThrottles.SingleAsync(t => t.Address == "203.0.113.8"));
        Assert.InRange((row.BlockedUntilUtc!.Value - DateTime.UtcNow).TotalMinutes, 29, 31);
    }

    [Fact]
    public void Login_IPv6Addresses_AreCountedByTheirNetwork()
    {
        Assert.Equal("2001:db8:1:2::/64", SignInGuard.AddressKey(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        Assert.Equal(SignInGuard.AddressKey(IPAddress.Parse("2001:db8:1:2::1")), SignInGuard.AddressKey(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.Equal("192.0.2.1", SignInGuard.AddressKey(IPAddress.Parse("::ffff:192.0.2.1")));
    }

    [Fact]
    public async Task Login_SecondLockout_LastsTwiceAsLong_AndUnlockStartsAgain()
    {
        using var app = FromAddresses();
        var id = await CreateUserAsync("hai.lan@thidua.vn");
        async Task LockAsync(string address)
        {
            var c = Browser(app, address);
            for (var i = 0; i < 5; i++) await TryAsync(c, "hai.lan@thidua.vn", $"Sai@12345{i}");
        }
        async Task<double> MinutesLeft() => (await App.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync()))!.Value.Subtract(DateTimeOffset.UtcNow).TotalMinutes;
        async Task ExpireAsync() => await App.ExecuteAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddSeconds(-1))));

        await LockAsync("10.1.0.1");
        Assert.InRange(await MinutesLeft(), 14, 16);
        await ExpireAsync();
        await LockAsync("10.1.0.2");
        Assert.InRange(await MinutesLeft(), 29, 31);
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == SignInGuard.LockedOut && a.EntityId == id && a.EntityCode == "hai.lan@thidua.vn")));

        // The administrator unlocks: the account signs in at once, and the next lockout is the shortest again.
        var admin = await App.SignInAsync("admin@thidua.vn");
        var unlock = await admin.PostFormAsync($"/Admin/Accounts?handler=Unlock&id={id}", new(), "/Admin/Accounts");
        Assert.Equal(HttpStatusCode.Redirect, unlock.StatusCode);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SignInGuard.Unlocked && a.EntityId == id && a.UserName == "admin@thidua.vn")));
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(Browser(app, "10.1.0.3"), "hai.lan@thidua.vn", TestApp.Password)).StatusCode);
        await LockAsync("10.1.0.4");
        Assert.InRange(await MinutesLeft(), 14, 16);
    }

    [Fact]
    public async Task Admin_UnblocksAddress_ItMaySignInAgain()
    {
        using var app = FromAddresses();
        var office = Browser(app, "192.0.2.50");
        for (var i = 0; i < 10; i++) await TryAsync(office, "tdkt.btctw@thidua.vn", $"Sai@12345{i}");
        var admin = await App.SignInAsync("admin@thidua.vn");
        Assert.Contains("192.0.2.50", await admin.GetStringAsync("/Admin/Accounts"));
        var response = await admin.PostFormAsync("/Admin/Accounts?handler=Unblock", new() { ["address"] = "192.0.2.50" }, "/Admin/Accounts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.LoginThrottles.AnyAsync(t => t.Address == "192.0.2.50")));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SignInGuard.AddressUnblocked && a.EntityCode == "192.0.2.50")));
    }

    [Fact]
    public async Task Login_Attempts_AreAudited()
    {
        using var app = FromAddresses();
        var client = Browser(app, "10.2.0.1");
        var longName = new string('x', 230) + "@thidua.vn";
        await TryAsync(client, longName, "Sai@1234567");
        await TryAsync(client, "tdkt.btctw@thidua.vn", "Sai@1234567");
        await TryAsync(client, "tdkt.btctw@thidua.vn", TestApp.Password);
        var entries = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "AppUser" && a.Details!.Contains("10.2.0.1")).OrderBy(a => a.Id).ToListAsync());
        var officerId = await App.QueryAsync(db => db.Users.Where(u => u.Email == "tdkt.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        Assert.Collection(entries,
            a => { Assert.Equal(SignInGuard.Failed, a.Action); Assert.Equal(100, a.EntityCode!.Length); Assert.StartsWith("xxx", a.EntityCode); Assert.Equal("", a.EntityId); },
            a => { Assert.Equal(SignInGuard.Failed, a.Action); Assert.Equal(officerId, a.EntityId); Assert.Equal("tdkt.btctw@thidua.vn", a.EntityCode); },
            a => { Assert.Equal(SignInGuard.SignedIn, a.Action); Assert.Equal(officerId, a.EntityId); Assert.Equal("tdkt.btctw@thidua.vn", a.UserName); });
    }

    private async Task<string> CreateUserAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ThiDua.Data.AppDbContext>();
        var user = new AppUser { UserName = email, Email = email, FullName = "Người Thử", UnitId = db.Units.First(u => u.Code == "BTCTW").Id };
        var result = await users.CreateAsync(user, TestApp.Password);
        Assert.True(result.Succeeded, string.Join(";", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Staff);
        return user.Id;
    }
}
