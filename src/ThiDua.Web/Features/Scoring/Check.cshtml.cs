using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>
/// The cross-check of a card by the peer unit the secretariat assigned: it reads the self-scores and evidence and
/// proposes adjustments with a comment per criterion. Only that unit (and the secretariat, reading) reaches it.
/// </summary>
public sealed class CheckModel(AppDbContext db, UnitScopeService scopes, ScoringService service, DocumentFiles files) : PageModel
{
    public ScoreCard Card { get; private set; } = null!;
    public ScoringActor Actor { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public Dictionary<string, string?> Posted { get; } = [];
    public int FormVersion { get; private set; }
    public bool CanEdit => Card.ReviewerUnitId is { } r && Actor.ActsFor(r) && Card.State == CardState.Submitted && Card.Sheet!.State == SheetState.Applied && Card.Sheet.PublishedUtc is null;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var card = await CardPage.LoadAsync(db, id, ct);
        if (card is null) return NotFound();
        Actor = await ScoringActor.OfAsync(User, scopes, ct);
        if (!Actor.Secretariat && (card.ReviewerUnitId is null || card.ReviewerUnitId != Actor.AgencyId)) return Forbid();
        Card = card;
        FormVersion = card.Version;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetFileAsync(int id, int criterion, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? (Card.State == CardState.SelfScoring ? NotFound() : CardPage.File(Card, criterion, files));

    private Task<IActionResult> SaveAsync(int id, bool send, CancellationToken ct) => Save(id, send, ct);

    private async Task<IActionResult> Save(int id, bool send, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Card.ReviewerUnitId is not { } r || !Actor.ActsFor(r)) return Forbid();
        var form = Request.Form;
        var inputs = new List<PeerInput>();
        foreach (var e in Card.Entries)
        {
            var p = ScoringPages.Field(form, "p_", e.CriterionId, 20);
            var c = ScoringPages.Field(form, "c_", e.CriterionId, ScoringService.CommentMax);
            Posted[ScoringPages.Name("p_", e.CriterionId)] = p;
            Posted[ScoringPages.Name("c_", e.CriterionId)] = c;
            inputs.Add(new PeerInput(e.CriterionId, p, c));
        }
        FormVersion = ScoringPages.Version(form) ?? -1;
        var o = await service.SavePeerAsync(Actor, id, FormVersion, inputs, send, ct);
        if (!o.Ok)
        {
            Errors.AddRange(o.Errors);
            if (o.Conflict) FormVersion = (await CardPage.LoadAsync(db, id, ct))!.Version;
            return Page();
        }
        TempData["Message"] = send ? "Đã gửi kết quả kiểm tra chéo." : "Đã lưu đề xuất kiểm tra chéo.";
        return RedirectToPage("Check", new { id });
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken ct) => SaveAsync(id, false, ct);

    public Task<IActionResult> OnPostSendAsync(int id, CancellationToken ct) => SaveAsync(id, true, ct);

    public string? Value(string prefix, int criterionId, string? stored) =>
        Posted.Count > 0 ? Posted.GetValueOrDefault(ScoringPages.Name(prefix, criterionId)) : stored;
}
