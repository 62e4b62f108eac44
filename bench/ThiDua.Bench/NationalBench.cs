using System.Globalization;
using ThiDua.Data;

namespace ThiDua.Bench;

/// <summary>
/// The national-scale database (issue 8): a generator that fills either provider, and the page measurement.
/// bench/national.sh runs both for both providers in one go.
///   national key      --provider Sqlite|Postgres [--people 1000000] [--seed 2026]     the cache key of a generated database
///   national generate --provider P --connection CS [--people 1000000] [--seed 2026]  fill an empty, migrated database
///   national measure  --provider P --connection CS --url URL --email E --password PW [--runs 20] [--warmup 3]
///                     [--query "nguyen van anh"] [--label L] [--results FILE]        time four pages of the running app
/// </summary>
public static class NationalBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0) return Usage();
        var mode = args[0];
        DatabaseProvider? provider = null;
        string? connection = null, url = null, email = null, password = null, label = null, results = null;
        var query = "nguyen van anh";
        int people = 1_000_000, seed = 2026, runs = 20, warmup = 3;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider": provider = Enum.Parse<DatabaseProvider>(args[++i], ignoreCase: true); break;
                case "--connection": connection = args[++i]; break;
                case "--people": people = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--url": url = args[++i]; break;
                case "--email": email = args[++i]; break;
                case "--password": password = args[++i]; break;
                case "--query": query = args[++i]; break;
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--label": label = args[++i]; break;
                case "--results": results = args[++i]; break;
                default: await Console.Error.WriteLineAsync($"unknown argument {args[i]}"); return Usage();
            }
        }
        if (provider is not { } p) return Usage();
        switch (mode)
        {
            case "key":
                {
                    // Named after the generator's version, the size, the seed and the newest migration of the provider:
                    // a schema change (new indexes) or a change to the generator makes a new database.
                    var dummy = p == DatabaseProvider.Postgres ? "Host=localhost;Database=unused" : "Data Source=:memory:";
                    await using var db = new DatabaseLocation(p, dummy).CreateContext();
                    var newest = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).Last();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{NationalGenerator.Version}-{people}-{seed}-{newest}"));
                    return 0;
                }
            case "generate" when connection is not null:
                return await NationalGenerator.GenerateAsync(new DatabaseLocation(p, connection), people, seed);
            case "profile" when connection is not null:
                return await NationalProfile.RunAsync(new DatabaseLocation(p, connection), runs == 20 ? 5 : runs);
            case "measure" when connection is not null && url is not null && email is not null && password is not null:
                return await NationalMeasure.RunAsync(new DatabaseLocation(p, connection), url, email, password, query, runs, warmup, label ?? p.ToString(), results);
            default:
                return Usage();
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: national key|generate|measure --provider Sqlite|Postgres [--connection CS] [--people N] [--seed N] [--url URL --email E --password PW --runs N --query Q --label L --results FILE]");
        return 2;
    }
}
