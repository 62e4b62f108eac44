using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.DemoData;

namespace ThiDua.Features.Accounts;

/// <summary>
/// <c>dotnet run --project src/ThiDua.Web -- create-admin --email E --password P --unit CODE [--unit-name N] [--name N]</c>:
/// a production start seeds no accounts, so the first administrator is created from the command line. On an
/// empty database the administrator's agency is created too when <c>--unit-name</c> is given.
/// </summary>
public static class AccountCommands
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        var email = Arg("--email");
        var password = Arg("--password") ?? Environment.GetEnvironmentVariable("THIDUA_ADMIN_PASSWORD");
        var unitCode = Arg("--unit");
        if (email is null || password is null || unitCode is null)
        {
            Console.Error.WriteLine("Cách dùng: create-admin --email EMAIL --password MẬT_KHẨU --unit MÃ_ĐƠN_VỊ [--unit-name TÊN_CƠ_QUAN] [--name HỌ_TÊN] (hoặc biến môi trường THIDUA_ADMIN_PASSWORD)");
            return 2;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var code = unitCode.ToUpperInvariant();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code);
        var unitName = Arg("--unit-name");
        if (unit is null && unitName is null)
        {
            Console.Error.WriteLine($"Không có đơn vị mã \"{unitCode}\". Thêm --unit-name \"Tên cơ quan\" để tạo cơ quan này cùng tài khoản quản trị.");
            return 2;
        }
        if (unit is null)
        {
            unit = new Units.Unit { Name = unitName!, Code = unitCode, Kind = Units.UnitKind.Agency };
            unit.Normalize();
            db.Units.Add(unit);
            db.Audit("create-admin", "Thêm đơn vị", nameof(Units.Unit), unit.Code, unit.Name);
            await db.SaveChangesAsync();
        }
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = Arg("--name") ?? "Quản trị hệ thống", UnitId = unit.Id };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) Console.Error.WriteLine(e.Description);
            return 2;
        }
        await users.AddToRoleAsync(user, Roles.Admin);
        db.Audit("create-admin", "Tạo tài khoản quản trị", nameof(AppUser), email);
        await db.SaveChangesAsync();
        Console.WriteLine($"Đã tạo tài khoản quản trị {email}.");
        return 0;
    }
}

public static class DemoAccountsBanner
{
    public static void Print(ILogger log)
    {
        var lines = DemoSeeder.DemoAccounts.Select(a => $"  {a.Email,-28} {Roles.Name(a.Role)} ({a.Agency})");
        log.LogInformation("Demo accounts: {Accounts} (password {Password})", string.Join(", ", DemoSeeder.DemoAccounts.Select(a => a.Email)), DemoSeeder.Password);
        Console.WriteLine($"\nTài khoản minh họa — mật khẩu chung: {DemoSeeder.Password}\n{string.Join("\n", lines)}\n");
    }
}

/// <summary>Identity's messages in Vietnamese, since officers read them on the account pages.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Mật khẩu phải có ít nhất một chữ số (0–9)." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Mật khẩu phải có ít nhất một chữ thường (a–z)." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Mật khẩu phải có ít nhất một chữ hoa (A–Z)." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !)." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập \"{userName}\" đã được dùng." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Thư điện tử \"{email}\" đã được dùng." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"Thư điện tử \"{email}\" không hợp lệ." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu hiện tại không đúng." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Tài khoản vừa được người khác sửa; hãy tải lại trang." };
}
