using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Notifications;

/// <summary>
/// The signed-in account's own notifications (any role; the fallback policy requires sign-in), newest first. Every
/// query is filtered by the account's id: another account's row is "not found", whatever id is posted.
/// </summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(long Id, NotificationKind Kind, string Text, string? Url, DateTime CreatedUtc, DateTime? ReadUtc);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Unread { get; private set; }
    public string? PageProblem { get; private set; }

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Me is not { } me) return Challenge();
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        Total = await mine.CountAsync(ct);
        Unread = await mine.CountAsync(n => n.ReadUtc == null, ct);
        PageNumber = PagerModel.Bound(ModelState, PageNumber, Total, PageSize, "danh sách thông báo", out var problem);
        PageProblem = problem;
        Rows = await mine.OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Id, n.Kind, n.Text, n.Url, n.CreatedUtc, n.ReadUtc)).ToListAsync(ct);
        return Page();
    }

    /// <summary>Marks the notification read, then goes to its local URL (never an external one).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        if (Me is not { } me) return Challenge();
        var n = await db.Notifications.AsNoTracking().Where(x => x.Id == id && x.UserId == me).Select(x => new { x.Url }).FirstOrDefaultAsync(ct);
        if (n is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(x => x.Id == id && x.UserId == me && x.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadUtc, now), ct);
        return Notify.IsLocalUrl(n.Url) ? LocalRedirect(n.Url!) : RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        if (Me is not { } me) return Challenge();
        var now = clock.GetUtcNow().UtcDateTime;
        var n = await db.Notifications.Where(x => x.UserId == me && x.ReadUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ReadUtc, now), ct);
        TempData["Message"] = n == 0 ? "Không có thông báo chưa đọc." : $"Đã đánh dấu {VnFormat.Number(n)} thông báo là đã đọc.";
        return RedirectToPage("Index");
    }

    public static string KindName(NotificationKind k) => k switch
    {
        NotificationKind.DossierReturned => "Hồ sơ bị trả lại",
        NotificationKind.BallotToCast => "Phiếu cần bỏ",
        NotificationKind.DecisionIssued => "Quyết định đã ban hành",
        NotificationKind.DeadlineNear => "Sắp đến hạn",
        _ => "Thông tin",
    };
}
