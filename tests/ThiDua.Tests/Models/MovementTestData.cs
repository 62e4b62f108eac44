using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;

namespace ThiDua.Tests.Models;

/// <summary>Movements written straight into a test's database, to link models and registrations to.</summary>
public static class MovementTestData
{
    /// <summary>
    /// Adds a movement of <paramref name="year"/>: the bloc's (targeting the agencies <paramref name="targets"/> by code),
    /// an agency's own (<paramref name="launchedBy"/>), or a national one; returns its id.
    /// </summary>
    public static Task<int> AddAsync(TestApp app, string theme, int year, MovementState state = MovementState.Launched, string[]? targets = null,
        string? launchedBy = null, bool national = false, MovementKind kind = MovementKind.Regular) => app.QueryAsync(async db =>
    {
        var bloc = await db.Blocs.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        var codes = targets ?? [];
        var targetIds = await db.Units.Where(u => codes.Contains(u.Code)).Select(u => u.Id).ToListAsync();
        var m = new Movement
        {
            Year = year, Kind = kind, Theme = theme, State = state, IsNational = national,
            BlocId = launchedBy is null ? bloc : null,
            LaunchedByUnitId = launchedBy is null ? null : await db.Units.Where(u => u.Code == launchedBy).Select(u => u.Id).SingleAsync(),
            Targets = targetIds.Select(t => new MovementTarget { UnitId = t }).ToList(),
        };
        db.Movements.Add(m);
        await db.SaveChangesAsync();
        return m.Id;
    });
}
