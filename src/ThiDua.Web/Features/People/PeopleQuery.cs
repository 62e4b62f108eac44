using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>The people list's filter, shared by the page and its .xlsx export so both show the same rows.</summary>
public sealed record PeopleFilter(string? Q, int? Unit, string? Status)
{
    /// <summary>True when the list is a search (a name or code typed), ranked rather than in name order.</summary>
    public bool Searches => VietnameseText.Fold(Q).Length > 0;

    /// <param name="reverse">The same order backwards: the list's last pages are then read from the start of it
    /// (a small OFFSET), not after skipping nearly every row (IndexModel).</param>
    public async Task<IQueryable<Person>> ApplyAsync(AppDbContext db, AccessScope scope, CancellationToken ct, bool reverse = false)
    {
        var q = db.People.AsNoTracking();
        if (!scope.AllUnits)
        {
            var ids = scope.UnitIds.ToList();
            q = q.Where(p => p.CurrentUnitId != null && ids.Contains(p.CurrentUnitId.Value));
        }
        if (Unit is { } unitId)
        {
            var sub = (await UnitScopeService.SubtreeAsync(db, unitId, ct)).ToList();
            q = q.Where(p => p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value));
        }
        q = Status switch
        {
            "inactive" => q.Where(p => !p.IsActive),
            "all" => q,
            _ => q.Where(p => p.IsActive),
        };
        var folded = VietnameseText.Fold(Q);
        if (folded.Length == 0) return reverse ? q.OrderByDescending(p => p.SortKey).ThenByDescending(p => p.Id) : q.OrderBy(p => p.SortKey).ThenBy(p => p.Id);
        var code = Q!.Trim();
        // On PostgreSQL LIKE '%…%' rather than Contains: Npgsql translates Contains to strpos(), which no index serves,
        // while the trigram index (PostgresAppDbContext) serves LIKE; % and _ typed in the query are escaped so they
        // match themselves. SQLite has no such index and reads every name either way, and its instr() (Contains) does
        // that three times faster than its LIKE. Both sides are folded to lower case, so the two find the same people.
        var contains = "%" + EscapeLike(folded) + "%";
        var found = db.Database.IsNpgsql()
            ? q.Where(p => EF.Functions.Like(p.SearchName, contains, LikeEscape) || p.PersonalCode.StartsWith(code))
            : q.Where(p => p.SearchName.Contains(folded) || p.PersonalCode.StartsWith(code));
        // Ranking: exact name, then names that start with the query, then names that contain it.
        return reverse
            ? found.OrderByDescending(p => p.SearchName == folded || p.PersonalCode == code ? 0 : p.SearchName.StartsWith(folded) ? 1 : 2)
                .ThenByDescending(p => p.SortKey).ThenByDescending(p => p.Id)
            : found.OrderBy(p => p.SearchName == folded || p.PersonalCode == code ? 0 : p.SearchName.StartsWith(folded) ? 1 : 2)
                .ThenBy(p => p.SortKey).ThenBy(p => p.Id);
    }

    private const string LikeEscape = "\\";

    /// <summary>Text for a LIKE pattern that matches itself: the wildcards and the escape character escaped.</summary>
    public static string EscapeLike(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal).Replace("_", LikeEscape + "_", StringComparison.Ordinal);
}
