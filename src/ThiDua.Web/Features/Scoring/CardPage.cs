using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>Loading a card for its pages and serving its evidence files to those who may read them.</summary>
public static class CardPage
{
    public static Task<ScoreCard?> LoadAsync(AppDbContext db, int id, CancellationToken ct) =>
        ScoringQueries.CardsWithEntries(db).AsNoTracking().Include(c => c.Sheet).Include(c => c.ReviewerUnit).FirstOrDefaultAsync(c => c.Id == id, ct);

    public static IEnumerable<ScoreEntry> Ordered(ScoreCard card) =>
        card.Entries.OrderBy(e => e.Criterion!.Group!.Order).ThenBy(e => e.Criterion!.Order);

    public static IActionResult File(ScoreCard card, int criterion, DocumentFiles files)
    {
        var e = card.Entries.FirstOrDefault(x => x.CriterionId == criterion);
        if (e?.EvidenceStoredName is null || e.EvidenceKind is null) return new NotFoundResult();
        var stream = files.OpenRead(e.EvidenceStoredName);
        if (stream is null) return new NotFoundResult();
        return new FileStreamResult(stream, DocumentFiles.ContentTypeOf(e.EvidenceKind.Value, e.EvidenceFileName ?? "")) { FileDownloadName = e.EvidenceFileName };
    }
}
