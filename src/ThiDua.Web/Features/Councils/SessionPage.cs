using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>Loads a session with its council and decides what the user may do with it.</summary>
public sealed record SessionAccess(CouncilSession Session, Council Council, bool Manages, bool CanRead);

public static class SessionPage
{
    public static async Task<SessionAccess?> LoadAsync(AppDbContext db, UnitScopeService scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var s = await db.CouncilSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var c = await db.Councils.AsNoTracking().Include(x => x.Agency).Include(x => x.Bloc).FirstAsync(x => x.Id == s.CouncilId, ct);
        var manages = await CouncilAccess.ManagesAsync(scope, user, c, ct);
        return new SessionAccess(s, c, manages, manages || await CouncilAccess.CanReadAsync(db, scope, user, c, ct));
    }
}
