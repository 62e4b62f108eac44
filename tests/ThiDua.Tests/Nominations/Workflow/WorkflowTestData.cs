using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Movements;
using ThiDua.Features.Nominations;

namespace ThiDua.Tests.Nominations.Workflow;

/// <summary>Runs the nominations demo step over a test app's database (until the lead wires it into the demo year), once.</summary>
internal static class WorkflowTestData
{
    public static async Task SeedDemoAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Nominations.AnyAsync(n => n.Year == 2019 && n.Code == "BK_BO")) return;
        var bloc = await db.Blocs.SingleAsync(b => b.Code == DemoSeeder.BlocCode);
        var codes = DemoSeeder.Agencies.Select(a => a.Code).ToList();
        var ids = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id);
        var bk = await db.Awards.AsNoTracking().Where(a => a.Year == 2019 && a.Code == "BK_BO" && a.DecisionNumber != null && a.DecisionNumber.StartsWith("15-QĐ/KTĐ"))
            .Select(a => new { a.UnitId, a.PersonId }).ToListAsync();
        var movement = await db.Movements.Where(m => m.Year == 2019 && m.BlocId == bloc.Id && m.Kind == MovementKind.Regular && !m.IsNational && m.LaunchedByUnitId == null)
            .Select(m => (int?)m.Id).FirstOrDefaultAsync();
        var ctx = new BlocYearDemoContext
        {
            Db = db, Services = scope.ServiceProvider, BlocId = bloc.Id, Agencies = codes.ToDictionary(c => c, c => ids[c]),
            Movement2019Id = movement,
            BkCollectives2019 = bk.Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).ToList(),
            BkIndividuals2019 = bk.Where(a => a.PersonId != null).Select(a => a.PersonId!.Value).ToList(),
        };
        db.ChangeTracker.Clear();
        await NominationsDemo.SeedAsync(ctx, CancellationToken.None);
    }

    /// <summary>The first dossier of an agency (by unit code) in a state, for a level and year.</summary>
    public static Task<Nomination> DossierAsync(TestApp app, string agency, NominationState state, NominationLevel level = NominationLevel.Agency, int year = 2026, string? code = null) =>
        app.QueryAsync(db => db.Nominations.AsNoTracking()
            .Where(n => n.Agency!.Code == agency && n.State == state && n.Level == level && n.Year == year && (code == null || n.Code == code))
            .OrderBy(n => n.Id).FirstAsync());
}
