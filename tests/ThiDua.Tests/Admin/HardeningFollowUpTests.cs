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

public sealed class MixedAgencyListTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task AccountsList_UnitsOfSeveralAgencies_NameTheAgencyBesideTheUnit()
    {
        var (unit, agency) = await App.QueryAsync(async db =>
        {
            var u = await db.Users.Where(x => x.Email == "canbo.btctw@thidua.vn").Select(x => x.Unit!.Name).SingleAsync();
            return (u, "Ban Tổ chức Trung ương");
        });
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/Admin/Accounts"));
        Assert.Contains($"{unit} — {agency}", html);
    }

    [Fact]
    public async Task EligibilityForABloc_PeopleRows_NameTheAgencyBesideTheUnit()
    {
        var blocId = await App.QueryAsync(db => db.Blocs.Select(b => b.Id).FirstAsync());
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Eligibility?bloc={blocId}&year=2019"));
        Assert.Matches("<tr data-person=\"[^\"]+\"><td>[^<]*</td><td><a [^>]*>[^<]*</a></td><td>[^<]* — [^<]*</td>", html);
    }

    [Fact]
    public async Task FailedSignIn_IsRecordedAsAVisitorNotAsTheAccountOwner()
    {
        using var anonymous = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await anonymous.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = "Sai@1234567" });
        var entry = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityCode == "tdkt.btctw@thidua.vn").OrderByDescending(a => a.Id).FirstAsync());
        Assert.StartsWith("(chưa đăng nhập)", entry.UserName);
    }
}

public sealed class AgencyRetypeTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    [Fact]
    public async Task BlocSecretariat_RetypesItsOwnAgency_IsRefused()
    {
        var agency = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => new { u.Id, u.Name, u.Code, u.ActiveFrom, u.Version }).SingleAsync());
        var response = await Client.PostFormAsync($"/Units/Edit/{agency.Id}", new()
        {
            ["Input.Name"] = agency.Name, ["Input.Code"] = agency.Code, ["Input.Kind"] = "Department",
            ["Input.ActiveFrom"] = agency.ActiveFrom.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = agency.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ quản trị hệ thống được đổi loại của một cơ quan", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(ThiDua.Features.Units.UnitKind.Agency, await App.QueryAsync(db => db.Units.Where(u => u.Id == agency.Id).Select(u => u.Kind).SingleAsync()));
    }
}
