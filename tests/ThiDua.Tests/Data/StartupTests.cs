using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Data;

/// <summary>Several instances started together over one new database (issue 8: migrations and the demo once).</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task StartTogether_OnAnEmptyDatabase_MigrateOnceAndSeedTheDemoOnce()
    {
        var database = await TestApp.NewEmptyDatabaseAsync();
        var seed = new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:PrintAccounts"] = "false" };
        using var first = TestApp.Over(database, seed, owner: true);
        using var second = TestApp.Over(database, seed, owner: false);
        using var third = TestApp.Over(database, seed, owner: false);

        // Each host migrates and seeds in its start-up; all three start at the same moment.
        await Task.WhenAll(new[] { first, second, third }.Select(app => Task.Run(() => _ = app.Server)));

        var (units, people, accounts, applied, known) = await first.QueryAsync(async db => (
            await db.Units.CountAsync(),
            await db.People.CountAsync(),
            await db.Users.CountAsync(),
            (await db.Database.GetAppliedMigrationsAsync()).Count(),
            db.Database.GetMigrations().Count()));
        Assert.Equal(179, units);
        Assert.Equal(5520, people);
        // The nine demo accounts of the README and the councils' members the demo year adds (Features/Councils/CouncilsDemo.cs).
        Assert.Equal(16, accounts);
        Assert.Equal(known, applied);
        Assert.Empty(await first.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
        // Every instance answers from the same data.
        foreach (var app in new[] { second, third })
            Assert.Equal(people, await app.QueryAsync(db => db.People.CountAsync()));
    }
}
