using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>Closes the vote after confirmation: the count is made and the elected units become proposals.</summary>
public sealed class CloseModel(AppDbContext db, VoteService votes) : PageModel
{
    public VoteSession Session { get; private set; } = null!;
    public int Issued { get; private set; }
    public int Cast { get; private set; }
    public string? Problem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        var s = await db.VoteSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Session = s;
        Issued = await db.VoteDelegates.CountAsync(d => d.SessionId == id, ct);
        Cast = await db.Ballots.CountAsync(b => b.SessionId == id, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            var tally = await votes.CloseAsync(User.UserName(), id, ct);
            var elected = tally.Questions.Sum(q => q.Elected.Count());
            TempData["Message"] = $"Đã kết thúc bỏ phiếu: thu {tally.Cast}/{tally.Issued} phiếu; ghi {elected} đề nghị khen thưởng.";
        }
        catch (VoteException e)
        {
            Problem = e.Message;
            return Page();
        }
        return RedirectToPage("Details", new { id });
    }
}
