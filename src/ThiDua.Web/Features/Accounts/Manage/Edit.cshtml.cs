using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Accounts.Manage;

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
    public List<ThiDua.Features.Units.UnitOption> Units { get; private set; } = [];

    private async Task LoadUnitsAsync(CancellationToken ct) =>
        Units = await ThiDua.Features.Units.UnitTree.OptionsAsync(db, new AccessScope(true, new HashSet<int>(), null, true), ct);

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

        // One transaction: the account, its password, roles and security stamp change together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        AppUser? user;
        string? before = null;
        if (id is null)
        {
            user = new AppUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true, FullName = Input.FullName.Trim(), UnitId = Input.UnitId!.Value, PersonId = personId, IsActive = Input.IsActive };
            if (!AddErrors(await users.CreateAsync(user, Input.NewPassword!))) return await RolledBackAsync(tx);
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
            var oldRoles = await users.GetRolesAsync(user);
            before = await DescribeAsync(user.Email, user.FullName, user.UnitId, user.PersonId, user.IsActive, oldRoles, ct);
            // What the sign-in cookie carries (roles, unit, staff record) or whether it may be used at all:
            // a change to any of it ends the account's sessions (see SessionCheck).
            var sessionChanged = user.UnitId != Input.UnitId!.Value || user.PersonId != personId || user.IsActive != Input.IsActive
                || !string.Equals(user.Email, Input.Email.Trim(), StringComparison.OrdinalIgnoreCase) || !oldRoles.ToHashSet().SetEquals(roles);
            user.Email = Input.Email.Trim();
            user.UserName = Input.Email.Trim();
            user.FullName = Input.FullName.Trim();
            user.UnitId = Input.UnitId!.Value;
            user.PersonId = personId;
            user.IsActive = Input.IsActive;
            if (!AddErrors(await users.UpdateAsync(user))) return await RolledBackAsync(tx);
            if (!string.IsNullOrEmpty(Input.NewPassword))
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                if (!AddErrors(await users.ResetPasswordAsync(user, token, Input.NewPassword))) return await RolledBackAsync(tx);
            }
            if (sessionChanged && !AddErrors(await users.UpdateSecurityStampAsync(user))) return await RolledBackAsync(tx);
        }
        var current = await users.GetRolesAsync(user);
        if (!AddErrors(await users.RemoveFromRolesAsync(user, current.Except(roles)))) return await RolledBackAsync(tx);
        if (!AddErrors(await users.AddToRolesAsync(user, roles.Except(current)))) return await RolledBackAsync(tx);
        var after = await DescribeAsync(user.Email, user.FullName, user.UnitId, user.PersonId, user.IsActive, roles, ct);
        db.Audit(User.UserName(), id is null ? "Tạo tài khoản" : "Sửa tài khoản", nameof(AppUser), user.Id,
            $"trước: {before ?? "—"} → sau: {after}{(string.IsNullOrEmpty(Input.NewPassword) ? "" : "; đặt mật khẩu mới")}", code: user.Email);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã lưu tài khoản {user.Email}.";
        return RedirectToPage("Index");
    }

    private async Task<IActionResult> RolledBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
    {
        await tx.RollbackAsync();
        db.ChangeTracker.Clear();
        ModelState.AddModelError("", "Không lưu được tài khoản; chưa có thay đổi nào được ghi. Hãy sửa các lỗi trên rồi lưu lại.");
        return Page();
    }

    private async Task<string> DescribeAsync(string? email, string fullName, int unitId, int? personId, bool active, IEnumerable<string> roles, CancellationToken ct)
    {
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? $"#{unitId}";
        var person = personId is { } pid ? await db.People.Where(p => p.Id == pid).Select(p => p.PersonalCode).FirstOrDefaultAsync(ct) : null;
        return $"{email}, {fullName}; đơn vị: {unit}; hồ sơ: {person ?? "—"}; vai trò: {string.Join(", ", roles.Order(StringComparer.Ordinal).Select(ThiDua.Features.Accounts.Roles.Name))}; {(active ? "đang hoạt động" : "vô hiệu hóa")}";
    }

    private bool AddErrors(IdentityResult result)
    {
        foreach (var e in result.Errors) ModelState.AddModelError(e.Code.Contains("Password", StringComparison.Ordinal) ? "Input.NewPassword" : "", e.Description);
        return result.Succeeded;
    }
}
