using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Accounts;
using ThiDua.Tests.Infrastructure;

namespace ThiDua.Tests.Accounts;

/// <summary>
/// Two app instances over one database (as behind nginx) count one client's failed sign-ins together: failures
/// arriving at the same moment on either instance are each counted, and the block starts once, at the configured number.
/// </summary>
public sealed class ThrottleAcrossInstancesTests : AppTest
{
    /// <summary>Wrong passwords from one client address through the proxy, sent all at once, alternately to each instance.</summary>
    private static async Task<HttpResponseMessage[]> FailTogetherAsync(int count, string client, params Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>[] instances)
    {
        // Each browser has its form (and token) first, so the posts themselves run together.
        var posts = new List<(ProxiedClient Browser, string Token)>();
        for (var i = 0; i < count; i++)
        {
            var browser = new ProxiedClient(instances[i % instances.Length], "127.0.0.1", new() { ["X-Forwarded-For"] = client });
            var page = await (await browser.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
            posts.Add((browser, WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)));
        }
        using var start = new SemaphoreSlim(0);
        var running = posts.Select(async (p, i) =>
        {
            await start.WaitAsync();
            return await p.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Input.Email"] = $"khong.co.{i}@thidua.vn", ["Input.Password"] = "Sai@1234567", ["__RequestVerificationToken"] = p.Token,
                }),
            });
        }).ToList();
        start.Release(count);
        return await Task.WhenAll(running);
    }

    [Fact]
    public async Task Login_ConcurrentFailuresOnTwoInstances_EveryFailureCounted()
    {
        using var app1 = ProxiedHosts.Instance(App, "app1");
        using var app2 = ProxiedHosts.Instance(App, "app2");
        var answers = await FailTogetherAsync(9, "198.51.100.60", app1, app2);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var row = await App.QueryAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Address == "198.51.100.60"));
        Assert.Equal(9, row.Failures);
        Assert.Null(row.BlockedUntilUtc);
        Assert.Equal(9, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == SignInGuard.Failed && a.Details!.Contains("198.51.100.60"))));
    }

    [Fact]
    public async Task Login_ConcurrentFailuresReachingTheLimit_BlockStartsOnceAtTheConfiguredNumber()
    {
        var settings = new Dictionary<string, string?> { ["Accounts:AddressMaxFailures"] = "6" };
        using var app1 = ProxiedHosts.Instance(App, "app1", settings);
        using var app2 = ProxiedHosts.Instance(App, "app2", settings);
        await FailTogetherAsync(6, "198.51.100.61", app1, app2);
        var row = await App.QueryAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync(t => t.Address == "198.51.100.61"));
        Assert.Equal(6, row.Failures);
        Assert.InRange((row.BlockedUntilUtc!.Value - DateTime.UtcNow).TotalMinutes, 14, 16);
        Assert.Equal(1, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == SignInGuard.AddressBlocked && a.EntityCode == "198.51.100.61")));

        // Either instance now refuses the address, even with the right password.
        foreach (var instance in new[] { app1, app2 })
        {
            var browser = new ProxiedClient(instance, "127.0.0.1", new() { ["X-Forwarded-For"] = "198.51.100.61" });
            var refused = await browser.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = TestApp.Password });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Có quá nhiều lần đăng nhập không thành công từ máy này", await refused.Content.ReadAsStringAsync());
        }
    }
}
