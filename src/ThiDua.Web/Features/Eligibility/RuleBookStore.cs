using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// The rule sets in force: the built-in files, each replaced by the newest valid file an administrator
/// loaded. The web app and the command line read the same table, so they give the same verdicts.
/// </summary>
public sealed class RuleBookStore(AppDbContext db)
{
    public async Task<RuleBook> GetAsync(CancellationToken ct = default)
    {
        var records = await db.RuleSets.AsNoTracking().OrderBy(r => r.UploadedUtc).ToListAsync(ct);
        return Compose(records.Select(r => r.Json));
    }

    /// <summary>Built-ins overlaid with stored files, oldest first, so the newest per code wins.</summary>
    public static RuleBook Compose(IEnumerable<string> storedJson)
    {
        var book = RuleBook.Default;
        foreach (var json in storedJson)
        {
            if (RuleSet.Parse(json, out _) is { } set) book = book.With(set, out _);
        }
        return book;
    }

    /// <summary>
    /// For the batch command: reads stored rule sets from the application database opened read-only
    /// (the command never writes to it); built-ins when there is no database yet.
    /// </summary>
    public static async Task<RuleBook> LoadForCommandLineAsync(string[] args)
    {
        var env = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        _ = args;
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{env}.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var explicitCs = config.GetConnectionString("Default");
        var path = explicitCs is { Length: > 0 } ? new SqliteConnectionStringBuilder(explicitCs).DataSource : Path.GetFullPath(config["Database:Path"] ?? "data/thidua.db");
        if (!File.Exists(path)) return RuleBook.Default;
        try
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using var conn = new SqliteConnection(cs);
            await conn.OpenAsync();
            await using var check = conn.CreateCommand();
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='RuleSets'";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0) return RuleBook.Default;
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT Json FROM RuleSets ORDER BY UploadedUtc";
            var list = new List<string>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) list.Add(reader.GetString(0));
            return Compose(list);
        }
        catch (SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"eligibility: warning: cannot read rule sets from {path} ({ex.Message}); using the built-in rule sets");
            return RuleBook.Default;
        }
    }
}
