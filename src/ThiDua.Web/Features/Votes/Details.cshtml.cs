using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>
/// A vote session: its questions and delegates while a draft, the turnout while open, the count, the proposals and
/// the minutes once closed. The secretariat acts here; a member agency's readers see the closed results only.
/// </summary>
public sealed class DetailsModel(AppDbContext db, VoteService votes, UnitScopeService scope) : PageModel
{
    public sealed record QuestionRow(int Id, string AwardCode, int Places, decimal QuorumPercent, decimal ThresholdPercent, ThresholdBase ThresholdOf, string LegalBasis, IReadOnlyList<string> Candidates);
    public sealed record DelegateRow(int Id, string FullName, string? Position, string Unit, bool Used);
    public sealed record ProposalRow(int AwardId, string Unit, string Code, Awards.AwardStatus Status);

    public VoteSession Session { get; private set; } = null!;
    public string BlocName { get; private set; } = "";
    public bool Manages { get; private set; }
    public IReadOnlyList<QuestionRow> Questions { get; private set; } = [];
    public IReadOnlyList<DelegateRow> Delegates { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Members { get; private set; } = new Dictionary<int, string>();
    public SessionTally? Tally { get; private set; }
    public IReadOnlyList<ProposalRow> Proposals { get; private set; } = [];
    public int CastCount { get; private set; }
    /// <summary>A token reissued on this response, shown once.</summary>
    public IssuedToken? Reissued { get; private set; }
    public List<string> Problems { get; } = [];

    [BindProperty, StringLength(200, ErrorMessage = "Họ và tên đại biểu tối đa 200 ký tự.")] public string? DelegateName { get; set; }
    [BindProperty, StringLength(200, ErrorMessage = "Chức vụ tối đa 200 ký tự.")] public string? DelegatePosition { get; set; }
    [BindProperty] public int? DelegateUnitId { get; set; }
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var s = await db.VoteSessions.AsNoTracking().Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Manages = VoteAccess.Manages(User);
        if (!Manages && !await VoteAccess.CanReadAsync(db, scope, User, id, ct)) return Forbid();
        Session = s;
        BlocName = s.Bloc!.Name;
        var qs = await db.VoteQuestions.AsNoTracking().Where(q => q.SessionId == id)
            .Select(q => new { q.Id, q.AwardCode, q.Places, q.QuorumPercent, q.ThresholdPercent, q.ThresholdOf, q.LegalBasis, Candidates = q.Candidates.OrderBy(c => c.Order).Select(c => c.Unit!.Name).ToList() }).ToListAsync(ct);
        Questions = qs.OrderBy(q => Array.IndexOf(VoteService.AwardCodes, q.AwardCode))
            .Select(q => new QuestionRow(q.Id, q.AwardCode, q.Places, q.QuorumPercent, q.ThresholdPercent, q.ThresholdOf, q.LegalBasis, q.Candidates)).ToList();
        if (Manages)
        {
            Delegates = await db.VoteDelegates.AsNoTracking().Where(d => d.SessionId == id).OrderBy(d => d.Unit!.Name).ThenBy(d => d.FullName)
                .Select(d => new DelegateRow(d.Id, d.FullName, d.Position, d.Unit!.Name, d.Used)).ToListAsync(ct);
            Members = await votes.MemberUnitsAsync(s.BlocId, s.Year, ct);
            CastCount = await db.Ballots.CountAsync(b => b.SessionId == id, ct);
        }
        if (s.State == VoteState.Closed)
        {
            Tally = await votes.TallyAsync(id, ct);
            Proposals = await db.VoteProposals.AsNoTracking().Where(p => p.SessionId == id).OrderBy(p => p.Award!.Code).ThenBy(p => p.Award!.Unit!.Name)
                .Select(p => new ProposalRow(p.AwardId, p.Award!.Unit!.Name, p.Award.Code, p.Award.Status)).ToListAsync(ct);
        }
        Version = s.Version;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Biên bản kiểm phiếu (.docx) of a closed session.</summary>
    public async Task<IActionResult> OnGetMinutesAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Tally is null) return NotFound();
        var board = (Session.CountingBoard ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bytes = VoteMinutes.Build(new MinutesData(BlocName, Session.Title, Session.Year, Session.MeetingDate, Session.Place, board, Tally));
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", VoteMinutes.FileName(id, Session.Year));
    }

    public async Task<IActionResult> OnPostDelegateAsync(int id, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        var version = Version;
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid)
        {
            Problems.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Page();
        }
        try
        {
            await votes.AddDelegateAsync(User.UserName(), id, version, DelegateUnitId ?? 0, DelegateName ?? "", DelegatePosition, ct);
        }
        catch (VoteException e)
        {
            Problems.Add(e.Message);
            Version = version;
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            Problems.Add(VoteText.Conflict);
            return Page();
        }
        TempData["Message"] = $"Đã thêm đại biểu {DelegateName?.Trim()}.";
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostSpoilAsync(int id, [StringLength(VoteService.MaxTokenInput)] string? token, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        CastOutcome outcome;
        try
        {
            outcome = await votes.SpoilAsync(User.UserName(), id, token, ct);
        }
        catch (VoteException e)
        {
            Problems.Add(e.Message);
            return Page();
        }
        if (outcome != CastOutcome.Cast)
        {
            Problems.Add(CastModel.OutcomeText(outcome));
            return Page();
        }
        TempData["Message"] = "Đã ghi một phiếu hỏng.";
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostReissueAsync(int id, int delegateId, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        if (await LoadAsync(id, ct) is { } refused) return refused;
        try
        {
            Reissued = await votes.ReissueAsync(User.UserName(), id, delegateId, ct);
        }
        catch (VoteException e)
        {
            Problems.Add(e.Message);
        }
        return Page();
    }
}
