using System.Net;
using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Nominations;

/// <summary>Runs <see cref="NominationsAccessCases"/> here until the lead adds them to the shared access table.</summary>
public sealed class NominationsAccessCheckTests() : AppTest
{
    [Fact]
    public async Task AccessCases_EveryRow_AnswersAsExpected()
    {
        var ids = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW" || u.Code == "HVCTQG" || u.Code == "BDVTW").ToDictionaryAsync(u => u.Code, u => u.Id));
        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        foreach (var (who, template, expected) in NominationsAccessCases.Cases)
        {
            var url = template.Replace("{btUnit}", ids["BTCTW"].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{hvUnit}", ids["HVCTQG"].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{bdUnit}", ids["BDVTW"].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            if (!clients.TryGetValue(who, out var client)) clients[who] = client = who == "anonymous" ? App.Browser() : await App.SignInAsync(who);
            var r = await client.GetAsync(url);
            var location = r.Headers.Location?.ToString() ?? "";
            var actual = r.StatusCode == HttpStatusCode.OK ? "ok"
                : location.Contains("/Account/AccessDenied", StringComparison.Ordinal) ? "denied"
                : location.Contains("/Account/Login", StringComparison.Ordinal) ? "login" : ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (actual != expected) failures.Add($"{who} {url}: {actual}, expected {expected}");
        }
        Assert.Empty(failures);
    }
}
