using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ThiDua.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The database the configuration names: provider and connection string.</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// <c>Database:Provider</c> is <c>Sqlite</c> (default) or <c>Postgres</c>. On SQLite <c>Database:Path</c>
    /// (default <c>data/thidua.db</c>, relative to the working directory) names the file, and
    /// <c>ConnectionStrings:Default</c>, when set, wins over it; PostgreSQL needs <c>ConnectionStrings:Default</c>.
    /// </summary>
    public static DatabaseLocation From(IConfiguration config)
    {
        var providerText = config["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText)) provider = DatabaseProvider.Sqlite;
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
            throw new InvalidOperationException($"Database:Provider = '{providerText}' is not known; use Sqlite or Postgres.");
        var explicitCs = config.GetConnectionString("Default");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(explicitCs))
                throw new InvalidOperationException("Database:Provider = Postgres needs ConnectionStrings:Default (Host=…;Port=…;Database=…;Username=…;Password=…).");
            return new(provider, explicitCs);
        }
        if (!string.IsNullOrWhiteSpace(explicitCs)) return new(provider, explicitCs);
        var path = Path.GetFullPath(config["Database:Path"] ?? "data/thidua.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new(provider, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString());
    }

    /// <summary>A context outside dependency injection (commands, benchmarks, tests).</summary>
    public AppDbContext CreateContext() => Provider switch
    {
        DatabaseProvider.Postgres => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString, Npgsql).Options),
        _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options),
    };

    // No retrying execution strategy: it refuses the explicit transactions imports and seeding use.
    internal static void Npgsql(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) =>
        o.CommandTimeout(60);
}

public static class DatabaseSetup
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config)
    {
        // Read from the configuration when the services are built, so hosts (and tests) that add settings after
        // Program.cs has run still choose the database.
        services.AddSingleton(sp => DatabaseLocation.From(sp.GetRequiredService<IConfiguration>()));
        var provider = DatabaseLocation.From(config).Provider;
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UseNpgsql(sp.GetRequiredService<DatabaseLocation>().ConnectionString, DatabaseLocation.Npgsql));
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(sp.GetRequiredService<DatabaseLocation>().ConnectionString));
        }
        return services;
    }

    /// <summary>
    /// Applies pending migrations once, however many instances start together: on PostgreSQL under a
    /// session advisory lock (the others wait, then find nothing to do); on SQLite the file's writer lock and
    /// EF's migration lock serialize them. SQLite is switched to WAL so readers never wait for the writer.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var _ = await StartupLock.TakeAsync(db, ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>
/// One instance at a time through start-up work (migrations, demo seeding). PostgreSQL: a session advisory
/// lock held on the context's open connection. SQLite: the connection is opened, nothing more (one machine;
/// EF's own migration lock and the seeder's transaction serialize the rest).
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any fixed 64-bit number the app alone uses: "ThiDua01" in ASCII.
    private const long Key = 0x5468694475613031;
    private readonly AppDbContext _db;
    private readonly bool _advisory;

    private StartupLock(AppDbContext db, bool advisory) => (_db, _advisory) = (db, advisory);

    public static async Task<StartupLock> TakeAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (!db.Database.IsNpgsql()) return new StartupLock(db, false);
        // Before the database exists (a fresh PostgreSQL database is made by the administrator, not the app)
        // the connection itself fails and says so.
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = $"SELECT pg_advisory_lock({Key})";
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
        return new StartupLock(db, true);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_advisory)
            {
                await using var cmd = _db.Database.GetDbConnection().CreateCommand();
                cmd.CommandText = $"SELECT pg_advisory_unlock({Key})";
                await cmd.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
