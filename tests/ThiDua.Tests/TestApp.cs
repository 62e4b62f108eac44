using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;

namespace ThiDua.Tests;

/// <summary>
/// The app over a real SQLite file. The demo data (5,520 people) is seeded once per test run into a
/// template file; each TestApp works on its own copy, so tests that write do not disturb each other.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = DemoData.DemoSeeder.Password;
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    static TestApp()
    {
        // Every app watches its settings files and web root; dozens of apps in parallel would use up Linux's
        // per-user limit of 128 inotify instances ("The configured user limit (128) on the number of inotify
        // instances has been reached"). Tests change no files, so poll instead of holding a watcher per app.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }

    public string DatabasePath { get; }
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _deleteDatabaseOnDispose;

    private TestApp(string databasePath, Dictionary<string, string?> settings, bool deleteDatabaseOnDispose = true)
    {
        DatabasePath = databasePath;
        _settings = settings;
        _deleteDatabaseOnDispose = deleteDatabaseOnDispose;
    }

    /// <summary>A fresh copy of the seeded demo database behind a new app (on a real Kestrel port when a browser drives it).</summary>
    public static async Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null, bool kestrel = false)
    {
        var template = await TemplateAsync();
        var dir = Path.Combine(Path.GetTempPath(), "thidua-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"app-{Guid.NewGuid():N}.db");
        File.Copy(template, path);
        var app = new TestApp(path, settings ?? []);
        if (kestrel)
        {
            app.UseKestrel(0);
            app.StartServer();
        }
        else _ = app.Server; // start now, so migrations run before the first request
        return app;
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null) return _template;
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetDirectoryName(DatabasePath)!, "keys"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:Format", "simple");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
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
