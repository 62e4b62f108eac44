using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Units;

namespace ThiDua.Infrastructure;

/// <summary>
/// What one signed-in user may reach: every unit, a subtree of units, or only their own record.
/// <paramref name="EditUnitIds"/> narrows what may be changed when it is smaller than what may be read (the bloc
/// secretariat reads every member agency but keeps the personnel records of its own agency only); null: the same
/// units as are read.
/// </summary>
public sealed record AccessScope(bool AllUnits, IReadOnlySet<int> UnitIds, int? OwnPersonId, bool CanEdit, IReadOnlySet<int>? EditUnitIds = null)
{
    public bool CanSeeUnit(int? unitId) => AllUnits || unitId is { } id && UnitIds.Contains(id);

    public bool CanSeePerson(int personId, int? currentUnitId) =>
        CanSeeUnit(currentUnitId) || OwnPersonId == personId;

    public bool CanEditUnit(int? unitId) =>
        CanEdit && (EditUnitIds is null ? CanSeeUnit(unitId) : unitId is { } id && EditUnitIds.Contains(id));

    /// <summary>A person's record (history, awards, discipline) is changed by whoever may change their current unit.</summary>
    public bool CanEditPerson(int? currentUnitId) => CanEditUnit(currentUnitId);

    /// <summary>The units that may be changed, for a background job that runs without the user; null: every unit.</summary>
    public IReadOnlySet<int>? EditableUnitIds => !CanEdit ? new HashSet<int>() : EditUnitIds ?? (AllUnits ? null : UnitIds);
}

public static class ClaimNames
{
    public const string UnitId = "thidua:unit";
    public const string PersonId = "thidua:person";
    public const string FullName = "thidua:name";
}

/// <summary>
/// Authorization by unit: a unit officer reaches the subtree under the unit of their account (an agency
/// officer: the whole agency); the administrator reaches and changes every unit; the bloc secretariat reads
/// every unit (it compares member agencies) but changes only its own agency; a staff member reaches only their
/// own record.
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
        int? unitId = int.TryParse(user.FindFirstValue(ClaimNames.UnitId), out var uid) ? uid : null;
        if (roles.Contains(Roles.Admin)) return _cached = new AccessScope(true, new HashSet<int>(), personId, canEdit);
        if (Roles.SeesAllUnits(roles))
        {
            // Reading every agency is the bloc's work; rewriting another agency's personnel records is not.
            var own = unitId is { } u ? await AgencySubtreeAsync(db, u, ct) : [];
            return _cached = new AccessScope(true, new HashSet<int>(), personId, canEdit, own);
        }
        var readsUnits = roles.Any(r => Roles.RegistryReaders.Split(',').Contains(r));
        if (!readsUnits || unitId is null)
            return _cached = new AccessScope(false, new HashSet<int>(), personId, false);
        return _cached = new AccessScope(false, await SubtreeAsync(db, unitId.Value, ct), personId, canEdit);
    }

    /// <summary>
    /// The agency (member unit of a bloc) the signed-in user's account belongs to: the nearest agency at or above
    /// the account's unit, or the top of its tree. Null for an account without a unit. A unit's officer acts for
    /// this agency in the bloc's year (registrations, self-scoring, cross-checks).
    /// </summary>
    public async Task<int?> OwnAgencyIdAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!int.TryParse(user.FindFirstValue(ClaimNames.UnitId), out var unitId)) return null;
        return await AgencyOfAsync(db, unitId, ct);
    }

    /// <summary>The nearest agency at or above <paramref name="unitId"/> (or the top of its tree); null when the unit does not exist.</summary>
    public static async Task<int?> AgencyOfAsync(AppDbContext db, int unitId, CancellationToken ct = default)
    {
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind }).ToDictionaryAsync(u => u.Id, ct);
        if (!tree.ContainsKey(unitId)) return null;
        var root = unitId;
        var seen = new HashSet<int> { root };
        while (tree[root].Kind != UnitKind.Agency && tree[root].ParentId is { } parent && tree.ContainsKey(parent) && seen.Add(parent)) root = parent;
        return root;
    }

    /// <summary>The agency a unit belongs to (the nearest agency above it, or the top of its tree) with every unit under it.</summary>
    public static async Task<HashSet<int>> AgencySubtreeAsync(AppDbContext db, int unitId, CancellationToken ct = default)
    {
        var tree = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Kind }).ToDictionaryAsync(u => u.Id, ct);
        if (!tree.ContainsKey(unitId)) return [];
        var root = unitId;
        var seen = new HashSet<int> { root };
        while (tree[root].Kind != UnitKind.Agency && tree[root].ParentId is { } parent && tree.ContainsKey(parent) && seen.Add(parent)) root = parent;
        return Subtree(root, tree.Values.Select(u => (u.Id, u.ParentId)));
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
