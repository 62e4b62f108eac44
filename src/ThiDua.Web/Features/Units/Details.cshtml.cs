using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public sealed record Child(int Id, string Name, string Code, UnitKind Kind, bool Active);
    public sealed record AwardRow(int Year, string Name, string Authority, string? DecisionNumber, AwardStatus Status, string? Note);

    public Unit Unit { get; private set; } = null!;
    public string? ParentName { get; private set; }
    public List<Child> Children { get; private set; } = [];
    public List<AwardRow> Awards { get; private set; } = [];
    public int Staff { get; private set; }
    public List<UnitYearRecord> YearRecords { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool Active { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanSeeUnit(id)) return Forbid();
        Unit = unit;
        CanEdit = scope.CanEditUnit(id);
        Active = unit.IsActive(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        ParentName = await db.Units.Where(u => u.Id == unit.ParentId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Children = (await db.Units.AsNoTracking().Where(u => u.ParentId == id).OrderBy(u => u.SortKey).ToListAsync(ct))
            .Select(u => new Child(u.Id, u.Name, u.Code, u.Kind, u.IsActive(today))).ToList();
        var sub = (await UnitScopeService.SubtreeAsync(db, id, ct)).ToList();
        Staff = await db.People.CountAsync(p => p.IsActive && p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value), ct);
        YearRecords = await db.UnitYearRecords.AsNoTracking().Where(r => r.UnitId == id).OrderByDescending(r => r.Year).ToListAsync(ct);
        Awards = await db.Awards.AsNoTracking().Where(a => a.UnitId == id).OrderByDescending(a => a.Year)
            .Select(a => new AwardRow(a.Year, a.Code, a.Authority, a.DecisionNumber, a.Status, a.Note)).ToListAsync(ct);
        return Page();
    }

    /// <summary>Records the collective's rating and unity for a year (replacing that year's record).</summary>
    public async Task<IActionResult> OnPostYearRecordAsync(int id, int? year, Eligibility.Rating? rating, bool united, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(id)) return Forbid();
        if (year is not (>= 1975 and <= 2100) || rating is null or Eligibility.Rating.None)
        {
            TempData["Message"] = "Hãy nhập năm (1975–2100) và chọn mức xếp loại của tập thể.";
            return RedirectToPage("Details", new { id });
        }
        var record = await db.UnitYearRecords.FirstOrDefaultAsync(r => r.UnitId == id && r.Year == year, ct);
        if (record is null) db.UnitYearRecords.Add(record = new UnitYearRecord { UnitId = id, Year = year.Value });
        record.Rating = rating.Value;
        record.United = united;
        db.Audit(User.UserName(), "Ghi xếp loại tập thể", nameof(Unit), unit.Code, $"{year}: {rating}, đoàn kết: {(united ? "có" : "không")}");
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"Đã ghi kết quả tập thể năm {year}.";
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, int version, CancellationToken ct)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(id)) return Forbid();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!active && await db.People.AnyAsync(p => p.IsActive && p.CurrentUnitId == id, ct))
        {
            TempData["Message"] = "Không thể ngừng hoạt động: đơn vị còn cán bộ đang công tác. Hãy chuyển cán bộ sang đơn vị khác trước.";
            return RedirectToPage("Details", new { id });
        }
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.ActiveTo = active ? null : today;
        db.Audit(User.UserName(), active ? "Hoạt động lại đơn vị" : "Ngừng hoạt động đơn vị", nameof(Unit), unit.Code);
        try
        {
            await db.SaveChangesAsync(ct);
            TempData["Message"] = active ? "Đơn vị hoạt động trở lại." : $"Đơn vị ngừng hoạt động từ {VnFormat.Date(today)}; lịch sử vẫn được giữ.";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Đơn vị vừa được người khác sửa; không có thay đổi nào được lưu.";
        }
        return RedirectToPage("Details", new { id });
    }
}
