using System.Net;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.Admin;

/// <summary>Points found by walking the hardened app: pages past the end, one upload listing every problem, oversized files, CCCD codes.</summary>
public sealed class HardeningFollowUpTests() : AppTest("admin@thidua.vn")
{
    [Theory]
    [InlineData("2147483647")]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task AuditPage_PageThatDoesNotExist_ShowsANearbyPageWithAMessage(string p)
    {
        var response = await Client.GetAsync($"/Admin/Audit?p={p}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Không có trang \"{p}\"", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public void RuleSetParse_YearsAndParametersWrong_ListsEveryProblemAtOnce()
    {
        var json = RuleSet.BuiltInJson("luat-2022")
            .Replace("\"appliesToYears\": { \"from\": 2024, \"to\": null }", "\"appliesToYears\": { \"from\": 2030, \"to\": 2020 }", StringComparison.Ordinal)
            .Replace("\"minServiceMonths\": 6", "\"minServiceMonths\": -5", StringComparison.Ordinal)
            .Replace("\"countedYearMinRating\": \"HTTNV\"", "\"countedYearMinRating\": \"XYZ\"", StringComparison.Ordinal);
        Assert.Null(RuleSet.Parse(json, out var problems));
        Assert.Contains("$.appliesToYears: năm bắt đầu 2030 sau năm kết thúc 2020", problems);
        Assert.Contains(problems, p => p.StartsWith("$.rules.LDTT.minServiceMonths:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("$.rules.common.countedYearMinRating:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RuleSetUpload_FileOverTheAppWideFormLimit_IsRefusedInVietnameseOnThePage()
    {
        var token = await Client.AntiforgeryTokenAsync("/Admin/RuleSets");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(new byte[21 * 1024 * 1024]), "Upload", "luat-2022.json");
        var response = await Client.PostAsync("/Admin/RuleSets", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tệp lớn hơn 256 KB", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task PersonEdit_AllDigitCodeThatIsNotACccd_IsRefused()
    {
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync());
        var response = await Client.PostFormAsync("/People/Edit", new()
        {
            ["Input.PersonalCode"] = "12345", ["Input.FamilyName"] = "Trần", ["Input.GivenName"] = "Thử", ["Input.Gender"] = "Male",
            ["Input.UnitId"] = unitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("phải là số căn cước công dân đủ 12 chữ số", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await App.QueryAsync(db => db.People.AnyAsync(p => p.PersonalCode == "12345")));
    }
}
