using Microsoft.AspNetCore.Identity;
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
        Assert.Contains("Tài khoản tạm khóa", await response.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.Location);
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
