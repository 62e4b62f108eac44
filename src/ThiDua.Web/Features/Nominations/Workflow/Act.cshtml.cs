using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations.Workflow;

/// <summary>One line of a dossier's history: a transition, or a recall asked or refused (audit rows without a transition).</summary>
public sealed record HistoryRow(DateTime AtUtc, string User, string What, string? Reason);

/// <summary>
/// The workflow of one dossier: its state, deadlines, history, public comments, and a form for each action this user
/// may take now. Every post re-reads the dossier by the route id and re-checks the user's role and agency against it.
/// </summary>
public sealed class ActModel(AppDbContext db, NominationActions actions, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public Nomination N { get; private set; } = null!;
    public WorkflowAccess Access { get; private set; } = null!;
    public string Subject { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public List<HistoryRow> History { get; private set; } = [];
    public List<PublicCommentRecord> Comments { get; private set; } = [];
    public string? WhyNotCouncil { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>The action whose form was posted and refused: its typed text is shown again there.</summary>
    public string? Posted { get; private set; }

    [BindProperty, Display(Name = "Phiên bản hồ sơ")] public int Version { get; set; }
    [BindProperty, Display(Name = "Lý do")] public string? Reason { get; set; }
    [BindProperty, Display(Name = "Giải trình")] public string? Justification { get; set; }
    [BindProperty, Display(Name = "Ý kiến góp ý")] public int CommentId { get; set; }
    [BindProperty, Display(Name = "Kết luận")] public CommentRuling Ruling { get; set; }
    [BindProperty, Display(Name = "Họ tên người góp ý")] public string? AuthorName { get; set; }
    [BindProperty, Display(Name = "Địa chỉ liên hệ")] public string? AuthorContact { get; set; }
    [BindProperty, Display(Name = "Nội dung góp ý")] public string? Text { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound();
        Access = await WorkflowAccess.ForAsync(User, scopes, ct);
        if (!Access.CanRead(n)) return Forbid();
        N = n;
        Subject = await actions.SubjectAsync(n, ct);
        AgencyName = await db.Units.AsNoTracking().Where(u => u.Id == n.AgencyId).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? "";
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var moves = await db.NominationTransitions.AsNoTracking().Where(t => t.NominationId == id).ToListAsync(ct);
        var recalls = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == NominationActions.EntityType && a.EntityId == idText
                && (a.Action == NominationActions.RequestRecallAction || a.Action == NominationActions.RefuseRecallAction))
            .Select(a => new { a.AtUtc, a.UserName, a.Action, a.Details }).ToListAsync(ct);
        History = moves.Select(t => new HistoryRow(t.AtUtc, t.UserName, $"{NominationWorkflow.StateName(t.From)} → {NominationWorkflow.StateName(t.To)}", t.Reason))
            .Concat(recalls.Select(a => new HistoryRow(a.AtUtc, a.UserName, a.Action, a.Details)))
            .OrderBy(h => h.AtUtc).ToList();
        Comments = await db.PublicComments.AsNoTracking().Where(c => c.NominationId == id).OrderBy(c => c.ReceivedUtc).ThenBy(c => c.Id).ToListAsync(ct);
        WhyNotCouncil = n.State == NominationState.PublicComment ? await actions.WhyNotToCouncilAsync(n, clock.GetUtcNow().UtcDateTime, ct) : null;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    private async Task<IActionResult> RunAsync(int id, string posted, bool handler, Func<DateTime, Task<string>> action, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (handler ? !Access.IsHandler(N) : !Access.IsOwner(N)) return Forbid();
        Posted = posted;
        if (!ModelState.IsValid)
        {
            Problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal));
            return Page();
        }
        try
        {
            TempData["Message"] = await action(clock.GetUtcNow().UtcDateTime);
        }
        catch (WorkflowRefusedException e)
        {
            Problem = e.Message;
            await LoadAsync(id, ct);
            return Page();
        }
        catch (WorkflowConflictException e)
        {
            Problem = e.Message;
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }
        return RedirectToPage("Act", new { id });
    }

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) => RunAsync(id, "submit", false, async now =>
    {
        await actions.SubmitAsync(id, Version, Justification, User.UserName(), now, ct);
        return "Đã gửi hồ sơ để thẩm định.";
    }, ct);

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) => RunAsync(id, "accept", true, async now =>
    {
        var to = await actions.AcceptAsync(id, Version, Reason, User.UserName(), now, ct);
        return $"Đã thẩm định hồ sơ; trạng thái mới: {NominationWorkflow.StateName(to)}.";
    }, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken ct) => RunAsync(id, "return", true, async now =>
    {
        await actions.ReturnAsync(id, Version, Reason, User.UserName(), now, ct);
        return "Đã trả lại hồ sơ để đơn vị bổ sung.";
    }, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) => RunAsync(id, "reject", true, async now =>
    {
        await actions.RejectAsync(id, Version, Reason, User.UserName(), now, ct);
        return "Đã ghi không chấp nhận hồ sơ.";
    }, ct);

    public Task<IActionResult> OnPostRecallAsync(int id, CancellationToken ct) => RunAsync(id, "recall", false, async now =>
    {
        await actions.RequestRecallAsync(id, Version, Reason, User.UserName(), now, ct);
        return "Đã gửi đề nghị rút hồ sơ.";
    }, ct);

    public Task<IActionResult> OnPostGrantRecallAsync(int id, CancellationToken ct) => RunAsync(id, "grant", true, async now =>
    {
        await actions.GrantRecallAsync(id, Version, Reason, User.UserName(), now, ct);
        return "Đã đồng ý rút hồ sơ; hồ sơ trở về dự thảo.";
    }, ct);

    public Task<IActionResult> OnPostRefuseRecallAsync(int id, CancellationToken ct) => RunAsync(id, "refuse", true, async now =>
    {
        await actions.RefuseRecallAsync(id, Version, Reason, User.UserName(), now, ct);
        return "Đã từ chối đề nghị rút hồ sơ.";
    }, ct);

    public Task<IActionResult> OnPostRuleAsync(int id, CancellationToken ct) => RunAsync(id, "rule", true, async now =>
    {
        await actions.RuleCommentAsync(id, Version, CommentId, Ruling, Reason, User.UserName(), now, ct);
        return "Đã kết luận ý kiến góp ý.";
    }, ct);

    public Task<IActionResult> OnPostPaperCommentAsync(int id, CancellationToken ct) => RunAsync(id, "paper", true, async now =>
    {
        await actions.AddCommentAsync(id, AuthorName, AuthorContact, Text, onPaper: true, User.UserName(), now, ct);
        return "Đã ghi ý kiến góp ý nhận bằng văn bản.";
    }, ct);

    public Task<IActionResult> OnPostToCouncilAsync(int id, CancellationToken ct) => RunAsync(id, "council", true, async now =>
    {
        await actions.SendToCouncilAsync(id, Version, User.UserName(), now, ct);
        return "Đã chuyển hồ sơ sang Hội đồng.";
    }, ct);
}
