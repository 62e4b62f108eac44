namespace ThiDua.Tests.Nominations.Workflow;

/// <summary>
/// Checks the rows of <see cref="WorkflowAccessCases"/> until the lead adds them to <see cref="Accounts.AccessTests"/>
/// (one app for all rows; the access test then runs them one by one).
/// </summary>
public sealed class WorkflowAccessTableTests() : AppTest
{
    [Fact]
    public async Task Pages_ForRoleAndUnit_AsTheAccessTableExpects()
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (who, url, expected) in WorkflowAccessCases.Cases)
        {
            if (!clients.TryGetValue(who, out var client)) clients[who] = client = who == "anonymous" ? App.Browser() : await App.SignInAsync(who);
            var response = await client.GetAsync(url);
            var location = response.Headers.Location?.ToString() ?? "";
            var actual = response.StatusCode == HttpStatusCode.OK ? "ok"
                : location.Contains("/Account/Login", StringComparison.Ordinal) ? "login"
                : location.Contains("/Account/AccessDenied", StringComparison.Ordinal) ? "denied" : $"{(int)response.StatusCode} {location}";
            Assert.True(expected == actual, $"{who} {url}: expected {expected}, got {actual}");
        }
    }
}
