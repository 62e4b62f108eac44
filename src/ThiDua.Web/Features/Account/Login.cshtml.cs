using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Features.Accounts;

namespace ThiDua.Features.Account;

public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LoginModel> log) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập thư điện tử.")]
        [EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
        [StringLength(256)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Hãy nhập mật khẩu.")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { IsActive: false })
        {
            ModelState.AddModelError("", "Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị hệ thống.");
            return Page();
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            log.LogInformation("Sign-in {User}", user!.UserName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("Locked out {User}", Input.Email);
            var until = user is null ? null : await users.GetLockoutEndDateAsync(user);
            ModelState.AddModelError("", until is { } u
                ? $"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần, đến {Infrastructure.VnFormat.DateTime(u.UtcDateTime)}."
                : "Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần.");
            return Page();
        }
        log.LogWarning("Failed sign-in for {Email}", Input.Email);
        ModelState.AddModelError("", "Thư điện tử hoặc mật khẩu không đúng.");
        return Page();
    }
}
