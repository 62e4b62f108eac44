using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.People;

/// <summary>The evaluation year on a person's page: years without a rule set and years out of range answer in Vietnamese, never with an error page.</summary>
/// <remarks>One app for the class: every test reads.</remarks>
public sealed class PersonYearTests(SharedApp shared) : SharedAppTest(shared, "admin@thidua.vn")
{
    private Task<int> PersonAsync() => App.QueryAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    [Theory]
    [InlineData(2016)]
    [InlineData(1990)]
    public async Task PersonPage_YearWithoutRuleSet_ShowsMessageInsteadOfVerdicts(int year)
    {
        var id = await PersonAsync();
        var response = await Client.GetAsync($"/People/Details/{id}?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Chưa có bộ quy tắc cho năm {year}: ThiDua không có sẵn quy định trước Nghị định 91/2017/NĐ-CP", html);
        Assert.Contains("Quản trị viên có thể nạp bộ quy tắc cho các năm này.", html);
        Assert.DoesNotContain("data-verdict=", html);
    }

    [Fact]
    public async Task EligibilityInput_YearWithoutRuleSet_DownloadsTheFacts()
    {
        var id = await PersonAsync();
        var response = await Client.GetAsync($"/People/Details/{id}?handler=EligibilityInput&year=2016");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2016, doc.RootElement.GetProperty("asOfYear").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("individuals").GetArrayLength());
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("1944")]
    [InlineData("-5")]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    public async Task PersonPage_YearOutOfRange_ShowsVietnameseMessage(string year)
    {
        var id = await PersonAsync();
        var response = await Client.GetAsync($"/People/Details/{id}?year={year}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Năm xét phải từ 1945 đến {DateTime.UtcNow.AddHours(7).Year + 1}; \"{year}\" không hợp lệ.", html);
        Assert.DoesNotContain("data-verdict=", html);
        Assert.DoesNotContain("is not valid", html);

        var download = await Client.GetAsync($"/People/Details/{id}?handler=EligibilityInput&year={year}");
        Assert.Equal(HttpStatusCode.BadRequest, download.StatusCode);
    }

    [Fact]
    public async Task PersonPage_YearWithRuleSet_StillShowsVerdicts()
    {
        var id = await PersonAsync();
        var html = await Client.GetStringAsync($"/People/Details/{id}?year=2017");
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(html, "data-verdict=").Count);
        Assert.DoesNotContain("Chưa có bộ quy tắc", html);
    }
}
