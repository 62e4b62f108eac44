using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using ThiDua.Features.Certificates;
using Xunit.Abstractions;

namespace ThiDua.Tests.Certificates;

/// <summary>The certificate PDFs (who may download which) and the public verification page, over the demo database.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>), its certificates seeded once: these tests only read; the
/// wrong codes they look up (at most 7) stay under the address's 10 misses — the test that reaches the block has its own app.</remarks>
public sealed class CertificatePageTests(SharedApp shared, ITestOutputHelper output) : SharedAppTest(shared)
{
    private static readonly ConditionalWeakTable<TestApp, Task<CertificateData>> Seeded = new();
    private CertificateData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await Seeded.GetValue(App, CertificateData.SeedAsync);
    }

    [Fact]
    public async Task Verify_ValidCode_ShowsRecipientDecisionAndStandingWithoutIdentifiers()
    {
        var response = await Client.GetAsync($"/xac-minh/{_data.OwnCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(CertificateData.OwnName, html, StringComparison.Ordinal);
        Assert.Contains("CÒN HIỆU LỰC", html, StringComparison.Ordinal);
        Assert.Contains("Bằng khen cấp bộ, ban, ngành, tỉnh", html, StringComparison.Ordinal);
        Assert.Contains("12-QĐ/BTCTW", html, StringComparison.Ordinal);
        Assert.Contains("04/03/2020", html, StringComparison.Ordinal);
        Assert.Contains("Ban Tổ chức Trung ương", html, StringComparison.Ordinal);
        Assert.Contains("12/BK-2020", html, StringComparison.Ordinal);
        Assert.DoesNotContain(_data.NationalId, html, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐÃ BỊ THU HỒI", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LowerCaseCode_FindsTheCertificate()
    {
        var response = await Client.GetAsync($"/xac-minh/{_data.OwnCode.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Verify_RevokedAward_ShowsRevocationDateReasonAndGround()
    {
        var response = await Client.GetAsync($"/xac-minh/{_data.RevokedCode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(CertificateData.RevokedName, html, StringComparison.Ordinal);
        Assert.Contains("ĐÃ BỊ THU HỒI", html, StringComparison.Ordinal);
        Assert.Contains("10/08/2021", html, StringComparison.Ordinal);
        Assert.Contains("Khai man thành tích trong hồ sơ đề nghị", html, StringComparison.Ordinal);
        Assert.Contains("Điều 94 Luật Thi đua, khen thưởng 2022", html, StringComparison.Ordinal);
        Assert.DoesNotContain("CÒN HIỆU LỰC", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZZZZZZZZZZZZ")]
    [InlineData("x")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%E1%BB%85%E1%BB%85%E1%BB%85%E1%BB%85%E1%BB%85")]
    [InlineData("")]
    public async Task Verify_UnknownOrMalformedCode_NotFoundPageWith404(string code)
    {
        var response = await Client.GetAsync($"/xac-minh/{code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DraftDecisionCode_NotFound()
    {
        var response = await Client.GetAsync($"/xac-minh/{_data.DraftCode}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pdf_Anonymous_RedirectsToLogin()
    {
        var response = await Client.GetAsync($"/Certificates/{_data.OwnCode}.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        response = await Client.GetAsync($"/Certificates/Decision/{_data.DecisionId}.pdf");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>own: the staff member's own certificate (BTCTW); hv: a person of HVCTQG; decision: the whole decision (issued by BTCTW).</summary>
    [Theory]
    [InlineData("admin@thidua.vn", true, true, true)]
    [InlineData("thuongtruc.khoi@thidua.vn", true, true, true)]
    [InlineData("tdkt.btctw@thidua.vn", true, true, true)]
    [InlineData("hoidong.btctw@thidua.vn", true, true, true)]
    [InlineData("lanhdao.btctw@thidua.vn", true, true, true)]
    [InlineData("tdkt.hvctqg@thidua.vn", false, true, false)]
    [InlineData("canbo.btctw@thidua.vn", true, false, false)]
    [InlineData("canbo.hvctqg@thidua.vn", false, false, false)]
    public async Task Pdf_ByRoleAndAgency_ServedOrNotFound(string who, bool own, bool hv, bool decision)
    {
        var client = await Shared.As(who);
        async Task Check(string url, bool allowed)
        {
            var response = await client.GetAsync(url);
            if (allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {url}: {(int)response.StatusCode}");
                Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            }
            else Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who} {url}: {(int)response.StatusCode}");
        }
        await Check($"/Certificates/{_data.OwnCode}.pdf", own);
        await Check($"/Certificates/{_data.HvCode}.pdf", hv);
        await Check($"/Certificates/Decision/{_data.DecisionId}.pdf", decision);
    }

    [Theory]
    [InlineData("/Certificates/ZZZZZZZZZZZZ.pdf")]
    [InlineData("/Certificates/%3Cx%3E.pdf")]
    [InlineData("/Certificates/Decision/0.pdf")]
    [InlineData("/Certificates/Decision/99999999.pdf")]
    [InlineData("/Certificates/Decision/99999999999999999999.pdf")]
    public async Task Pdf_UnknownOrMalformed_NotFound(string url)
    {
        var admin = await Shared.As("admin@thidua.vn");
        var response = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pdf_DraftDecision_NotFoundEvenForAdmin()
    {
        var admin = await Shared.As("admin@thidua.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Certificates/{_data.DraftCode}.pdf")).StatusCode);
    }

    [Fact]
    public async Task Pdf_Certificate_QrDecodesToRequestHostAndFileNameIsInvariant()
    {
        var admin = await Shared.As("admin@thidua.vn");
        var response = await admin.GetAsync($"/Certificates/{_data.OwnCode}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"bang-khen-{_data.OwnCode}.pdf", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var page = await Poppler.RenderAsync(await response.Content.ReadAsByteArrayAsync(), 200);
        Assert.Equal($"http://localhost/xac-minh/{_data.OwnCode}", page.DecodeQr());
    }

    [Fact]
    public async Task DecisionPdf_48Recipients_OnePageEachQuickly()
    {
        var admin = await Shared.As("admin@thidua.vn");
        await admin.GetAsync($"/Certificates/Decision/{_data.DecisionId}.pdf"); // warm: fonts loaded, pages compiled
        var watch = Stopwatch.StartNew();
        var response = await admin.GetAsync($"/Certificates/Decision/{_data.ManyDecisionId}.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        output.WriteLine(FormattableString.Invariant($"{CertificateData.ManyCount} certificates: {watch.ElapsedMilliseconds} ms, {bytes.Length} bytes"));
        Assert.Equal(CertificateData.ManyCount, await Poppler.PageCountAsync(bytes));
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"{watch.ElapsedMilliseconds} ms");
    }
}

/// <summary>The verification page's block of an address that guessed too many codes: its own app, as the block would refuse every later look-up.</summary>
public sealed class CertificatePageThrottleTests : AppTest
{
    private CertificateData _data = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _data = await CertificateData.SeedAsync(App);
    }

    [Fact]
    public async Task Verify_ManyWrongCodesFromOneAddress_BlocksEvenARightCode()
    {
        for (var i = 0; i < 10; i++) await Client.GetAsync(FormattableString.Invariant($"/xac-minh/WRONGCODE{i:000}"));
        var response = await Client.GetAsync($"/xac-minh/{_data.OwnCode}");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains("tra cứu sai quá nhiều lần", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}

/// <summary>With App:PublicBaseUrl set, the QR code carries that base, whatever host the request came to.</summary>
public sealed class CertificateBaseUrlTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new() { ["App:PublicBaseUrl"] = "https://thidua.example.vn/" });

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Pdf_PublicBaseUrlConfigured_QrDecodesToIt()
    {
        var data = await CertificateData.SeedAsync(_app);
        var admin = await _app.SignInAsync("admin@thidua.vn");
        var response = await admin.GetAsync($"/Certificates/{data.HvCode}.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Poppler.RenderAsync(await response.Content.ReadAsByteArrayAsync(), 200);
        Assert.Equal($"https://thidua.example.vn/xac-minh/{data.HvCode}", page.DecodeQr());
    }
}
