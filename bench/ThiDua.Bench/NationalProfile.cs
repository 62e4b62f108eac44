using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ThiDua.Data;
using ThiDua.Features.Eligibility;

namespace ThiDua.Bench;

/// <summary>
/// In-process profile of the eligibility report of the agency of 20.000 people, without HTTP: each query's time
/// from execution to the reader's disposal (the rows read included) and the whole build, several runs. For finding
/// what to make faster; national.sh does not run it.
///   national profile --provider P --connection CS [--runs 5]
/// </summary>
public static class NationalProfile
{
    private sealed class Timer : DbCommandInterceptor
    {
        public readonly List<(string Sql, double Ms, int Rows)> Log = [];
        private readonly Dictionary<DbCommand, Stopwatch> _running = [];

        private readonly Lock _lock = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            lock (_lock) _running[command] = Stopwatch.StartNew();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            lock (_lock)
            {
                if (_running.Remove(command, out var sw))
                    Log.Add((command.CommandText.ReplaceLineEndings(" "), sw.Elapsed.TotalMilliseconds, eventData.ReadCount));
            }
            return result;
        }
    }

    public static async Task<int> RunAsync(DatabaseLocation location, int runs)
    {
        var timer = new Timer();
        AppDbContext Create()
        {
            var ctx = location.CreateContext();
            return ctx;
        }
        int agencyId;
        RuleSet ruleSet;
        await using (var db = Create())
        {
            agencyId = await db.Units.Where(u => u.Code == NationalGenerator.TargetAgencyCode).Select(u => u.Id).SingleAsync();
            ruleSet = (await new RuleBookStore(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<RuleBookStore>.Instance).GetAsync()).Find(NationalGenerator.LastYear)!;
        }
        var today = new DateOnly(2026, 3, 1);
        for (var run = 0; run <= runs; run++)
        {
            timer.Log.Clear();
            var options = location.Provider == DatabaseProvider.Postgres
                ? new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(location.ConnectionString).AddInterceptors(timer).Options
                : (DbContextOptions)new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(location.ConnectionString).AddInterceptors(timer).Options;
            await using AppDbContext db = location.Provider == DatabaseProvider.Postgres
                ? new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)options) : new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)options);
            var sw = Stopwatch.StartNew();
            var report = await EligibilityReport.BuildAsync(db, ruleSet, NationalGenerator.LastYear, "BTC", [agencyId], today);
            sw.Stop();
            var log = timer.Log.ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(run == 0 ? "warm-up" : $"run {run}")}: {sw.Elapsed.TotalMilliseconds:F0} ms, {report.People.Count:N0} people; {log.Count} queries, {log.Sum(l => l.Ms):F0} ms of them"));
            if (run == runs)
            {
                // The parts: reading people and facts (five queries), then evaluating every code for everyone.
                var subtree = await Infrastructure.UnitScopeService.SubtreeAsync(db, agencyId);
                var load = Stopwatch.StartNew();
                var loaded = await RegistryFacts.LoadAsync(db, YearMembers.Query(db, subtree, NationalGenerator.LastYear), NationalGenerator.LastYear);
                load.Stop();
                var engine = new EligibilityEngine(ruleSet, NationalGenerator.LastYear);
                var eval = Stopwatch.StartNew();
                var verdicts = loaded.Facts.Sum(f => engine.Evaluate(f).Length);
                eval.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  RegistryFacts.LoadAsync {load.Elapsed.TotalMilliseconds:F0} ms; evaluating {verdicts:N0} verdicts {eval.Elapsed.TotalMilliseconds:F0} ms; queries of the report:"));
                foreach (var (sql, ms, rows) in log)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,7:F1} ms {rows,8:N0} rows  {sql[..Math.Min(sql.Length, 150)]}"));
            }
        }
        return 0;
    }
}
