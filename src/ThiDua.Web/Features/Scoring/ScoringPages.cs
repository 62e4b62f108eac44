using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;

namespace ThiDua.Features.Scoring;

/// <summary>What the scoring pages share: reading per-criterion form fields, and the card history from the audit.</summary>
public static class ScoringPages
{
    /// <summary>A posted field named <paramref name="prefix"/> + criterion id ("p_12"), bounded in length; null when absent.</summary>
    public static string? Field(IFormCollection form, string prefix, int criterionId, int max)
    {
        var v = form[prefix + criterionId.ToString(CultureInfo.InvariantCulture)].ToString();
        if (string.IsNullOrEmpty(v)) return null;
        return v.Length > max + 1 ? v[..(max + 1)] : v;
    }

    public static string Name(string prefix, int criterionId) => prefix + criterionId.ToString(CultureInfo.InvariantCulture);

    public static int? Version(IFormCollection form) =>
        int.TryParse(form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    public sealed record HistoryRow(DateTime AtUtc, string User, string Action, string? Details);

    /// <summary>Every change of a card, old → new, newest first (the audit rows of the card).</summary>
    public static async Task<List<HistoryRow>> HistoryAsync(AppDbContext db, int cardId, CancellationToken ct)
    {
        var id = cardId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ScoreCard) && a.EntityId == id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(500)
            .Select(a => new HistoryRow(a.AtUtc, a.UserName, a.Action, a.Details)).ToListAsync(ct);
    }

    public static string StateClass(SheetState s) => s switch { SheetState.Draft => "muted", SheetState.Applied => "", _ => "muted" };
}
