using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>
/// Who may do what with a council: an agency's council is managed by that agency's CouncilSecretariat (and Admin),
/// the bloc's council by the BlocSecretariat (and Admin). Members vote; the agency's officers, council members and
/// leaders read its councils' sessions and results. Another agency's accounts get nothing.
/// </summary>
public static class CouncilAccess
{
    private static IReadOnlyList<string> RolesOf(ClaimsPrincipal user) => user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>May create a council of this scope (agency or bloc).</summary>
    public static async Task<bool> MayManageScopeAsync(UnitScopeService scope, ClaimsPrincipal user, int? agencyId, int? blocId, CancellationToken ct)
    {
        var roles = RolesOf(user);
        if (roles.Contains(Roles.Admin)) return true;
        if (blocId is not null) return roles.Contains(Roles.BlocSecretariat);
        return roles.Contains(Roles.CouncilSecretariat) && agencyId is { } a && await scope.OwnAgencyIdAsync(user, ct) == a;
    }

    public static Task<bool> ManagesAsync(UnitScopeService scope, ClaimsPrincipal user, Council c, CancellationToken ct) =>
        MayManageScopeAsync(scope, user, c.AgencyId, c.BlocId, ct);

    public static async Task<bool> IsMemberAsync(AppDbContext db, ClaimsPrincipal user, int councilId, CancellationToken ct)
    {
        var id = UserId(user);
        return id is not null && await db.CouncilMembers.AnyAsync(m => m.CouncilId == councilId && m.UserId == id, ct);
    }

    /// <summary>Reads the council, its sessions and results: its managers, its members, and (agency council) the readers of that agency.</summary>
    public static async Task<bool> CanReadAsync(AppDbContext db, UnitScopeService scope, ClaimsPrincipal user, Council c, CancellationToken ct)
    {
        if (await ManagesAsync(scope, user, c, ct)) return true;
        if (await IsMemberAsync(db, user, c.Id, ct)) return true;
        var roles = RolesOf(user);
        if (c.BlocId is not null) return Roles.SeesAllUnits(roles);
        return c.AgencyId is { } a && await scope.OwnAgencyIdAsync(user, ct) == a;
    }

    /// <summary>The councils the user may read.</summary>
    public static async Task<IQueryable<Council>> VisibleAsync(AppDbContext db, UnitScopeService scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var roles = RolesOf(user);
        if (roles.Contains(Roles.Admin)) return db.Councils;
        var id = UserId(user) ?? "";
        var agency = await scope.OwnAgencyIdAsync(user, ct);
        var bloc = roles.Contains(Roles.BlocSecretariat);
        return db.Councils.Where(c => (bloc && c.BlocId != null) || (agency != null && c.AgencyId == agency) || db.CouncilMembers.Any(m => m.CouncilId == c.Id && m.UserId == id));
    }
}
