using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>Closes the ballot after confirmation: when everyone voted, or at/after the deadline.</summary>
public sealed class CloseModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public CouncilSession Session { get; private set; } = null!;
    public bool Complete { get; private set; }
    public bool PastDeadline { get; private set; }
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await SessionPage.LoadAsync(db, scope, User, id, ct);
        if (a is null) return NotFound();
        if (!a.Manages) return Forbid();
        Session = a.Session;
        Complete = await councils.CompleteAsync(id, ct);
        PastDeadline = clock.GetUtcNow().UtcDateTime >= Session.VoteDeadlineUtc;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            await councils.CloseAsync(User.UserName(), id, clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = "Đã kết thúc bỏ phiếu và kiểm phiếu; hồ sơ đã được chuyển trạng thái.";
            return RedirectToPage("Session", new { id });
        }
        catch (CouncilException e) { Problem = e.Message; }
        return Page();
    }
}
