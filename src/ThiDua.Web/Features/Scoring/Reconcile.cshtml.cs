using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>The secretariat settles a card: self, peer and final per criterion; an override needs a reason. The card's history, old → new.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class ReconcileModel(AppDbContext db, UnitScopeService scopes, ScoringService service, DocumentFiles files, TimeProvider clock) : PageModel
{
    public ScoreCard Card { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public Dictionary<string, string?> Posted { get; } = [];
    public List<ScoringPages.HistoryRow> History { get; private set; } = [];
    public int FormVersion { get; private set; }
    public bool CanEdit => ScoringService.MayReconcile(Card, clock.VietnamToday()) && Card.Sheet!.State == SheetState.Applied && Card.Sheet.PublishedUtc is null;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var card = await CardPage.LoadAsync(db, id, ct);
        if (card is null) return NotFound();
        Card = card;
        FormVersion = card.Version;
        History = await ScoringPages.HistoryAsync(db, id, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetFileAsync(int id, int criterion, CancellationToken ct) =>
        await LoadAsync(id, ct) ?? CardPage.File(Card, criterion, files);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var form = Request.Form;
        var inputs = new List<ReconcileInput>();
        foreach (var e in Card.Entries)
        {
            var choice = ScoringPages.Field(form, "s_", e.CriterionId, 20);
            var o = ScoringPages.Field(form, "o_", e.CriterionId, 20);
            var r = ScoringPages.Field(form, "r_", e.CriterionId, ScoringService.ReasonMax);
            Posted[ScoringPages.Name("s_", e.CriterionId)] = choice;
            Posted[ScoringPages.Name("o_", e.CriterionId)] = o;
            Posted[ScoringPages.Name("r_", e.CriterionId)] = r;
            FinalSource? source = null;
            if (choice is not null)
            {
                if (!Enum.TryParse<FinalSource>(choice, false, out var s) || !Enum.IsDefined(s)) { Errors.Add($"Tiêu chí \"{e.Criterion!.Name}\": cách thống nhất không có trong danh sách lựa chọn."); continue; }
                source = s;
            }
            inputs.Add(new ReconcileInput(e.CriterionId, source, o, r));
        }
        FormVersion = ScoringPages.Version(form) ?? -1;
        if (Errors.Count > 0) return Page();
        var outcome = await service.ReconcileAsync(await ScoringActor.OfAsync(User, scopes, ct), id, FormVersion, inputs, ct);
        if (!outcome.Ok)
        {
            Errors.AddRange(outcome.Errors);
            if (outcome.Conflict) FormVersion = (await CardPage.LoadAsync(db, id, ct))!.Version;
            return Page();
        }
        TempData["Message"] = "Đã lưu điểm thống nhất.";
        return RedirectToPage("Reconcile", new { id });
    }

    public string? Value(string prefix, int criterionId, string? stored) =>
        Posted.Count > 0 ? Posted.GetValueOrDefault(ScoringPages.Name(prefix, criterionId)) : stored;
}
