using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;

namespace ThiDua.Tests.Movements;

/// <summary>Ids from the demo data and form helpers the movement tests share.</summary>
internal static class MovementTestData
{
    public static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    public static Task<int> UnitAsync(TestApp app, string code) => app.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public static Task<int> Movement2019Async(TestApp app) =>
        app.QueryAsync(db => db.Movements.Where(m => m.Year == 2019 && !m.IsNational && m.Theme == MovementsDemo.Theme2019).Select(m => m.Id).SingleAsync());

    public static Task<int> Draft2020Async(TestApp app) =>
        app.QueryAsync(db => db.Movements.Where(m => m.Year == 2020 && m.ClonedFromId != null).Select(m => m.Id).SingleAsync());

    public static Task<int> NationalAsync(TestApp app) =>
        app.QueryAsync(db => db.Movements.Where(m => m.IsNational && m.Theme == MovementsDemo.NationalMovements[0]).Select(m => m.Id).SingleAsync());

    public static Dictionary<string, string> Form(string theme, int year, params int[] targets)
    {
        var f = new Dictionary<string, string>
        {
            ["Input.Year"] = S(year), ["Input.Kind"] = "Regular", ["Input.Theme"] = theme, ["Input.Content"] = "Nội dung", ["Input.Criteria"] = "Tiêu chí",
            ["Input.Scope"] = "AgencyOrUnit", ["Input.Duration"] = "Regular", ["Input.Method"] = "NewLaunch", ["Input.Funding"] = "EmulationFund", ["Input.Version"] = "0",
        };
        for (var i = 0; i < targets.Length; i++) f[$"Input.TargetUnitIds[{i}]"] = S(targets[i]);
        return f;
    }

    /// <summary>Posts the create form; returns the new movement's id from the redirect.</summary>
    public static async Task<int> CreateAsync(HttpClient client, Dictionary<string, string> form)
    {
        var response = await client.PostFormAsync("/Movements/Edit", form);
        var body = response.StatusCode == HttpStatusCode.Redirect ? "" : await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, body.Length > 2000 ? body[..2000] : body);
        return int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
    }

    public static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, TestApp app, int id, string op)
    {
        var version = await app.QueryAsync(db => db.Movements.Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        return await client.PostFormAsync($"/Movements/Confirm/{id}?op={op}", new() { ["version"] = S(version) }, "/Movements/Edit");
    }

    public static async Task<string> FlashAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.ToString()));
        return System.Text.RegularExpressions.Regex.Match(html, "<p class=\"flash\" role=\"status\">(.*?)</p>").Groups[1].Value;
    }

    public static void AssertDenied(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}");
}
