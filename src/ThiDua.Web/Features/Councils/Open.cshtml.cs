using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>Opens the ballot after confirmation (quorum of members present checked; every member notified).</summary>
public sealed class OpenModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public CouncilSession Session { get; private set; } = null!;
    public int Present { get; private set; }
    public int Members { get; private set; }
    public int Items { get; private set; }
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await SessionPage.LoadAsync(db, scope, User, id, ct);
        if (a is null) return NotFound();
        if (!a.Manages) return Forbid();
        Session = a.Session;
        Members = await db.CouncilAttendances.CountAsync(x => x.SessionId == id, ct);
        Present = await db.CouncilAttendances.CountAsync(x => x.SessionId == id && x.Present, ct);
        Items = await db.CouncilAgendaItems.CountAsync(x => x.SessionId == id, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            await councils.OpenAsync(User.UserName(), id, version, clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = "Đã mở bỏ phiếu; các thành viên đã được thông báo.";
            return RedirectToPage("Session", new { id });
        }
        catch (CouncilException e) { Problem = e.Message; }
        catch (DbUpdateConcurrencyException) { Problem = "Phiên họp vừa được người khác thay đổi: hãy xem lại rồi mở lại."; }
        return Page();
    }
}
