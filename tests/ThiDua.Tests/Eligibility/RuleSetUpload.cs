using System.Net;

namespace ThiDua.Tests.Eligibility;

/// <summary>Loads a rule-set file through /Admin/RuleSets as an administrator would: upload, preview, confirm with a reason.</summary>
internal static class RuleSetUpload
{
    /// <summary>Uploads <paramref name="json"/>; returns the page after the upload (the preview or the refusal).</summary>
    public static async Task<string> PreviewAsync(HttpClient client, string json, string fileName = "luat-2022.json")
    {
        var token = await client.AntiforgeryTokenAsync("/Admin/RuleSets");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json)), "Upload", fileName);
        var response = await client.PostAsync("/Admin/RuleSets", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Confirms a previewed file; returns the page shown afterwards (the list after a redirect, or the preview again with problems).</summary>
    public static async Task<string> ConfirmAsync(HttpClient client, string json, string reason = "Thử nghiệm theo văn bản mới", bool acknowledge = true, string? sealedOrigin = null)
    {
        var fields = new Dictionary<string, string> { ["PendingJson"] = json, ["PendingOrigin"] = sealedOrigin ?? "", ["Reason"] = reason };
        if (acknowledge) fields["Acknowledge"] = "true";
        var response = await client.PostFormAsync("/Admin/RuleSets?handler=Confirm", fields, "/Admin/RuleSets");
        if (response.StatusCode == HttpStatusCode.Redirect) return WebUtility.HtmlDecode(await client.GetStringAsync("/Admin/RuleSets"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sealed origin the preview carries to its confirmation.</summary>
    public static string SealedOrigin(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"PendingOrigin\" value=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>Upload, then confirm when the file passed its checks; returns the last page.</summary>
    public static async Task<string> UploadAsync(HttpClient client, string json)
    {
        var page = await PreviewAsync(client, json);
        return page.Contains("id=\"preview\"", StringComparison.Ordinal) ? await ConfirmAsync(client, json, sealedOrigin: SealedOrigin(page)) : page;
    }
}
