using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;

namespace ThiDua.Infrastructure;

/// <summary>What one signed-in user may reach: every unit, a subtree of units, or only their own record.</summary>
public sealed record AccessScope(bool AllUnits, IReadOnlySet<int> UnitIds, int? OwnPersonId, bool CanEdit)
{
    public bool CanSeeUnit(int? unitId) => AllUnits || unitId is { } id && UnitIds.Contains(id);

    public bool CanSeePerson(int personId, int? currentUnitId) =>
        CanSeeUnit(currentUnitId) || OwnPersonId == personId;

    public bool CanEditUnit(int? unitId) => CanEdit && CanSeeUnit(unitId);
}

public static class ClaimNames
{
    public const string UnitId = "thidua:unit";
    public const string PersonId = "thidua:person";
    public const string FullName = "thidua:name";
}

/// <summary>
/// Authorization by unit: a unit officer reaches the subtree under the unit of their account (an agency
/// officer: the whole agency); the administrator and the bloc secretariat reach every unit; a staff
/// member reaches only their own record.
/// </summary>
public sealed class UnitScopeService(AppDbContext db)
{
    private AccessScope? _cached;

    public async Task<AccessScope> GetAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (_cached is not null) return _cached;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        int? personId = int.TryParse(user.FindFirstValue(ClaimNames.PersonId), out var pid) ? pid : null;
        var canEdit = roles.Any(r => Roles.RegistryEditors.Split(',').Contains(r));
        if (Roles.SeesAllUnits(roles)) return _cached = new AccessScope(true, new HashSet<int>(), personId, canEdit);
        var readsUnits = roles.Any(r => Roles.RegistryReaders.Split(',').Contains(r));
        if (!readsUnits || !int.TryParse(user.FindFirstValue(ClaimNames.UnitId), out var unitId))
            return _cached = new AccessScope(false, new HashSet<int>(), personId, false);
        return _cached = new AccessScope(false, await SubtreeAsync(db, unitId, ct), personId, canEdit);
    }

    /// <summary>A unit and every unit under it, read from the database.</summary>
    public static async Task<HashSet<int>> SubtreeAsync(AppDbContext db, int root, CancellationToken ct = default)
    {
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync(ct);
        return Subtree(root, tree.Select(u => (u.Id, u.ParentId)));
    }

    public static HashSet<int> Subtree(int root, IEnumerable<(int Id, int? ParentId)> units)
    {
        var children = units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new HashSet<int> { root };
        var stack = new Stack<int>([root]);
        while (stack.Count > 0)
        {
            foreach (var c in children[stack.Pop()])
            {
                if (result.Add(c)) stack.Push(c);
            }
        }
        return result;
    }
}
