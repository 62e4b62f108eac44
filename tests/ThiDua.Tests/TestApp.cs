using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ThiDua.Data;

namespace ThiDua.Tests;

/// <summary>
/// The app over a real database: a SQLite file, or a PostgreSQL database when THIDUA_TEST_PROVIDER=Postgres
/// (THIDUA_TEST_PG names the server; test.sh starts one). The demo data (5,520 people) is seeded once per test
/// run into a template; each TestApp works on its own copy (a file copy, or CREATE DATABASE … TEMPLATE), so
/// tests that write do not disturb each other.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = DemoData.DemoSeeder.Password;
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>The provider this test run uses (test.sh runs the integration tests once per provider).</summary>
    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("THIDUA_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL server (no database named), e.g. Host=127.0.0.1;Port=5433;Username=postgres.</summary>
    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("THIDUA_TEST_PG") is { Length: > 0 } cs ? cs
            : throw new InvalidOperationException("THIDUA_TEST_PROVIDER=Postgres needs THIDUA_TEST_PG (a server connection string); ./test.sh starts a server and sets both.");

    static TestApp()
    {
        // Every app watches its settings files and web root; dozens of apps in parallel would use up Linux's
        // per-user limit of 128 inotify instances ("The configured user limit (128) on the number of inotify
        // instances has been reached"). Tests change no files, so poll instead of holding a watcher per app.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
        // Program.cs makes a Debug build without ASPNETCORE_ENVIRONMENT a Development host (the demo for
        // `dotnet run`), and that choice outranks the factory's UseEnvironment("Testing"): the hosts under test would
        // then skip what only runs outside Development (HSTS, the error page). Naming the environment makes Debug and
        // Release test the same app.
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Testing");
    }

    /// <summary>On SQLite the database file; on PostgreSQL the database name.</summary>
    public string DatabasePath { get; }
    /// <summary>The app's database, for a second context of the test's own (<see cref="DatabaseLocation.CreateContext"/>).</summary>
    public DatabaseLocation Location { get; }
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _deleteDatabaseOnDispose;

    private TestApp(string databasePath, Dictionary<string, string?> settings, bool deleteDatabaseOnDispose = true)
    {
        DatabasePath = databasePath;
        Location = Provider == DatabaseProvider.Postgres
            ? new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = databasePath }.ToString())
            : new(DatabaseProvider.Sqlite, $"Data Source={databasePath}");
        _settings = settings;
        _deleteDatabaseOnDispose = deleteDatabaseOnDispose;
    }

    /// <summary>Environment variables that point the app's commands (eligibility, backup) at this app's database.</summary>
    public Dictionary<string, string> CommandEnvironment => Provider == DatabaseProvider.Postgres
        ? new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Default"] = Location.ConnectionString }
        : new() { ["Database__Path"] = DatabasePath };

    /// <summary>A fresh copy of the seeded demo database behind a new app (on a real Kestrel port when a browser drives it).</summary>
    public static async Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var template = await TemplateAsync();
        string path;
        if (Provider == DatabaseProvider.Postgres)
        {
            path = $"thidua_app_{Guid.NewGuid():N}";
            await PgAdminAsync($"CREATE DATABASE \"{path}\" TEMPLATE \"{template}\"");
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "thidua-tests");
            Directory.CreateDirectory(dir);
            path = Path.Combine(dir, $"app-{Guid.NewGuid():N}.db");
            File.Copy(template, path);
            // The template was switched out of WAL to be copied as one file; the app's start would switch back.
            using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            cmd.ExecuteNonQuery();
        }
        // The copy is of a migrated template: EF's check of the applied migrations (and of the model against the
        // snapshot) took most of a host's start, paid by every test. Tests of migrating pass the setting themselves.
        settings = new Dictionary<string, string?>(settings ?? []);
        settings.TryAdd("Database:MigrateOnStart", "false");
        var app = new TestApp(path, settings);
        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
        }
        else _ = app.Server; // start now, so migrations run before the first request
        return app;
    }

    /// <summary>
    /// Another instance over <paramref name="other"/>'s database, as in a deployment of several instances: no copy
    /// is made, and disposing it leaves the database to <paramref name="other"/>. Dispose it first.
    /// </summary>
    public static TestApp StartOverSameDatabase(TestApp other, Dictionary<string, string?>? settings = null)
    {
        var app = Over(other.DatabasePath, settings ?? [], owner: false);
        _ = app.Server;
        return app;
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
            if (Provider == DatabaseProvider.Postgres) return _template = await PgTemplateAsync();
            var dir = Path.Combine(Path.GetTempPath(), "thidua-tests");
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, $"template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            using (var seeding = new TestApp(path, new() { ["Demo:Seed"] = "true", ["Demo:PrintAccounts"] = "false" }, deleteDatabaseOnDispose: false))
            {
                _ = seeding.Server;
            }
            SqliteConnection.ClearAllPools();
            using (var conn = new SqliteConnection($"Data Source={path}"))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;";
                cmd.ExecuteNonQuery();
            }
            SqliteConnection.ClearAllPools();
            return _template = path;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>A database seeded with the demo once per test run; every app's database is copied from it.</summary>
    private static async Task<string> PgTemplateAsync()
    {
        var name = $"thidua_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        await PgAdminAsync($"CREATE DATABASE \"{name}\"");
        using (var seeding = new TestApp(name, new() { ["Demo:Seed"] = "true", ["Demo:PrintAccounts"] = "false" }, deleteDatabaseOnDispose: false))
        {
            _ = seeding.Server;
        }
        // CREATE DATABASE … TEMPLATE refuses a template anyone is connected to: the pools let go of it, and no one
        // (autovacuum included) may connect to it again. The seed has already ANALYZEd it, so the copies plan well.
        NpgsqlConnection.ClearAllPools();
        await PgAdminAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { PgAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult(); } catch (NpgsqlException) { }
        };
        return name;
    }

    /// <summary>A new empty database (a file name, or a PostgreSQL database) for apps made with <see cref="Over"/>.</summary>
    public static async Task<string> NewEmptyDatabaseAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var name = $"thidua_empty_{Guid.NewGuid():N}";
            await PgAdminAsync($"CREATE DATABASE \"{name}\"");
            return name;
        }
        var dir = Path.Combine(Path.GetTempPath(), "thidua-tests");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $"empty-{Guid.NewGuid():N}.db");
    }

    /// <summary>An app over a database that already exists, not started; only the owner drops it on dispose.</summary>
    public static TestApp Over(string databasePath, Dictionary<string, string?> settings, bool owner) => new(databasePath, settings, owner);

    /// <summary>A statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction).</summary>
    internal static async Task PgAdminAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 120;
        await cmd.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Default", Location.ConnectionString);
        }
        else builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Storage:UploadsPath", Path.Combine(Path.GetTempPath(), "thidua-tests", "uploads"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:Format", "simple");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
    }

    /// <summary>Adds an EF interceptor to the app's context, whichever provider's it is.</summary>
    public static void AddInterceptor(IServiceCollection services, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor)
    {
        if (Provider == DatabaseProvider.Postgres) services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(interceptor));
        else services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptor));
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = Browser();
        var response = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}: {System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "role=\"alert\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value}");
        return client;
    }

    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task ExecuteAsync(Func<AppDbContext, Task> action)
    {
        using var scope = Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Provider == DatabaseProvider.Postgres)
        {
            if (!_deleteDatabaseOnDispose) return;
            try { PgAdminAsync($"DROP DATABASE IF EXISTS \"{DatabasePath}\" WITH (FORCE)").GetAwaiter().GetResult(); } catch (NpgsqlException) { }
            return;
        }
        SqliteConnection.ClearAllPools();
        if (!_deleteDatabaseOnDispose) return;
        foreach (var f in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            try { File.Delete(f); } catch (IOException) { }
        }
    }
}

public static partial class HttpClientForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var m = TokenPattern().Match(html);
        Assert.True(m.Success, $"no anti-forgery token on {pageUrl}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>GETs the page for its anti-forgery token, then POSTs the form as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var token = await client.AntiforgeryTokenAsync(formPage ?? url);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }
}

/// <summary>
/// Stands in for another user's request: once, just after the app ran a command that <paramref name="when"/>
/// matches (a check, typically), <paramref name="write"/> saves through a second context of its own (works on
/// every provider; on SQLite it must not wait for a write lock the app holds, so match a read, not the insert).
/// </summary>
public sealed class SavedMeanwhile(DatabaseLocation database, Func<System.Data.Common.DbCommand, bool> when, Func<AppDbContext, Task> write)
    : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _fired;

    public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData,
        System.Data.Common.DbDataReader result, CancellationToken ct = default)
    {
        if (when(command) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await using var other = database.CreateContext();
            await write(other);
        }
        return result;
    }
}
