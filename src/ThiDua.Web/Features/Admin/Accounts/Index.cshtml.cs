using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Admin.Accounts;

public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string Email, string FullName, string Unit, string Roles, bool IsActive, bool LockedOut, int Failures);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var folded = VietnameseText.Fold(Q);
        var list = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.FullName, Unit = u.Unit!.Name, u.IsActive, u.LockoutEnd, u.AccessFailedCount }).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        Rows = list.Where(u => folded.Length == 0 || VietnameseText.Fold($"{u.Email} {u.FullName} {u.Unit}").Contains(folded, StringComparison.Ordinal))
            .Select(u => new Row(u.Id, u.Email ?? "", u.FullName, u.Unit, string.Join(", ", userRoles[u.Id].Select(ThiDua.Features.Accounts.Roles.Name)), u.IsActive, u.LockoutEnd > now, u.AccessFailedCount))
            .ToList();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.Audit(User.UserName(), "Mở khóa tài khoản", nameof(AppUser), user.Email ?? id);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Đã mở khóa {user.Email}.";
        return RedirectToPage();
    }
}
