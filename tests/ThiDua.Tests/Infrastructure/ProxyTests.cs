using Microsoft.EntityFrameworkCore;
using ThiDua.Infrastructure;

namespace ThiDua.Tests.Infrastructure;

/// <summary>
/// Behind nginx: X-Forwarded-For/-Proto/-Host count only from the configured proxies (default the loopback);
/// cookies are Secure and HSTS is sent when the request was https at the proxy; the instance names itself.
/// </summary>
public sealed class ProxyTests : AppTest
{
    private static readonly Dictionary<string, string> HttpsAtProxy = new()
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-Host"] = "thidua.example.vn",
        ["X-Forwarded-For"] = "198.51.100.23",
    };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;

    private static Task<HttpResponseMessage> WrongPasswordAsync(ProxiedClient client) =>
        client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = "Sai@1234567" });

    [Fact]
    public async Task ForwardedHttps_FromKnownProxy_HstsAndSecureCookies()
    {
        using var host = ProxiedHosts.Instance(App);
        var browser = new ProxiedClient(host, "127.0.0.1", HttpsAtProxy);

        var login = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal($"max-age={(int)ReverseProxy.HstsMaxAge.TotalSeconds}", Header(login, "Strict-Transport-Security"));
        var signedIn = await browser.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = TestApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/lang/en?returnUrl=/")).StatusCode);

        foreach (var name in new[] { "thidua.af", "thidua.auth", Lang.CookieName })
        {
            Assert.True(browser.SetCookies.TryGetValue(name, out var cookie), $"no cookie {name}");
            Assert.True(cookie.Secure, $"{name} is not Secure: {cookie}");
        }
        // The session works over the (Secure) cookie; the redirect to the sign-in page names the forwarded host and scheme.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/People")).StatusCode);
        var anonymous = await new ProxiedClient(host, "127.0.0.1", HttpsAtProxy).GetAsync("/People");
        Assert.StartsWith("https://thidua.example.vn/Account/Login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedFor_FromKnownProxy_IsTheClientAddress()
    {
        using var host = ProxiedHosts.Instance(App);
        await WrongPasswordAsync(new ProxiedClient(host, "127.0.0.1", HttpsAtProxy));
        await WrongPasswordAsync(new ProxiedClient(host, "::1", new() { ["X-Forwarded-For"] = "198.51.100.23" }));
        Assert.Equal(2, await App.QueryAsync(db => db.LoginThrottles.Where(t => t.Address == "198.51.100.23").Select(t => t.Failures).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.LoginThrottles.AnyAsync(t => t.Address == "127.0.0.1" || t.Address == "::/64")));
    }

    [Fact]
    public async Task ForwardedHeaders_FromUnknownAddress_AreIgnored()
    {
        using var host = ProxiedHosts.Instance(App);
        var browser = new ProxiedClient(host, "203.0.113.9", HttpsAtProxy);

        var login = await browser.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Null(Header(login, "Strict-Transport-Security"));
        await WrongPasswordAsync(browser);
        Assert.False(browser.SetCookies["thidua.af"].Secure);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/lang/en?returnUrl=/")).StatusCode);
        Assert.False(browser.SetCookies[Lang.CookieName].Secure);
        // The failure counts against the address that called, not the one it claimed.
        Assert.Equal(1, await App.QueryAsync(db => db.LoginThrottles.Where(t => t.Address == "203.0.113.9").Select(t => t.Failures).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.LoginThrottles.AnyAsync(t => t.Address == "198.51.100.23")));
    }

    [Fact]
    public async Task KnownProxiesConfigured_ReplaceTheLoopbackDefault()
    {
        using var host = ProxiedHosts.Instance(App, settings: new() { ["Proxy:KnownProxies:0"] = "10.0.0.5", ["Proxy:KnownNetworks"] = "10.9.0.0/16; 2001:db8::/32" });
        await WrongPasswordAsync(new ProxiedClient(host, "127.0.0.1", new() { ["X-Forwarded-For"] = "198.51.100.1" }));
        await WrongPasswordAsync(new ProxiedClient(host, "10.0.0.5", new() { ["X-Forwarded-For"] = "198.51.100.2" }));
        await WrongPasswordAsync(new ProxiedClient(host, "10.9.3.4", new() { ["X-Forwarded-For"] = "198.51.100.3" }));
        await WrongPasswordAsync(new ProxiedClient(host, "10.10.0.1", new() { ["X-Forwarded-For"] = "198.51.100.4" }));
        var addresses = await App.QueryAsync(db => db.LoginThrottles.Select(t => t.Address).ToListAsync());
        Assert.Equal(["10.10.0.1", "127.0.0.1", "198.51.100.2", "198.51.100.3"], addresses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PlainHttp_FromKnownProxy_NoHstsAndCookiesNotSecure()
    {
        using var host = ProxiedHosts.Instance(App);
        var browser = new ProxiedClient(host, "127.0.0.1", new() { ["X-Forwarded-Proto"] = "http", ["X-Forwarded-Host"] = "thidua.example.vn" });
        var login = await browser.GetAsync("/Account/Login");
        Assert.Null(Header(login, "Strict-Transport-Security"));
        Assert.False(browser.SetCookies["thidua.af"].Secure);
    }

    [Fact]
    public async Task InstanceName_Configured_NamesTheInstanceOnEveryResponse()
    {
        using var named = ProxiedHosts.Instance(App, "app7");
        var browser = new ProxiedClient(named, "127.0.0.1");
        foreach (var url in new[] { "/Account/Login", "/People", "/css/site.css", "/khong-co-trang-nay", "/healthz" })
            Assert.Equal("app7", Header(await browser.GetAsync(url), ReverseProxy.InstanceHeader));
        Assert.Null(Header(await Client.GetAsync("/Account/Login"), ReverseProxy.InstanceHeader));
    }
}
