using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>Opens the vote after confirmation, and shows every delegate's token once, as printable slips.</summary>
public sealed class OpenModel(AppDbContext db, VoteService votes) : PageModel
{
    public VoteSession Session { get; private set; } = null!;
    public int DelegateCount { get; private set; }
    public int QuestionCount { get; private set; }
    public IReadOnlyList<IssuedToken>? Tokens { get; private set; }
    public string? Problem { get; private set; }
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        var s = await db.VoteSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Session = s;
        DelegateCount = await db.VoteDelegates.CountAsync(d => d.SessionId == id, ct);
        QuestionCount = await db.VoteQuestions.CountAsync(q => q.SessionId == id, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Version = Session.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var version = Version;
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            Tokens = await votes.OpenAsync(User.UserName(), id, version, ct);
            Response.Headers.CacheControl = "no-store";
        }
        catch (VoteException e)
        {
            Problem = e.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = VoteText.Conflict;
            Version = Session.Version;
        }
        return Page();
    }
}
