using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// The rule sets in force: the built-in files, each replaced by the newest valid file an administrator
/// loaded. The web app and the command line read the same table, so they give the same verdicts.
/// </summary>
public sealed record StoredRuleSetProblem(string Code, string Version, DateTime UploadedUtc, string UploadedBy, IReadOnlyList<string> Problems)
{
    public string Describe() =>
        FormattableString.Invariant($"stored rule set {Code} version {Version} (loaded {UploadedUtc:yyyy-MM-dd HH:mm} UTC by {UploadedBy}) is not used: {string.Join("; ", Problems)}");
}

public sealed record RuleBookLoad(RuleBook Book, IReadOnlyList<StoredRuleSetProblem> Problems);

public sealed class RuleBookStore(AppDbContext db, ILogger<RuleBookStore> log)
{
    // Each unusable stored file is logged once per process, not on every page view.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, DateTime), bool> Logged = new();

    public async Task<RuleBook> GetAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Book;

    /// <summary>The rule book, and every stored file that could not be used (it no longer parses, or its years clash).</summary>
    public async Task<RuleBookLoad> LoadAsync(CancellationToken ct = default)
    {
        var records = await db.RuleSets.AsNoTracking().OrderBy(r => r.UploadedUtc).ToListAsync(ct);
        var load = Compose(records);
        foreach (var p in load.Problems)
        {
            if (Logged.TryAdd((p.Code, p.Version, p.UploadedUtc), true))
                log.LogWarning("Stored rule set {Code} version {Version} loaded {UploadedUtc:o} by {UploadedBy} is not used: {Problems}", p.Code, p.Version, p.UploadedUtc, p.UploadedBy, string.Join("; ", p.Problems));
        }
        return load;
    }

    /// <summary>
    /// Built-ins overlaid with stored files, oldest first, so the newest usable file per code wins. A file that no
    /// longer parses (an older format) or clashes with another set is reported, never dropped silently.
    /// </summary>
    public static RuleBookLoad Compose(IEnumerable<RuleSetRecord> stored)
    {
        var book = RuleBook.Default;
        var problems = new List<StoredRuleSetProblem>();
        foreach (var r in stored.ToList())
        {
            var set = RuleSet.Parse(r.Json, out var parse);
            if (set is null)
            {
                problems.Add(new(r.Code, r.Version, r.UploadedUtc, r.UploadedBy, parse));
                continue;
            }
            var next = book.With(set, out var coverage);
            if (coverage.Count > 0) problems.Add(new(r.Code, r.Version, r.UploadedUtc, r.UploadedBy, coverage));
            else book = next;
        }
        // Only the newest file of each code matters: an older one that fails was superseded anyway, but a newest one
        // that fails means the rules in force are not the ones the administrator last loaded.
        var records = stored as IReadOnlyCollection<RuleSetRecord> ?? stored.ToList();
        problems.RemoveAll(p => records.Any(r => r.Code == p.Code && r.UploadedUtc > p.UploadedUtc));
        return new RuleBookLoad(book, problems);
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
            cmd.CommandText = "SELECT Code, Version, Json, UploadedBy, UploadedUtc FROM RuleSets ORDER BY UploadedUtc";
            var list = new List<RuleSetRecord>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                list.Add(new RuleSetRecord
                {
                    Code = reader.GetString(0), Version = reader.GetString(1), Json = reader.GetString(2), UploadedBy = reader.GetString(3),
                    UploadedUtc = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc),
                });
            }
            var load = Compose(list);
            foreach (var p in load.Problems) await Console.Error.WriteLineAsync($"eligibility: warning: {p.Describe()}");
            return load.Book;
        }
        catch (SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"eligibility: warning: cannot read rule sets from {path} ({ex.Message}); using the built-in rule sets");
            return RuleBook.Default;
        }
    }
}
