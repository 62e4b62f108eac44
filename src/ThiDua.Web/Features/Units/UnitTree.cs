using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

/// <summary>An active unit offered in a picker, indented by its depth in the tree.</summary>
public sealed record UnitOption(int Id, string Name, int Depth);

/// <summary>The unit tree as pages use it: pickers in tree order, the agency a unit belongs to, staff over a subtree.</summary>
public static class UnitTree
{
    /// <summary>Active units the scope may see, in tree order (each parent before its children, siblings by Vietnamese name).</summary>
    public static async Task<List<UnitOption>> OptionsAsync(AppDbContext db, AccessScope scope, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.ActiveTo == null).Select(u => new { u.Id, u.ParentId, u.Name, u.SortKey }).ToListAsync(ct);
        var children = units.ToLookup(u => u.ParentId);
        var result = new List<UnitOption>();
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.SortKey, StringComparer.Ordinal))
            {
                if (scope.CanSeeUnit(u.Id)) result.Add(new UnitOption(u.Id, u.Name, depth));
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>
    /// Active staff per unit including every unit under it: one grouped query for the people in each unit,
    /// then each count is added to the unit's ancestors in memory.
    /// </summary>
    public static async Task<Dictionary<int, int>> StaffIncludingSubunitsAsync(AppDbContext db, IReadOnlyDictionary<int, int?> parentOf, CancellationToken ct)
    {
        var direct = await db.People.Where(p => p.IsActive && p.CurrentUnitId != null).GroupBy(p => p.CurrentUnitId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return RollUp(direct.Select(d => (d.Key, d.Count)), parentOf);
    }

    /// <summary>Adds each unit's own count to itself and to each of its ancestors.</summary>
    public static Dictionary<int, int> RollUp(IEnumerable<(int UnitId, int Count)> direct, IReadOnlyDictionary<int, int?> parentOf)
    {
        var total = new Dictionary<int, int>();
        foreach (var (unitId, count) in direct)
        {
            // Bounded by the number of units, so a cycle written straight into the database cannot loop forever.
            int? at = unitId;
            for (var steps = 0; at is { } id && steps <= parentOf.Count; steps++)
            {
                total[id] = total.GetValueOrDefault(id) + count;
                at = parentOf.GetValueOrDefault(id);
            }
        }
        return total;
    }

    /// <summary>The top of a unit's tree (its agency), or the unit itself when it has no parent.</summary>
    public static int RootOf(int unitId, IReadOnlyDictionary<int, int?> parentOf)
    {
        var at = unitId;
        for (var steps = 0; parentOf.GetValueOrDefault(at) is { } parent && steps <= parentOf.Count; steps++) at = parent;
        return at;
    }

    /// <summary>Each unit's agency: its nearest ancestor of kind Cơ quan (itself for an agency), else the root of its tree.</summary>
    public static async Task<Dictionary<int, string>> AgencyNamesAsync(AppDbContext db, CancellationToken ct)
    {
        var units = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name, u.Kind }).ToListAsync(ct)).ToDictionary(u => u.Id);
        var result = new Dictionary<int, string>();
        foreach (var unit in units.Values)
        {
            var u = unit;
            // Bounded by the number of units, so a cycle in bad data cannot loop forever.
            for (var steps = 0; u.Kind != UnitKind.Agency && u.ParentId is { } parent && units.TryGetValue(parent, out var up) && steps < units.Count; steps++) u = up;
            result[unit.Id] = u.Name;
        }
        return result;
    }
}
