using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

/// <summary>
/// Stops a unit from today, after a confirmation on this page. Its history stays; it is refused while people
/// still work in it or a sub-unit is still active, since they would be left in a unit that no longer exists.
/// </summary>
[Authorize(Roles = Roles.RegistryEditors)]
public sealed class DeactivateModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public Unit Unit { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public List<string> Problems { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(id)) return Forbid();
        Unit = unit;
        Today = clock.VietnamToday();
        if (!unit.IsActive(Today)) Problems.Add($"{unit.Name} đã ngừng hoạt động.");
        var staff = await db.People.CountAsync(p => p.IsActive && p.CurrentUnitId == id, ct);
        if (staff > 0) Problems.Add($"Đơn vị còn {VnFormat.Number(staff)} cán bộ đang công tác. Hãy chuyển cán bộ sang đơn vị khác trước.");
        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == id).ToListAsync(ct);
        var active = children.Where(c => c.IsActive(Today)).Select(c => c.Name).ToList();
        if (active.Count > 0) Problems.Add($"Đơn vị còn {VnFormat.Number(active.Count)} đơn vị trực thuộc đang hoạt động ({string.Join(", ", active)}). Hãy ngừng hoạt động hoặc chuyển các đơn vị đó trước.");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Problems.Count > 0) return Page();
        var unit = await db.Units.FirstAsync(u => u.Id == id, ct);
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        var before = $"hoạt động {VnFormat.Date(unit.ActiveFrom)} – {(unit.ActiveTo is null ? "nay" : VnFormat.Date(unit.ActiveTo))}";
        unit.ActiveTo = Today;
        db.Audit(User.UserName(), "Ngừng hoạt động đơn vị", nameof(Unit), unit.Id,
            $"{unit.Name}: trước: {before} → sau: hoạt động {VnFormat.Date(unit.ActiveFrom)} – {VnFormat.Date(Today)}", code: unit.Code);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Đơn vị vừa được người khác sửa; không có thay đổi nào được lưu. Hãy xem lại rồi thực hiện lại.";
            return RedirectToPage("Details", new { id });
        }
        TempData["Message"] = $"{unit.Name} ngừng hoạt động từ {VnFormat.Date(Today)}; lịch sử vẫn được giữ.";
        return RedirectToPage("Details", new { id });
    }
}
