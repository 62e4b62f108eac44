using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using ThiDua.Features.Units;

namespace ThiDua.Bench;

/// <summary>
/// Times the loading work of /Eligibility for one agency of N people (default 20.000) over a generated SQLite
/// database with ten years of ratings, titles, initiatives, discipline and awards, a tenth of the staff having
/// moved between departments. Each run builds the whole report (people's facts, every verdict, the summary
/// counts, every collective, the share limits) and takes the first page of the list, as a GET does; the
/// .xlsx export of the whole list is timed separately.
///   dotnet run -c Release --project bench/ThiDua.Bench -- page [--people 20000] [--runs 5] [--year 2025]
/// </summary>
public static class PageBench
{
    private const int FirstYear = 2016, LastYear = 2025, Departments = 20, SubUnitsPerDepartment = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        int people = 20_000, runs = 5, year = LastYear;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--people": people = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--year": year = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        // The cached database is named after the newest migration, so a schema change builds a new one.
        string schema;
        await using (var probe = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options))
            schema = probe.Database.GetMigrations().Last();
        var path = Path.Combine(Path.GetTempPath(), $"thidua-page-bench-{people}-{schema}.db");
        if (!File.Exists(path))
        {
            var g = Stopwatch.StartNew();
            await GenerateAsync(path + ".tmp", people);
            SqliteConnection.ClearAllPools();
            File.Move(path + ".tmp", path);
            Console.WriteLine($"generated {path}: {new FileInfo(path).Length / 1e6:F0} MB in {g.Elapsed.TotalSeconds:F1} s");
        }
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path};Mode=ReadOnly").Options;
        int agencyId;
        RuleSet ruleSet;
        await using (var db = new SqliteAppDbContext(options))
        {
            agencyId = await db.Units.Where(u => u.Code == "BENCH").Select(u => u.Id).SingleAsync();
            ruleSet = (await new RuleBookStore(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<RuleBookStore>.Instance).GetAsync()).Find(year) ?? throw new InvalidOperationException($"no rule set for {year}");
            Console.WriteLine($"database: {await db.People.CountAsync():N0} people, {await db.YearRatings.CountAsync():N0} ratings, {await db.Awards.CountAsync():N0} titles and awards, " +
                $"{await db.UnitMemberships.CountAsync():N0} memberships, {await db.Units.CountAsync():N0} units");
        }
        var today = new DateOnly(year + 1, 3, 1);

        var times = new List<double>();
        EligibilityReport? report = null;
        for (var run = 0; run <= runs; run++)
        {
            await using var db = new SqliteAppDbContext(options);
            var sw = Stopwatch.StartNew();
            report = await EligibilityReport.BuildAsync(db, ruleSet, year, "Cơ quan thử", [agencyId], today);
            var page = report.People.Take(Features.Eligibility.IndexModel.PageSize).ToList();
            sw.Stop();
            // Run 0 warms up (JIT, SQLite page cache) and is not counted.
            if (run > 0) times.Add(sw.Elapsed.TotalMilliseconds);
            Console.WriteLine($"{(run == 0 ? "warm-up" : $"run {run}")}: {sw.Elapsed.TotalMilliseconds:F0} ms — {report.People.Count:N0} people, {report.Collectives.Count} collectives, " +
                $"{report.EligibleCounts[EligibilityCodes.LDTT]:N0} LĐTT eligible, first page {page.Count} rows");
        }
        Console.WriteLine($"median page load (agency of {report!.People.Count:N0} people, year {year}): {Median(times):F0} ms over {runs} runs (min {times.Min():F0}, max {times.Max():F0})");

        // The export of the whole list (every code of every person), written to a temporary file as the page does.
        var export = Stopwatch.StartNew();
        var file = Path.Combine(Path.GetTempPath(), $"thidua-page-bench-{Guid.NewGuid():N}.xlsx");
        await using (var fs = new FileStream(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose))
        {
            var rows = report.People.SelectMany(r => r.Results.Select(x => new Dictionary<string, object?>
            {
                ["Mã cá nhân"] = r.PersonalCode, ["Họ và tên"] = r.FullName, ["Đơn vị"] = r.Unit, ["Mã"] = x.Code,
                ["Kết quả"] = Features.Eligibility.IndexModel.VerdictName(x.Verdict), ["Lý do"] = string.Join("; ", x.Reasons), ["Căn cứ"] = string.Join("; ", x.Basis),
            }));
            await fs.SaveAsAsync(new Dictionary<string, object> { ["Xét điều kiện"] = rows }, excelType: ExcelType.XLSX);
            Console.WriteLine($"export of {report.People.Count * 6:N0} rows: {export.Elapsed.TotalSeconds:F1} s, {fs.Length / 1e6:F1} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        }
        return 0;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    /// <summary>One agency, twenty departments of three sub-units each, and <paramref name="count"/> people with ten years of history.</summary>
    private static async Task GenerateAsync(string path, int count)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new SqliteAppDbContext(options);
        await db.Database.MigrateAsync();
        var rng = new Random(20_000);
        var agency = new Unit { Name = "Cơ quan thử", Code = "BENCH", Kind = UnitKind.Agency };
        agency.Normalize();
        db.Units.Add(agency);
        await db.SaveChangesAsync();
        var leaves = new List<Unit>();
        var collectives = new List<Unit>();
        for (var d = 1; d <= Departments; d++)
        {
            var dept = new Unit { Name = $"Vụ {d}", Code = $"BENCH-D{d:00}", Kind = UnitKind.Department, ParentId = agency.Id };
            dept.Normalize();
            db.Units.Add(dept);
            await db.SaveChangesAsync();
            collectives.Add(dept);
            for (var s = 1; s <= SubUnitsPerDepartment; s++)
            {
                var sub = new Unit { Name = $"Phòng {s} Vụ {d}", Code = $"BENCH-D{d:00}-P{s}", Kind = UnitKind.SubUnit, ParentId = dept.Id };
                sub.Normalize();
                db.Units.Add(sub);
                leaves.Add(sub);
            }
        }
        await db.SaveChangesAsync();

        await using var tx = await db.Database.BeginTransactionAsync();
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Vũ", "Phan"];
        string[] given = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hương", "Lan", "Minh", "Ngọc", "Thảo", "Tuấn"];
        var people = new List<Person>(count);
        var memberships = new List<(int Index, UnitMembership M)>();
        for (var i = 0; i < count; i++)
        {
            var hired = new DateOnly(2000 + rng.Next(26), 1 + rng.Next(12), 1);
            var unit = leaves[rng.Next(leaves.Count)];
            var p = new Person
            {
                PersonalCode = $"B{i:000000}", FamilyName = family[rng.Next(family.Length)], MiddleName = rng.Next(2) == 0 ? "Văn" : "Thị",
                GivenName = given[rng.Next(given.Length)], Gender = rng.Next(2) == 0 ? Gender.Male : Gender.Female, HiredOn = hired,
                CurrentUnitId = unit.Id, PendingReview = rng.Next(500) == 0,
            };
            p.Normalize();
            people.Add(p);
            if (rng.Next(10) == 0 && hired.Year < 2024)
            {
                // Moved: the earlier membership is closed the day before the current one starts.
                var moved = new DateOnly(rng.Next(hired.Year + 1, 2026), 1 + rng.Next(12), 1);
                memberships.Add((i, new UnitMembership { UnitId = leaves[rng.Next(leaves.Count)].Id, From = hired, To = moved.AddDays(-1) }));
                memberships.Add((i, new UnitMembership { UnitId = unit.Id, From = moved }));
            }
            else memberships.Add((i, new UnitMembership { UnitId = unit.Id, From = hired }));
        }
        await BulkInsert.InsertAsync(db, people);
        var ids = await db.People.OrderBy(p => p.Id).Select(p => new { p.Id, p.PersonalCode }).ToDictionaryAsync(p => p.PersonalCode, p => p.Id);
        foreach (var (index, m) in memberships) m.PersonId = ids[people[index].PersonalCode];
        await BulkInsert.InsertAsync(db, memberships.Select(m => m.M).ToList());

        var ratings = new List<YearRating>();
        var awards = new List<AwardRecord>();
        var initiatives = new List<Initiative>();
        var discipline = new List<DisciplineRecord>();
        foreach (var p in people)
        {
            var id = ids[p.PersonalCode];
            var quality = rng.NextDouble();
            var run = 0;
            if (rng.Next(60) == 0)
            {
                var from = new DateOnly(rng.Next(FirstYear, LastYear + 1), 1 + rng.Next(12), 1);
                discipline.Add(new DisciplineRecord { PersonId = id, Level = rng.Next(3) == 0 ? DisciplineLevel.CanhCao : DisciplineLevel.KhienTrach, From = from, To = from.AddYears(1).AddDays(-1) });
            }
            for (var y = Math.Max(FirstYear, p.HiredOn!.Value.Year); y <= LastYear; y++)
            {
                if (rng.Next(200) == 0) continue; // a few years without a rating: missing data
                var x = rng.NextDouble() * 0.7 + quality * 0.3;
                var rating = x > 0.8 ? Rating.HTXSNV : x > 0.12 ? Rating.HTTNV : x > 0.04 ? Rating.HTNV : Rating.KHTNV;
                ratings.Add(new YearRating { PersonId = id, Year = y, Rating = rating });
                if (rating < Rating.HTTNV) { run = 0; continue; }
                awards.Add(Title(id, y, "LDTT"));
                var initiative = rng.NextDouble() < 0.1 + quality * 0.1;
                if (initiative) initiatives.Add(new Initiative { PersonId = id, Year = y, Title = "Sáng kiến", Scope = rng.Next(20) == 0 ? InitiativeScope.Bo : InitiativeScope.CoSo });
                if ((initiative || (y >= 2024 && rating == Rating.HTXSNV)) && rng.Next(2) == 0)
                {
                    awards.Add(Title(id, y, "CSTDCS"));
                    if (++run % 3 == 0 && rng.Next(3) == 0) awards.Add(Title(id, y, "CSTD_BO"));
                }
                else run = 0;
                if (rating == Rating.HTXSNV && rng.Next(40) == 0)
                    awards.Add(new AwardRecord { PersonId = id, Year = y, Code = "BK_BO", Authority = "Thử", Status = AwardStatus.Conferred, PeriodTo = rng.Next(2) == 0 ? y : null });
            }
        }
        var records = new List<UnitYearRecord>();
        foreach (var u in collectives.Concat(leaves))
        {
            for (var y = FirstYear; y <= LastYear; y++) records.Add(new UnitYearRecord { UnitId = u.Id, Year = y, Rating = rng.Next(3) == 0 ? Rating.HTXSNV : Rating.HTTNV, United = true });
        }
        await BulkInsert.InsertAsync(db, ratings);
        await BulkInsert.InsertAsync(db, awards);
        await BulkInsert.InsertAsync(db, initiatives);
        await BulkInsert.InsertAsync(db, discipline);
        await BulkInsert.InsertAsync(db, records);
        await tx.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
    }

    private static AwardRecord Title(int personId, int year, string code) =>
        new() { PersonId = personId, Year = year, Code = code, Authority = "Thủ trưởng cơ quan thử", Status = AwardStatus.Conferred };
}
