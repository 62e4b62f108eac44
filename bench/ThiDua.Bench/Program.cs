using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ThiDua.Bench;
using ThiDua.Features.Eligibility;

// Benchmarks. `import` times the people import (issue 2); `page` times /Eligibility's loading work for one
// agency of 20.000 people (issue 6); `national` generates the national-scale database and times pages of the
// running app on it (issue 8, bench/national.sh); the default mode is the eligibility benchmark.
if (args.Length > 0 && args[0] == "import") return await ImportBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "page") return await PageBench.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "national") return await NationalBench.RunAsync(args[1..]);

// Eligibility benchmark (issue 3): generates a national-scale input and evaluates every code for every
// person, timing reading, parsing, evaluation and writing separately in one process, so the engine's
// time can be reported as a ratio of the parsing time measured in the same run.
//
//   dotnet run -c Release --project bench/ThiDua.Bench -- [--count 1000000] [--seed 20260101] [--file PATH]

var count = 1_000_000;
var seed = 20260101;
string? file = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count": count = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--file": file = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}
file ??= Path.Combine(Path.GetTempPath(), $"thidua-bench-v2-{count}-{seed}.json");

if (!File.Exists(file))
{
    var g = Stopwatch.StartNew();
    Generator.Write(file, count, seed);
    Console.WriteLine($"generated {file}: {new FileInfo(file).Length / 1e6:F0} MB in {g.Elapsed.TotalSeconds:F1} s");
}

// Warm-up on a small input, so that no pass below pays for JIT compilation the others do not.
{
    var warm = Path.Combine(Path.GetTempPath(), $"thidua-bench-warmup-{seed}.json");
    if (!File.Exists(warm)) Generator.Write(warm, 20_000, seed + 1);
    EligibilityBatch.Run(File.ReadAllBytes(warm), RuleBook.Default, Stream.Null, EligibilityBatch.Mode.EvaluateAndWrite);
}

// 1. Baseline: only reading and parsing (validation included), on every core, as the command does.
var sw = Stopwatch.StartNew();
var bytes = File.ReadAllBytes(file);
var readTime = sw.Elapsed;
var parseStats = new EligibilityBatch.Stats();
var problems = EligibilityBatch.Run(bytes, RuleBook.Default, Stream.Null, EligibilityBatch.Mode.ParseOnly, parseStats);
if (problems.Count > 0) throw new InvalidOperationException(string.Join("\n", problems.Take(5)));
var readParse = readTime + parseStats.TotalTime;

GC.Collect();
// 2. End to end without output: reading, parsing and evaluating every code for every person.
sw.Restart();
bytes = File.ReadAllBytes(file);
var readTime2 = sw.Elapsed;
var evalStats = new EligibilityBatch.Stats();
EligibilityBatch.Run(bytes, RuleBook.Default, Stream.Null, EligibilityBatch.Mode.Evaluate, evalStats);
var endToEnd = readTime2 + evalStats.TotalTime;

bytes = [];
GC.Collect();
// 3. The whole command: also formatting and writing the result document (to /dev/null).
sw.Restart();
bytes = File.ReadAllBytes(file);
var readTime3 = sw.Elapsed;
var writeStats = new EligibilityBatch.Stats();
using (var devNull = new FileStream("/dev/null", FileMode.Open, FileAccess.Write))
    EligibilityBatch.Run(bytes, RuleBook.Default, devNull, EligibilityBatch.Mode.EvaluateAndWrite, writeStats);
var withOutput = readTime3 + writeStats.TotalTime;
bytes = [];

