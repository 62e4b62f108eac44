using Microsoft.EntityFrameworkCore;
using ThiDua.DemoData;
using ThiDua.Features.Accounts;

namespace ThiDua.Data;

/// <summary>
/// Migrates the database and seeds the demo once, before the server accepts requests. A hosted service
/// rather than code in Program.cs, so every host (dotnet run, test hosts) runs it the same way and in order.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IConfiguration config, ILogger<StartupTasks> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        // Migrations run at start for one machine; with several instances set Database:MigrateOnStart=false
        // and run `dotnet ThiDua.Web.dll migrate` once per release instead.
        if (config.GetValue("Database:MigrateOnStart", true)) await DatabaseSetup.MigrateAsync(services, ct);
        using var scope = services.CreateScope();
        // A stored rule-set file that no longer parses (an older format) is logged at start, not only when a page reads it.
        try
        {
            await scope.ServiceProvider.GetRequiredService<Features.Eligibility.RuleBookStore>().LoadAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex)
        {
            log.LogWarning(ex, "Rule sets could not be read at start");
        }
        catch (System.Data.Common.DbException ex)
        {
            // Not migrated yet (MigrateOnStart=false before `migrate`): /healthz reports the database, not a crash here.
            log.LogWarning(ex, "Rule sets could not be read at start");
        }
        if (!config.GetValue("Demo:Seed", false)) return;
        bool seeded;
        // Instances starting together seed once: the others wait for the lock, then find the data there.
        await using (await StartupLock.TakeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct))
        {
            seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            // PostgreSQL plans from statistics that autovacuum gathers only after a while; just after a bulk seed it has
            // none, and the eligibility page's membership subqueries then took minutes instead of under a second.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (seeded && db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
        if (seeded || config.GetValue("Demo:PrintAccounts", true)) DemoAccountsBanner.Print(log);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
