using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Infrastructure;

/// <summary>Security headers on every kind of response; nothing a signed-in user receives is kept in a cache.</summary>
/// <remarks>One app for the class: every test reads; the language links only set a cookie in a browser, which no test here depends on.</remarks>
public sealed class HeadersTests(SharedApp shared) : SharedAppTest(shared)
{
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";
        Assert.Contains("script-src 'none'", Header("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Contains("camera=()", Header("Permissions-Policy"));
    }

    private static bool NoStore(HttpResponseMessage response) => response.Headers.CacheControl?.NoStore == true;

    [Theory]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/People", HttpStatusCode.Redirect)]
    [InlineData("/lang/en?returnUrl=/People", HttpStatusCode.Redirect)]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/khong-co-trang-nay", HttpStatusCode.Redirect)]
    public async Task AnonymousResponse_OfEveryKind_CarriesSecurityHeaders(string url, HttpStatusCode status)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task ErrorResponse_CarriesSecurityHeaders()
    {
        var response = await Client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.vn" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task StaticFile_StaysCacheable()
    {
        var response = await Client.GetAsync("/css/site.css");
        Assert.False(NoStore(response));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/People")]
    [InlineData("/People?handler=Export")]
    [InlineData("/css/site.css")]
    public async Task SignedIn_PagesAndExports_AreNoStore(string url)
    {
        var client = await Shared.As("tdkt.btctw@thidua.vn");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);
        if (url.StartsWith("/css", StringComparison.Ordinal)) return;
        Assert.True(NoStore(response), $"{url}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task SignedIn_PersonPage_IsNoStore()
    {
        var client = await Shared.As("tdkt.btctw@thidua.vn");
        var person = await App.QueryAsync(db => db.Users.Where(u => u.Email == "canbo.btctw@thidua.vn").Select(u => u.PersonId!.Value).FirstAsync());
        var response = await client.GetAsync($"/People/Details/{person}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(NoStore(response));
    }

    [Theory]
    [InlineData("/%5Cexample.org")]
    [InlineData("/%5C%5Cevil")]
    [InlineData("//evil.example")]
    [InlineData("http://x")]
    [InlineData("https://evil.example/People")]
    [InlineData("/%09/evil.example")]
    [InlineData("")]
    public async Task Lang_UnsafeReturnUrl_RedirectsHome(string returnUrl)
    {
        var response = await Client.GetAsync($"/lang/en?returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Lang_VeryLongReturnUrl_RedirectsHome()
    {
        var response = await Client.GetAsync($"/lang/vi?returnUrl=/{new string('a', 4000)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Lang_LocalReturnUrl_IsKept()
    {
        var response = await Client.GetAsync("/lang/en?returnUrl=%2FPeople%3Fq%3Dan");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/People?q=an", response.Headers.Location!.ToString());
    }
}