var peak = Process.GetCurrentProcess().PeakWorkingSet64;
var engineWall = evalStats.TotalTime - parseStats.TotalTime;
Console.WriteLine($"input                         {new FileInfo(file).Length / 1e6:N0} MB, {evalStats.Individuals:N0} individuals, {evalStats.PersonYears:N0} person-years");
Console.WriteLine($"results                       {evalStats.Verdicts.Sum():N0} (eligible {evalStats.Verdicts[0]:N0}, not eligible {evalStats.Verdicts[1]:N0}, deferred {evalStats.Verdicts[2]:N0})");
Console.WriteLine($"threads                       {Environment.ProcessorCount}");
Console.WriteLine($"A read + parse only           {readParse.TotalSeconds:F2} s (read {readTime.TotalSeconds:F2}, scan {parseStats.ScanTime.TotalSeconds:F2}, parse {(parseStats.TotalTime - parseStats.ScanTime).TotalSeconds:F2})");
Console.WriteLine($"B read + parse + evaluate     {endToEnd.TotalSeconds:F2} s  <- end to end");
Console.WriteLine($"C B + write result JSON       {withOutput.TotalSeconds:F2} s (to /dev/null)");
Console.WriteLine($"engine time (B - A, wall)     {(endToEnd - readParse).TotalSeconds:F2} s");
Console.WriteLine($"CPU-seconds over all threads  parse {evalStats.ParseCpuTime.TotalSeconds:F2}, engine {evalStats.EngineCpuTime.TotalSeconds:F2} (in run B)");
Console.WriteLine($"engine / parse ratio          {evalStats.EngineCpuTime.TotalSeconds / evalStats.ParseCpuTime.TotalSeconds:F2} (CPU time, same run); {(endToEnd - readParse).TotalSeconds / readParse.TotalSeconds:F2} (wall, B - A over A)");
Console.WriteLine($"person-years / s (B)          {evalStats.PersonYears / endToEnd.TotalSeconds:N0}");
Console.WriteLine($"peak working set              {peak / 1e6:N0} MB");
_ = engineWall;
return 0;

static class Generator
{
    private static readonly string[] Ratings = ["HTXSNV", "HTTNV", "HTTNV", "HTTNV", "HTXSNV", "HTNV", "KHTNV"];

    public static void Write(string path, int count, int seed)
    {
        var rng = new Random(seed);
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var w = new Utf8JsonWriter(fs);
        w.WriteStartObject();
        w.WriteNumber("asOfYear", 2025);
        w.WriteStartArray("individuals");
        for (var i = 0; i < count; i++)
        {
            w.WriteStartObject();
            w.WriteString("id", "P" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
            var span = rng.Next(10, 16);
            var first = 2025 - span + 1;
            if (rng.Next(4) == 0) w.WriteString("hiredOn", new DateOnly(first, rng.Next(1, 13), rng.Next(1, 29)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (rng.Next(200) == 0) w.WriteBoolean("pendingReview", true);
            if (rng.Next(40) == 0)
            {
                w.WriteStartArray("discipline");
                var y = rng.Next(first, 2026);
                w.WriteStartObject();
                w.WriteString("level", rng.Next(3) == 0 ? "canh_cao" : "khien_trach");
                w.WriteString("from", $"{y}-03-01");
                w.WriteString("to", $"{y + 1}-02-28");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            if (rng.Next(5) == 0)
            {
                w.WriteStartArray("awards");
                w.WriteStartObject();
                var decided = rng.Next(first, 2026);
                w.WriteNumber("year", decided);
                w.WriteString("form", rng.Next(6) == 0 ? "BK_TTG" : "BK_BO");
                // Contract v2: some decisions state the period they reward, a few are one-off or thematic.
                if (rng.Next(3) == 0) w.WriteNumber("periodTo", decided - rng.Next(0, 3));
                if (rng.Next(10) == 0) w.WriteString("basis", rng.Next(2) == 0 ? "dot_xuat" : "chuyen_de");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteStartObject("years");
            var cstdcsRun = 0;
            for (var y = first; y <= 2025; y++)
            {
                w.WriteStartObject(y.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var rating = Ratings[rng.Next(Ratings.Length)];
                w.WriteString("rating", rating);
                var good = rating is "HTXSNV" or "HTTNV";
                var hasInitiative = good && rng.Next(4) == 0;
                w.WriteStartArray("titles");
                if (good) w.WriteStringValue("LDTT");
                if (good && (rating == "HTXSNV" || hasInitiative) && rng.Next(3) == 0) { w.WriteStringValue("CSTDCS"); cstdcsRun++; } else cstdcsRun = 0;
                if (cstdcsRun >= 3 && rng.Next(3) == 0) w.WriteStringValue("CSTD_BO");
                w.WriteEndArray();
                if (hasInitiative)
                {
                    w.WriteStartArray("initiatives");
                    var n = rng.Next(1, 3);
                    for (var k = 0; k < n; k++)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", $"SK-{i}-{y}-{k}");
                        var s = rng.Next(20);
                        w.WriteString("scope", s == 0 ? "toan_quoc" : s < 4 ? "bo" : "co_so");
                        if (rng.Next(3) == 0) w.WriteString("usedFor", "CSTDCS");
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            if (w.BytesPending > 1 << 20) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
