using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Bench;

/// <summary>
/// Times four pages of a running app over HTTP, signed in as an administrator (who sees every unit): the first
/// page of the people list, a name search typed without diacritics, a person's page (ten years of history, this
/// year's verdicts) and the eligibility page of the agency of 20.000 people. Each page is requested a few times to
/// warm up, then <c>runs</c> times one after the other; the median, minimum and maximum of the full response
/// (headers and body read) are reported.
/// </summary>
public static partial class NationalMeasure
{
    public sealed record Page(string Name, string Path, string Expect);

    public static async Task<int> RunAsync(DatabaseLocation location, string url, string email, string password, string query, int runs, int warmup, string label, string? resultsFile)
    {
        // The ids the pages need, read from the database the app uses.
        int agencyId, personId, hits, agencyPeople, active;
        await using (var db = location.CreateContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            agencyId = await db.Units.Where(u => u.Code == NationalGenerator.TargetAgencyCode).Select(u => u.Id).SingleAsync();
            var prefix = "001";
            agencyPeople = await db.People.CountAsync(p => p.PersonalCode.StartsWith(prefix));
            // A person of the agency with ten years of ratings who holds a CSTĐ cấp bộ: every rule has something to look at.
            personId = await db.Awards.Where(a => a.Code == "CSTD_BO" && a.Person!.PersonalCode.StartsWith(prefix)).OrderBy(a => a.PersonId).Select(a => a.PersonId!.Value).FirstAsync();
            var folded = VietnameseText.Fold(query);
            hits = await db.People.CountAsync(p => p.IsActive && p.SearchName.Contains(folded));
            active = await db.People.CountAsync(p => p.IsActive);
        }
        Page[] pages =
        [
            new("people list, first page", "/People", "id=\"people\""),
            new($"search \"{query}\" ({hits:N0} hits)", "/People?q=" + Uri.EscapeDataString(query), "id=\"people\""),
            new("person page with eligibility", $"/People/Details/{personId}", "data-code=\"CSTD_BO\""),
            new($"eligibility, agency of {agencyPeople:N0}", $"/Eligibility?unit={agencyId}", "id=\"summary\""),
            // Not one of the four: the pager's "Cuối" link, and a page in the middle of the list (the slowest OFFSET).
            new("(extra) people list, last page", $"/People?p={(active + 49) / 50}", "id=\"people\""),
            new("(extra) people list, middle page", $"/People?p={(active + 49) / 100}", "id=\"people\""),
        ];

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        await SignInAsync(http, email, password);

        var lines = new List<string>();
        foreach (var page in pages)
        {
            var times = new List<double>();
            long size = 0;
            for (var i = 0; i < warmup + runs; i++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await http.GetAsync(page.Path, HttpCompletionOption.ResponseContentRead);
                var body = await response.Content.ReadAsStringAsync();
                sw.Stop();
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains(page.Expect, StringComparison.Ordinal))
                    throw new InvalidOperationException($"{page.Path}: {(int)response.StatusCode}, expected text \"{page.Expect}\" {(body.Contains(page.Expect, StringComparison.Ordinal) ? "found" : "missing")}");
                size = body.Length;
                if (i >= warmup) times.Add(sw.Elapsed.TotalMilliseconds);
            }
            var s = times.Order().ToList();
            var median = s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {page.Name} | `{page.Path}` | **{median:F0}** | {s[0]:F0} | {s[^1]:F0} | {size / 1024.0:F0} KB |");
            Console.WriteLine(line);
            lines.Add(line);
        }
        if (resultsFile is not null) await File.AppendAllLinesAsync(resultsFile, lines);
        return 0;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static async Task SignInAsync(HttpClient http, string email, string password)
    {
        var form = await http.GetStringAsync("/Account/Login");
        var token = AntiforgeryToken().Match(form) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no anti-forgery token on the sign-in page");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync("/Account/Login", content);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
            throw new InvalidOperationException($"sign-in refused ({(int)response.StatusCode})");
    }
}
