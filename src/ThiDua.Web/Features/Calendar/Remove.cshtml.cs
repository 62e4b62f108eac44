using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Calendar;

/// <summary>Confirms removing an announced day (administrators only, by the folder's policy).</summary>
public sealed class RemoveModel(AppDbContext db) : PageModel
{
    public CalendarDay Day { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return NotFound();
        Day = d;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var d = await db.CalendarDays.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return NotFound();
        if (!await new CalendarService(db).RemoveAsync(id, User.UserName(), ct)) return NotFound();
        TempData["Message"] = $"Đã xóa {VnFormat.Date(d.Date)} khỏi lịch công bố.";
        return RedirectToPage("Index", new { year = d.Date.Year });
    }
}
