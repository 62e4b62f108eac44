using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Features.Accounts;

namespace ThiDua.Features.Accounts;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập mật khẩu hiện tại."), DataType(DataType.Password), StringLength(200)]
        public string Current { get; set; } = "";
        [Required(ErrorMessage = "Hãy nhập mật khẩu mới."), DataType(DataType.Password), StringLength(200)]
        public string New { get; set; } = "";
        [Required(ErrorMessage = "Hãy nhập lại mật khẩu mới."), DataType(DataType.Password), Compare(nameof(New), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Đã đổi mật khẩu.";
        return RedirectToPage("/Index");
    }
}
