using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ThiDua.Tests.Agreements;

/// <summary>Form posts the agreement and model tests share: a multipart upload with the page's anti-forgery token, the id a redirect names, the flash after it.</summary>
public static class AgreementTestHelpers
{
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string url, string formPage, string fileName, byte[] content, Dictionary<string, string>? fields = null)
    {
        var token = await client.AntiforgeryTokenAsync(formPage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (k, v) in fields ?? []) form.Add(new StringContent(v), k);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    public static int IdFrom(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var m = Regex.Match(response.Headers.Location!.ToString(), @"/Details/(\d+)");
        Assert.True(m.Success, response.Headers.Location!.ToString());
        return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    public static async Task<string> FlashAfterAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.ToString()));
        return Regex.Match(html, "<p class=\"flash\" role=\"status\">(.*?)</p>").Groups[1].Value;
    }

    public static async Task<string> HtmlAsync(this HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static void AssertDenied(HttpResponseMessage response, string what)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Account/AccessDenied", StringComparison.Ordinal), $"{what}: {(int)response.StatusCode} {location}");
    }

    public static readonly byte[] TinyPdf = ThiDua.Infrastructure.MinimalPdf.Create(["test"]);
}
