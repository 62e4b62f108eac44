using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>
/// Who may do what with a vote session: the bloc secretariat (Admin, BlocSecretariat) runs every session; the
/// officers, council members and leaders of a member agency read a session's results once it is closed, for the
/// blocs their agency belongs to in that year. Delegates cast with a token, not an account (Cast page).
/// </summary>
public static class VoteAccess
{
    public static bool Manages(ClaimsPrincipal user) => Roles.SeesAllUnits(user.FindAll(ClaimTypes.Role).Select(c => c.Value));

    /// <summary>The blocs (and years) whose closed sessions the user's own agency may read.</summary>
    public static async Task<IQueryable<VoteSession>> VisibleAsync(AppDbContext db, UnitScopeService scope, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Manages(user)) return db.VoteSessions;
        var agency = await scope.OwnAgencyIdAsync(user, ct);
        if (agency is null) return db.VoteSessions.Where(_ => false);
        return db.VoteSessions.Where(s => s.State == VoteState.Closed && db.BlocMemberships.Any(m =>
            m.BlocId == s.BlocId && m.UnitId == agency && m.FromYear <= s.Year && (m.ToYear == null || m.ToYear >= s.Year)));
    }

    public static async Task<bool> CanReadAsync(AppDbContext db, UnitScopeService scope, ClaimsPrincipal user, int sessionId, CancellationToken ct) =>
        await (await VisibleAsync(db, scope, user, ct)).AnyAsync(s => s.Id == sessionId, ct);
}
