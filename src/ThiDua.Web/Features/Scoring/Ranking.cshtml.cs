using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>
/// The ranking with its tie-break rules stated. The secretariat sees it as it forms and publishes it; a member unit
/// sees it only once published.
/// </summary>
public sealed class RankingModel(AppDbContext db, UnitScopeService scopes, ScoringService service) : PageModel
{
    public ScoreSheet Sheet { get; private set; } = null!;
    public string Bloc { get; private set; } = "";
    public ScoringActor Actor { get; private set; } = null!;
    public IReadOnlyList<RankedCard> Ranked { get; private set; } = [];
    public int Unsettled { get; private set; }
    public List<string> Errors { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return NotFound();
        Actor = await ScoringActor.OfAsync(User, scopes, ct);
        if (!Actor.Secretariat)
        {
            if (sheet.PublishedUtc is null) return Forbid();
            if (Actor.AgencyId is not { } own || !await db.ScoreCards.AnyAsync(c => c.SheetId == id && c.UnitId == own, ct)) return Forbid();
        }
        Sheet = sheet;
        Bloc = await db.Blocs.Where(b => b.Id == sheet.BlocId).Select(b => b.Name).FirstAsync(ct);
        Ranked = await ScoringQueries.RankingAsync(db, sheet, ct);
        Unsettled = await db.ScoreCards.CountAsync(c => c.SheetId == id && c.Entries.Any(e => e.FinalPoints == null), ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Actor.Secretariat) return Forbid();
        var o = await service.PublishAsync(Actor, id, ScoringPages.Version(Request.Form) ?? -1, ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = "Đã công bố kết quả xếp hạng.";
        return RedirectToPage("Ranking", new { id });
    }
}
