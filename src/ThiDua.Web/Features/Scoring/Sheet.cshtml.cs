using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>
/// A sheet: its groups and criteria, deadline and tie-break rules; the secretariat edits it here (freely as a draft,
/// with a reason once applied, not at all once closed) and follows the cards. A unit finds its own card and the
/// cards it cross-checks.
/// </summary>
public sealed class SheetModel(AppDbContext db, UnitScopeService scopes, ScoringService service) : PageModel
{
    public sealed record CardRow(int Id, int UnitId, string Unit, CardState State, string? Reviewer, int? ReviewerUnitId, bool Settled);

    public ScoreSheet Sheet { get; private set; } = null!;
    public string Bloc { get; private set; } = "";
    public ScoringActor Actor { get; private set; } = null!;
    public List<CardRow> Cards { get; private set; } = [];
    public List<string> Errors { get; } = [];
    /// <summary>The form that failed, so the page shows the user's input in it rather than the stored values.</summary>
    public string? FailedForm { get; private set; }
    public bool CanEdit => Actor.Secretariat && Sheet.State != SheetState.Closed && Sheet.PublishedUtc is null;
    public bool NeedsReason => Sheet.State == SheetState.Applied;

    // Posted values (the sheet form and one group or criterion form at a time).
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty, ModelBinder(typeof(VnDateBinder))] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Tie1 { get; set; }
    [BindProperty] public string? Tie2 { get; set; }
    [BindProperty] public string? Tie3 { get; set; }
    [BindProperty] public string? TieSource { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int ItemId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Max { get; set; }
    [BindProperty] public GroupKind Kind { get; set; }
    [BindProperty] public bool Evidence { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().Include(s => s.Groups).ThenInclude(g => g.Criteria).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Bloc = await db.Blocs.Where(b => b.Id == sheet.BlocId).Select(b => b.Name).FirstAsync(ct);
        Actor = await ScoringActor.OfAsync(User, scopes, ct);
        var cards = await db.ScoreCards.AsNoTracking().Where(c => c.SheetId == id).OrderBy(c => c.Unit!.Name)
            .Select(c => new CardRow(c.Id, c.UnitId, c.Unit!.Name, c.State, c.ReviewerUnit!.Name, c.ReviewerUnitId, c.Entries.All(e => e.FinalPoints != null))).ToListAsync(ct);
        // A unit sees only its own card and the cards it cross-checks; the secretariat sees them all.
        Cards = Actor.Secretariat ? cards : cards.Where(c => c.UnitId == Actor.AgencyId || (c.ReviewerUnitId == Actor.AgencyId && Actor.AgencyId is not null)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    private async Task<IActionResult> AfterAsync(int id, string form, Outcome o, string done, CancellationToken ct)
    {
        if (o.Ok)
        {
            TempData["Message"] = done;
            return RedirectToPage("Sheet", new { id });
        }
        await LoadAsync(id, ct);
        Errors.AddRange(o.Errors);
        FailedForm = form;
        return Page();
    }

    private async Task<IActionResult?> GuardAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        if (!Actor.Secretariat) return Forbid();
        return null;
    }

    private List<string> BindingErrors() => ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();

    public async Task<IActionResult> OnPostSheetAsync(int id, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } refused) return refused;
        if (BindingErrors() is { Count: > 0 } bad) return await AfterAsync(id, "sheet", Outcome.Fail([.. bad]), "", ct);
        var rules = new List<TieBreak>();
        foreach (var t in new[] { Tie1, Tie2, Tie3 })
        {
            if (string.IsNullOrEmpty(t)) continue;
            if (!Enum.TryParse<TieBreak>(t, false, out var r) || !Enum.IsDefined(r)) return await AfterAsync(id, "sheet", Outcome.Fail("Quy tắc phá hòa: không có trong danh sách lựa chọn."), "", ct);
            if (rules.Contains(r)) return await AfterAsync(id, "sheet", Outcome.Fail("Quy tắc phá hòa: mỗi quy tắc chỉ chọn một lần."), "", ct);
            rules.Add(r);
        }
        var o = await service.UpdateSheetAsync(Actor, id, Version, Title, Deadline, rules, TieSource, Reason, ct);
        return await AfterAsync(id, "sheet", o, "Đã lưu bảng tiêu chí.", ct);
    }

    public async Task<IActionResult> OnPostAddGroupAsync(int id, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } refused) return refused;
        if (BindingErrors() is { Count: > 0 } bad) return await AfterAsync(id, "addgroup", Outcome.Fail([.. bad]), "", ct);
        return await AfterAsync(id, "addgroup", await service.AddGroupAsync(Actor, id, Version, Name, Kind, Max, ct), "Đã thêm nhóm.", ct);
    }

    public async Task<IActionResult> OnPostGroupAsync(int id, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } refused) return refused;
        return await AfterAsync(id, $"group{ItemId}", await service.UpdateGroupAsync(Actor, id, ItemId, Version, Name, Max, Reason, ct), "Đã lưu nhóm.", ct);
    }

    public async Task<IActionResult> OnPostAddCriterionAsync(int id, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } refused) return refused;
        return await AfterAsync(id, $"addcrit{ItemId}", await service.AddCriterionAsync(Actor, id, ItemId, Version, Name, Max, Evidence, ct), "Đã thêm tiêu chí.", ct);
    }

    public async Task<IActionResult> OnPostCriterionAsync(int id, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } refused) return refused;
        return await AfterAsync(id, $"crit{ItemId}", await service.UpdateCriterionAsync(Actor, id, ItemId, Version, Name, Max, Evidence, Reason, ct), "Đã lưu tiêu chí.", ct);
    }

    /// <summary>The value of a field: the user's input when this form failed, else the stored one.</summary>
    public string? Shown(string form, string? stored, string? posted) => FailedForm == form ? posted : stored;
}
