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
    /// For the batch command: reads stored rule sets through the configured provider (Database:Provider), a
    /// SQLite file opened read-only (the command never writes to it); built-ins when the database holds none
    /// yet, with a warning on stderr when it cannot be read.
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
        DatabaseLocation location;
        try
        {
            location = DatabaseLocation.From(config);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"eligibility: warning: {ex.Message}; using the built-in rule sets");
            return RuleBook.Default;
        }
        var where = location.Provider.ToString();
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new SqliteConnectionStringBuilder(location.ConnectionString);
            where = sqlite.DataSource;
            if (!File.Exists(sqlite.DataSource)) return RuleBook.Default;
            sqlite.Mode = SqliteOpenMode.ReadOnly;
            sqlite.Pooling = false;
            location = location with { ConnectionString = sqlite.ToString() };
        }
        try
        {
            await using var db = location.CreateContext();
            if (!(await db.Database.GetAppliedMigrationsAsync()).Any()) return RuleBook.Default;
            var list = await db.RuleSets.AsNoTracking().OrderBy(r => r.UploadedUtc).ToListAsync();
            var load = Compose(list);
            foreach (var p in load.Problems) await Console.Error.WriteLineAsync($"eligibility: warning: {p.Describe()}");
            return load.Book;
        }
        catch (System.Data.Common.DbException ex)
        {
            await Console.Error.WriteLineAsync($"eligibility: warning: cannot read rule sets from {where} ({ex.Message}); using the built-in rule sets");
            return RuleBook.Default;
        }
    }
}
