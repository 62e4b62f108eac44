using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Accounts.Manage;

public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, SignInGuard guard, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string Email, string FullName, string Unit, string Roles, bool IsActive, bool LockedOut, int Failures);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public sealed record BlockedAddress(string Address, int Failures, DateTime UntilUtc);
    /// <summary>Client addresses refused for now after repeated failed sign-ins (an office behind one address may need this lifted).</summary>
    public List<BlockedAddress> Blocked { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var folded = VietnameseText.Fold(Q);
        // Accounts of every agency are listed together and "Vụ Nghiên cứu" exists in several: the agency is shown beside the unit.
        var agencies = await ThiDua.Features.Units.UnitTree.AgencyNamesAsync(db, ct);
        var list = (await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.FullName, u.UnitId, UnitName = u.Unit!.Name, u.IsActive, u.LockoutEnd, u.AccessFailedCount }).ToListAsync(ct))
            .Select(u => new { u.Id, u.Email, u.FullName, Unit = agencies.TryGetValue(u.UnitId, out var a) && a != u.UnitName ? $"{u.UnitName} — {a}" : u.UnitName, u.IsActive, u.LockoutEnd, u.AccessFailedCount })
            .ToList();
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        Rows = list.Where(u => folded.Length == 0 || VietnameseText.Fold($"{u.Email} {u.FullName} {u.Unit}").Contains(folded, StringComparison.Ordinal))
            .Select(u => new Row(u.Id, u.Email ?? "", u.FullName, u.Unit, string.Join(", ", userRoles[u.Id].Select(ThiDua.Features.Accounts.Roles.Name)), u.IsActive, u.LockoutEnd > now, u.AccessFailedCount))
            .ToList();
        var nowUtc = now.UtcDateTime;
        Blocked = (await db.LoginThrottles.AsNoTracking().Where(t => t.BlockedUntilUtc != null).ToListAsync(ct))
            .Where(t => t.BlockedUntilUtc > nowUtc).OrderBy(t => t.Address, StringComparer.Ordinal)
            .Select(t => new BlockedAddress(t.Address, t.Failures, t.BlockedUntilUtc!.Value)).ToList();
    }

    /// <summary>Lifts a lockout and forgets the failures behind it: the next lockout starts again from the shortest.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100) return NotFound();
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        var wasUntil = user.LockoutEnd;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        var reset = unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        if (!reset.Succeeded)
        {
            await tx.RollbackAsync(ct);
            TempData["Message"] = $"Không mở khóa được {user.Email}: {string.Join("; ", reset.Errors.Select(e => e.Description))}";
            return RedirectToPage();
        }
        // The unlock entry is also where the lockout backoff starts again (SignInGuard.NextLockoutAsync).
        db.Audit(User.UserName(), SignInGuard.Unlocked, nameof(AppUser), user.Id,
            $"trước: khóa đến {(wasUntil is { } w ? VnFormat.DateTime(w.UtcDateTime) : "—")} → sau: mở khóa", code: user.Email);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã mở khóa {user.Email}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnblockAsync(string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Length > 64) return NotFound();
        await guard.UnblockAsync(address, ct);
        db.Audit(User.UserName(), SignInGuard.AddressUnblocked, nameof(LoginThrottle), address, code: address.Length > 100 ? address[..100] : address);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã bỏ chặn đăng nhập từ địa chỉ {address}.";
        return RedirectToPage();
    }
}
