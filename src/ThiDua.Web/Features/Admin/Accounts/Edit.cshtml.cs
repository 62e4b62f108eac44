using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Admin.Accounts;

/// <summary>Creates or edits an account: unit, roles, linked staff record, active flag, and a new password.</summary>
public sealed class EditModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ."), StringLength(256)]
        [Display(Name = "Thư điện tử (tên đăng nhập)")] public string Email { get; set; } = "";
        [Required(ErrorMessage = "Hãy nhập họ tên."), StringLength(200, ErrorMessage = "Họ tên tối đa 200 ký tự.")]
        [Display(Name = "Họ tên")] public string FullName { get; set; } = "";
        [Required(ErrorMessage = "Hãy chọn đơn vị.")]
        [Display(Name = "Đơn vị")] public int? UnitId { get; set; }
        [Display(Name = "Mã cá nhân của hồ sơ cán bộ (cho vai trò cán bộ xem hồ sơ của mình)")] [StringLength(50)] public string? PersonalCode { get; set; }
        [Display(Name = "Vai trò")] public List<string> Roles { get; set; } = [];
        [Display(Name = "Đang hoạt động")] public bool IsActive { get; set; } = true;
        [DataType(DataType.Password), StringLength(200)]
        [Display(Name = "Mật khẩu mới (để trống nếu không đổi)")] public string? NewPassword { get; set; }
        public string? ConcurrencyStamp { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string? Id { get; private set; }
    public List<People.IndexModel.UnitOption> Units { get; private set; } = [];

    private async Task LoadUnitsAsync(CancellationToken ct) =>
        Units = await People.IndexModel.UnitOptionsAsync(db, new AccessScope(true, new HashSet<int>(), null, true), ct);

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        await LoadUnitsAsync(ct);
        if (id is null) return Page();
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        Id = id;
        Input = new InputModel
        {
            Email = user.Email ?? "", FullName = user.FullName, UnitId = user.UnitId, IsActive = user.IsActive,
            Roles = (await users.GetRolesAsync(user)).ToList(), ConcurrencyStamp = user.ConcurrencyStamp,
            PersonalCode = user.PersonId is { } pid ? await db.People.Where(p => p.Id == pid).Select(p => p.PersonalCode).FirstOrDefaultAsync(ct) : null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken ct)
    {
        await LoadUnitsAsync(ct);
        Id = id;
        var roles = Input.Roles.Where(r => ThiDua.Features.Accounts.Roles.All.Contains(r)).Distinct().ToList();
        if (roles.Count == 0) ModelState.AddModelError("Input.Roles", "Hãy chọn ít nhất một vai trò.");
        if (Input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct)) ModelState.AddModelError("Input.UnitId", "Đơn vị không tồn tại.");
        int? personId = null;
        if (!string.IsNullOrWhiteSpace(Input.PersonalCode))
        {
            personId = await db.People.Where(p => p.PersonalCode == Input.PersonalCode.Trim()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (personId is null) ModelState.AddModelError("Input.PersonalCode", $"Không có cán bộ mã \"{Input.PersonalCode}\".");
        }
        if (id is null && string.IsNullOrEmpty(Input.NewPassword)) ModelState.AddModelError("Input.NewPassword", "Hãy đặt mật khẩu cho tài khoản mới.");
        if (!ModelState.IsValid) return Page();

        AppUser? user;
        if (id is null)
        {
            user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true, FullName = Input.FullName.Trim(), UnitId = Input.UnitId!.Value, PersonId = personId, IsActive = Input.IsActive };
            var created = await users.CreateAsync(user, Input.NewPassword!);
            if (!AddErrors(created)) return Page();
        }
        else
        {
            user = await users.FindByIdAsync(id);
            if (user is null) return NotFound();
            if (user.ConcurrencyStamp != Input.ConcurrencyStamp)
            {
                ModelState.AddModelError("", "Tài khoản vừa được người khác sửa; hãy tải lại trang để xem thay đổi mới nhất.");
                return Page();
            }
            if (user.Id == users.GetUserId(User) && (!Input.IsActive || !roles.Contains(ThiDua.Features.Accounts.Roles.Admin)))
            {
                ModelState.AddModelError("", "Không thể tự vô hiệu hóa hoặc tự bỏ vai trò quản trị của chính mình.");
                return Page();
            }
            user.Email = Input.Email.Trim();
            user.UserName = Input.Email.Trim();
            user.FullName = Input.FullName.Trim();
            user.UnitId = Input.UnitId!.Value;
            user.PersonId = personId;
            user.IsActive = Input.IsActive;
            if (!AddErrors(await users.UpdateAsync(user))) return Page();
            if (!string.IsNullOrEmpty(Input.NewPassword))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                if (!AddErrors(await users.ResetPasswordAsync(user, token, Input.NewPassword))) return Page();
            }
            if (!Input.IsActive) await users.UpdateSecurityStampAsync(user);
        }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        db.Audit(User.UserName(), id is null ? "Tạo tài khoản" : "Sửa tài khoản", nameof(AppUser), user.Email!, $"vai trò: {string.Join(",", roles)}; đơn vị {user.UnitId}; hoạt động: {user.IsActive}");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã lưu tài khoản {user.Email}.";
        return RedirectToPage("Index");
    }

    private bool AddErrors(IdentityResult result)
    {
        foreach (var e in result.Errors) ModelState.AddModelError(e.Code.Contains("Password", StringComparison.Ordinal) ? "Input.NewPassword" : "", e.Description);
        return result.Succeeded;
    }
}
