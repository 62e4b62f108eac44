using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>
/// A unit's own card: its officer self-scores with evidence (text, and a file if wanted) and submits before the
/// deadline; its council members and leaders read it; the secretariat reads every card. Nobody else.
/// </summary>
public sealed class CardModel(AppDbContext db, UnitScopeService scopes, ScoringService service, DocumentFiles files) : PageModel
{
    public ScoreCard Card { get; private set; } = null!;
    public ScoringActor Actor { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    public bool Conflict { get; private set; }
    public Dictionary<string, string?> Posted { get; } = [];
    public List<ScoringPages.HistoryRow> History { get; private set; } = [];
    public bool CanEdit => Actor.ActsFor(Card.UnitId) && Card.State == CardState.SelfScoring && Card.Sheet!.State == SheetState.Applied && Card.Sheet.PublishedUtc is null;
    public bool ShowResults => Card.State == CardState.Checked || Card.Sheet!.PublishedUtc is not null;
    public int FormVersion { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var card = await CardPage.LoadAsync(db, id, ct);
        if (card is null) return NotFound();
        Actor = await ScoringActor.OfAsync(User, scopes, ct);
        if (!Actor.ReadsFor(card.UnitId)) return Forbid();
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
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Actor.ActsFor(Card.UnitId)) return Forbid();
        IFormCollection form;
        try { form = await Request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or IOException or Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // A body above the server's limit (several files, each within its own limit) is refused by the form reader.
            Errors.Add($"Tệp minh chứng: tổng dung lượng các tệp gửi lên vượt giới hạn; mỗi tệp tối đa {VnFormat.Number(files.MaxBytes / 1024)} KB, hãy gửi ít tệp hơn mỗi lần.");
            return Page();
        }
        var inputs = new List<SelfInput>();
        foreach (var e in Card.Entries)
        {
            var p = ScoringPages.Field(form, "p_", e.CriterionId, 20);
            var ev = ScoringPages.Field(form, "e_", e.CriterionId, ScoringService.EvidenceMax);
            Posted[ScoringPages.Name("p_", e.CriterionId)] = p;
            Posted[ScoringPages.Name("e_", e.CriterionId)] = ev;
            inputs.Add(new SelfInput(e.CriterionId, p, ev));
        }
        var version = ScoringPages.Version(form) ?? -1;
        FormVersion = version;
        var stored = new Dictionary<int, StoredDocument>();
        foreach (var e in Card.Entries)
        {
            var file = form.Files.GetFile(ScoringPages.Name("f_", e.CriterionId));
            if (file is null || file.Length == 0) continue;
            if (!CanEdit) break;
            var (doc, error) = await files.SaveAsync(file, $"Tiêu chí \"{e.Criterion!.Name}\", tệp minh chứng", DocumentFiles.PdfOrImage.Append(DocumentKind.OfficeZip).ToArray(), ct);
            if (error is not null) Errors.Add(error);
            else stored[e.CriterionId] = doc!;
        }
        if (Errors.Count > 0)
        {
            foreach (var d in stored.Values) files.Delete(d.StoredName);
            return Page();
        }
        var o = await service.SaveSelfAsync(Actor, id, version, inputs, stored, ct);
        if (!o.Ok)
        {
            foreach (var d in stored.Values) files.Delete(d.StoredName);
            Errors.AddRange(o.Errors);
            Conflict = o.Conflict;
            if (o.Conflict) FormVersion = (await CardPage.LoadAsync(db, id, ct))!.Version;
            return Page();
        }
        TempData["Message"] = "Đã lưu điểm tự chấm.";
        return RedirectToPage("Card", new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Actor.ActsFor(Card.UnitId)) return Forbid();
        var o = await service.SubmitAsync(Actor, id, ScoringPages.Version(Request.Form) ?? -1, ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = "Đã nộp phiếu tự chấm.";
        return RedirectToPage("Card", new { id });
    }

    public string? Value(string prefix, int criterionId, string? stored) =>
        Posted.Count > 0 ? Posted.GetValueOrDefault(ScoringPages.Name(prefix, criterionId)) : stored;
}
