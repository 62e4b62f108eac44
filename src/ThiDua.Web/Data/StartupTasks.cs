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
        if (!config.GetValue("Demo:Seed", false)) return;
        using var scope = services.CreateScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        if (seeded || config.GetValue("Demo:PrintAccounts", true)) DemoAccountsBanner.Print(log);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
