using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Accounts;

/// <summary>
/// Sign-in that does not tell which accounts exist: an unknown account, a wrong password, a locked account and a
/// disabled account with a wrong password all get the same message after the same work (one password hash). Only
/// the right password earns the news that the account is disabled.
/// </summary>
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, SignInGuard guard, TimeProvider clock, ILogger<LoginModel> log) : PageModel
{
    public const string FailedMessage = "Thư điện tử hoặc mật khẩu không đúng. Sau nhiều lần nhập sai, tài khoản bị tạm khóa một thời gian; nếu cần, hãy liên hệ quản trị hệ thống.";
    public const string DisabledMessage = "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị hệ thống.";

    /// <summary>Hashed once per process: checked against when there is no real hash to check, so every failure costs one hash.</summary>
    private static string? _dummyHash;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [StringLength(256, ErrorMessage = "Thư điện tử tối đa 256 ký tự.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [StringLength(200, ErrorMessage = "Mật khẩu tối đa 200 ký tự.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var address = SignInGuard.AddressKey(HttpContext.Connection.RemoteIpAddress);
        if (await guard.BlockedUntilAsync(address, ct) is { } blockedUntil)
        {
            ModelState.AddModelError("", $"Có quá nhiều lần đăng nhập không thành công từ máy này. Hãy thử lại sau {VnFormat.DateTime(blockedUntil)}.");
            return Page();
        }
        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            HashDummy();
            return await FailAsync(null, email, address, "không có tài khoản này", ct);
        }
        if (await users.IsLockedOutAsync(user))
        {
            // The lock is per account and address: from an address with no recent failure the right password still
            // works, so someone guessing elsewhere cannot keep the owner out. A wrong one does not extend the lock.
            // Either way exactly one password hash is computed, as for every other answer.
            if (user.IsActive && await guard.IsCleanAsync(address, ct))
            {
                if (await users.CheckPasswordAsync(user, Input.Password))
                    return await SignedInAsync(user, address, "tài khoản đang tạm khóa do sai mật khẩu ở nơi khác", ct);
            }
            else HashDummy();
            return await FailAsync(user, email, address, "tài khoản đang tạm khóa", ct);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (result.Succeeded && !user.IsActive)
        {
            db.Audit(Visitor(address), SignInGuard.Refused, nameof(AppUser), user.Id, $"tài khoản đã vô hiệu hóa; địa chỉ {address}", code: user.Email);
            await db.SaveChangesAsync(ct);
            ModelState.AddModelError("", DisabledMessage);
            return Page();
        }
        if (result.Succeeded) return await SignedInAsync(user, address, null, ct);
        if (result.IsLockedOut)
        {
            // Identity locks for a fixed time; repeated lockouts last longer (see SignInGuard).
            var span = await guard.NextLockoutAsync(user, ct);
            var until = clock.GetUtcNow() + span;
            var locked = await users.SetLockoutEndDateAsync(user, until);
            if (!locked.Succeeded) log.LogError("Could not lengthen the lockout of {User}: {Errors}", user.UserName, string.Join("; ", locked.Errors.Select(e => e.Code)));
            db.Audit(Visitor(address), SignInGuard.LockedOut, nameof(AppUser), user.Id,
                $"tạm khóa {VnFormat.Number((long)span.TotalMinutes)} phút, đến {VnFormat.DateTime(until.UtcDateTime)}; địa chỉ {address}", code: user.Email);
            log.LogWarning("Locked out {User} for {Minutes} minutes", user.UserName, span.TotalMinutes);
        }
        return await FailAsync(user, email, address, result.IsLockedOut ? "sai mật khẩu, tài khoản bị tạm khóa" : "sai mật khẩu", ct);
    }

    private async Task<IActionResult> SignedInAsync(AppUser user, string address, string? note, CancellationToken ct)
    {
        await signIn.SignInAsync(user, Input.RememberMe);
        db.Audit(user.Email!, SignInGuard.SignedIn, nameof(AppUser), user.Id, $"địa chỉ {address}" + (note is null ? "" : $"; {note}"), code: user.Email);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Sign-in {User}", user.UserName);
        return LocalRedirect(SecurityHeaders.SafeLocalUrl(ReturnUrl));
    }

    private async Task<IActionResult> FailAsync(AppUser? user, string attempted, string address, string reason, CancellationToken ct)
    {
        // The attempted name is the attacker's text: bounded to what the audit's code column holds.
        var code = user?.Email ?? (attempted.Length > 100 ? attempted[..100] : attempted);
        db.Audit(Visitor(address), SignInGuard.Failed, nameof(AppUser), user?.Id ?? "", $"{reason}; địa chỉ {address}", code: code);
        if (await guard.CountFailureAsync(address, ct) is { } blockedUntil)
        {
            db.Audit("(hệ thống)", SignInGuard.AddressBlocked, nameof(LoginThrottle), address, $"đến {VnFormat.DateTime(blockedUntil)}", code: address);
            log.LogWarning("Sign-ins from {Address} refused until {Until}", address, blockedUntil);
        }
        // The failure is already counted (SignInGuard writes it at once); this saves the audit entries.
        await db.SaveChangesAsync(ct);
        log.LogWarning("Failed sign-in from {Address}", address);
        ModelState.AddModelError("", FailedMessage);
        return Page();
    }

    private void HashDummy()
    {
        var hasher = users.PasswordHasher;
        var dummy = new AppUser { FullName = "" };
        _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(dummy, _dummyHash, Input.Password);
    }

    /// <summary>Who acted in a failed sign-in: not the account's owner, but whoever typed at that address.</summary>
    private static string Visitor(string address) => $"(chưa đăng nhập) {address}";
}
