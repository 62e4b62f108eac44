using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>Removes a delegate from a draft session, confirmed on this page.</summary>
public sealed class RemoveDelegateModel(AppDbContext db, VoteService votes) : PageModel
{
    public VoteSession Session { get; private set; } = null!;
    public VoteDelegate Delegate { get; private set; } = null!;
    public string? Problem { get; private set; }
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, int delegateId, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        var s = await db.VoteSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        var d = await db.VoteDelegates.AsNoTracking().Include(x => x.Unit).FirstOrDefaultAsync(x => x.Id == delegateId && x.SessionId == id, ct);
        if (s is null || d is null) return NotFound();
        (Session, Delegate) = (s, d);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, int delegateId, CancellationToken ct)
    {
        if (await LoadAsync(id, delegateId, ct) is { } refused) return refused;
        Version = Session.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int delegateId, CancellationToken ct)
    {
        var version = Version;
        if (await LoadAsync(id, delegateId, ct) is { } refused) return refused;
        try
        {
            await votes.RemoveDelegateAsync(User.UserName(), id, version, delegateId, ct);
        }
        catch (VoteException e)
        {
            Problem = e.Message;
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = VoteText.Conflict;
            Version = Session.Version;
            return Page();
        }
        TempData["Message"] = $"Đã bỏ đại biểu {Delegate.FullName}.";
        return RedirectToPage("Details", new { id });
    }
}
