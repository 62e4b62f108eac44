using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace ThiDua.Tests.Infrastructure;

/// <summary>
/// A host over a test app's database whose requests arrive from the address in the <c>X-Test-Remote</c> header,
/// set before the app's own pipeline as Kestrel sets the connection's address: a proxy in front, or a client
/// calling directly. Each call makes a separate host (its own services and caches), as a second instance would be.
/// </summary>
internal static class ProxiedHosts
{
    public const string RemoteHeader = "X-Test-Remote";

    public static WebApplicationFactory<Program> Instance(TestApp app, string? name = null, Dictionary<string, string?>? settings = null) =>
        app.WithWebHostBuilder(b =>
        {
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, RemoteAddressFilter>());
            if (name is not null) b.UseSetting("Instance:Name", name);
            foreach (var (k, v) in settings ?? []) b.UseSetting(k, v);
        });

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, n) =>
            {
                if (ctx.Request.Headers.TryGetValue(RemoteHeader, out var a)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(a.ToString());
                return n(ctx);
            });
            next(app);
        };
    }
}

/// <summary>
/// A browser that keeps its cookies itself: HttpClient's cookie container would not send a Secure cookie over the
/// test server's plain http, though the app (behind a proxy ending TLS) rightly set it as Secure.
/// </summary>
internal sealed partial class ProxiedClient
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>Every Set-Cookie received, by cookie name (the last one wins).</summary>
    public Dictionary<string, SetCookieHeaderValue> SetCookies { get; } = new(StringComparer.Ordinal);

    public ProxiedClient(WebApplicationFactory<Program> host, string remote, Dictionary<string, string>? headers = null)
    {
        _http = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        _http.DefaultRequestHeaders.Add(ProxiedHosts.RemoteHeader, remote);
        foreach (var (k, v) in headers ?? []) _http.DefaultRequestHeaders.Add(k, v);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var c in SetCookieHeaderValue.ParseList(values.ToList()))
            {
                SetCookies[c.Name.Value!] = c;
                if (string.IsNullOrEmpty(c.Value.Value) || c.Expires < DateTimeOffset.UtcNow) _cookies.Remove(c.Name.Value!);
                else _cookies[c.Name.Value!] = c.Value.Value!;
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>GETs the form's page for its anti-forgery token, then POSTs the form.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var page = await GetAsync(url);
        var m = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(m.Success, $"no anti-forgery token on {url} ({(int)page.StatusCode})");
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(m.Groups[1].Value) };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(all) });
    }
}
