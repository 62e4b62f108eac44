using Microsoft.EntityFrameworkCore;
using ThiDua.Data;

namespace ThiDua.Features.Scoring;

/// <summary>Reads of the scoring for pages and other features (the votes feature reads the published ranking).</summary>
public static class ScoringQueries
{
    public static IQueryable<ScoreCard> CardsWithEntries(AppDbContext db) =>
        db.ScoreCards.Include(c => c.Unit).Include(c => c.Entries).ThenInclude(e => e.Criterion).ThenInclude(c => c!.Group);

    /// <summary>
    /// The published ranking of a bloc and year as member unit ids, first place first (units sharing a rank in the
    /// order the ranking page lists them); empty when no ranking is published.
    /// </summary>
    public static async Task<IReadOnlyList<int>> PublishedRankingAsync(AppDbContext db, int blocId, int year, CancellationToken ct = default)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().FirstOrDefaultAsync(s => s.BlocId == blocId && s.Year == year && s.PublishedUtc != null, ct);
        if (sheet is null) return [];
        return (await RankingAsync(db, sheet, ct)).Select(r => r.Card.UnitId).ToList();
    }

    /// <summary>The ranking from the settled (final) points; criteria not settled yet count as 0.</summary>
    public static async Task<IReadOnlyList<RankedCard>> RankingAsync(AppDbContext db, ScoreSheet sheet, CancellationToken ct = default)
    {
        var cards = await CardsWithEntries(db).AsNoTracking().Where(c => c.SheetId == sheet.Id).ToListAsync(ct);
        return ScoreRanking.Rank(cards.Select(c => ScoringService.Totals(c, e => e.FinalPoints)), sheet.TieBreakList);
    }
}
