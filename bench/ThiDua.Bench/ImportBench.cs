using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ThiDua.Data;
using ThiDua.Features.People;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.Bench;

/// <summary>
/// Times importing a generated people workbook into a fresh SQLite database, several runs, median reported:
///   dotnet run -c Release --project bench/ThiDua.Bench -- import [--rows 5500] [--runs 5] [--history-years 0]
/// </summary>
public static class ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rows = 5500, runs = 5, historyYears = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows": rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--history-years": historyYears = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
            }
        }
        var xlsx = Workbook(rows, historyYears);
        Console.WriteLine($"workbook: {rows:N0} people rows, {rows * historyYears:N0} rating rows, {xlsx.Length / 1024:N0} KB");
        var first = new List<double>();
        var again = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var path = Path.Combine(Path.GetTempPath(), $"thidua-import-bench-{Guid.NewGuid():N}.db");
            try
            {
                var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path}").Options;
                await using (var setup = new SqliteAppDbContext(options))
                {
                    await setup.Database.MigrateAsync();
                    await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                    var agency = new Unit { Name = "Cơ quan thử", Code = "BENCH", Kind = UnitKind.Agency };
                    agency.Normalize();
                    setup.Units.Add(agency);
                    await setup.SaveChangesAsync();
                    for (var d = 1; d <= 10; d++)
                    {
                        var u = new Unit { Name = $"Vụ {d}", Code = $"BENCH-D{d:00}", Kind = UnitKind.Department, ParentId = agency.Id };
                        u.Normalize();
                        setup.Units.Add(u);
                    }
                    await setup.SaveChangesAsync();
                }
                var scope = new AccessScope(true, new HashSet<int>(), null, true);
                foreach (var list in new[] { first, again })
                {
                    await using var db = new SqliteAppDbContext(options);
                    var sw = Stopwatch.StartNew();
                    var outcome = await new PeopleImporter(db, TimeProvider.System).ImportAsync(new MemoryStream(xlsx), scope, "bench", false);
                    sw.Stop();
                    if (!outcome.Written) throw new InvalidOperationException("import refused: " + string.Join("; ", outcome.Rows.Where(r => !r.Accepted).Take(3).SelectMany(r => r.Messages)));
                    list.Add(sw.Elapsed.TotalSeconds);
                    Console.WriteLine($"run {run + 1} {(list == first ? "first import" : "re-import  ")}: {sw.Elapsed.TotalSeconds:F2} s (created {outcome.Created}, unchanged {outcome.Unchanged}, history changes {outcome.HistoryChanges})");
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
            }
        }
        Console.WriteLine($"median first import: {Median(first):F2} s; median re-import (no changes): {Median(again):F2} s over {runs} runs");
        return 0;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static byte[] Workbook(int rows, int historyYears)
    {
        var rng = new Random(5500);
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ"];
        string[] given = ["An", "Bình", "Cường", "Dũng", "Đức", "Hà", "Hương", "Lan", "Minh", "Ngọc"];
        var people = new List<Dictionary<string, object?>>(rows);
        var ratings = new List<Dictionary<string, object?>>();
        for (var i = 0; i < rows; i++)
        {
            var code = $"B{i:000000}";
            var birthYear = 1965 + rng.Next(35);
            people.Add(new()
            {
                [W.Code] = code, [W.Family] = family[rng.Next(family.Length)], [W.Middle] = rng.Next(2) == 0 ? "Văn" : "Thị",
                [W.Given] = given[rng.Next(given.Length)], [W.GenderCol] = rng.Next(2) == 0 ? "Nam" : "Nữ",
                [W.Birth] = $"{1 + rng.Next(28):00}/{1 + rng.Next(12):00}/{birthYear}", [W.PositionCol] = "Chuyên viên",
                [W.UnitCode] = $"BENCH-D{1 + rng.Next(10):00}", [W.Hired] = $"01/{1 + rng.Next(12):00}/{Math.Min(2025, birthYear + 22 + rng.Next(8))}",
            });
            for (var y = 0; y < historyYears; y++) ratings.Add(new() { [W.Code] = code, [W.Year] = 2025 - y, [W.RatingCol] = rng.Next(4) == 0 ? "HTXSNV" : "HTTNV" });
        }
        var sheets = new Dictionary<string, object> { [W.PeopleSheet] = people };
        if (historyYears > 0) sheets[W.RatingsSheet] = ratings;
        using var ms = new MemoryStream();
        ms.SaveAs(sheets, excelType: ExcelType.XLSX);
        return ms.ToArray();
    }
}
