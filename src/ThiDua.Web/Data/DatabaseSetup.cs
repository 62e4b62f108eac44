using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ThiDua.Data;

public sealed record DatabaseLocation(string ConnectionString);

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the database. <c>Database:Path</c> (default <c>data/thidua.db</c>, relative to the working
    /// directory) names the SQLite file; <c>ConnectionStrings:Default</c>, when set, wins over it.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services)
    {
        // Read from the final configuration when the first context is made, so hosts (and tests) that add
        // settings after Program.cs has run still choose the database.
        services.AddSingleton(sp => new DatabaseLocation(ConnectionString(sp.GetRequiredService<IConfiguration>())));
        services.AddDbContext<AppDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<DatabaseLocation>().ConnectionString));
        return services;
    }

    public static string ConnectionString(IConfiguration config)
    {
        var explicitCs = config.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(explicitCs)) return explicitCs;
        var path = Path.GetFullPath(config["Database:Path"] ?? "data/thidua.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>Applies pending migrations and switches SQLite to WAL so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web host.</summary>
public sealed class DesignTimeDbContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=design.db").Options);
}
