using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;
using UnitKind = ThiDua.Features.Units.UnitKind;

namespace ThiDua.Tests.Eligibility;

/// <summary>An agency's own TTLĐTT criteria (Luật 2022 Điều 28 delegates them): applied from 2024 only.</summary>
public sealed class AgencyCriteriaTests() : AppTest("admin@thidua.vn")
{
    private static CollectiveFacts SixOfTen(int year, int disciplined = 0) =>
        new() { Id = "C", Years = { [year] = new CollectiveYearFacts(Rating.HTTNV, 10, 10, 6, 0, disciplined, true) } };

    [Theory]
    [InlineData(2025, 70, null, Verdict.NotEligible)] // the agency asks for more than 70 %: 6 of 10 is not enough
    [InlineData(2025, 50, null, Verdict.Eligible)]
    [InlineData(2019, 70, null, Verdict.Eligible)] // luat-2013 fixes more than 50 %: the agency's figure does not apply
    public void Ttldtt_AgencyShare_AppliesOnlyWhereDelegated(int year, int share, bool? clause, Verdict expected)
    {
        var set = AgencyCriteria.Apply(RuleBook.Default.For(year), "Ban X", share, clause);
        var r = new EligibilityEngine(set, year).Evaluate(SixOfTen(year))[0];
        Assert.Equal(expected, r.Verdict);
        if (year >= 2024) Assert.Contains("Tiêu chuẩn Tập thể lao động tiên tiến do Ban X quy định", r.Basis);
    }

    [Fact]
    public void Ttldtt_AgencyDropsDisciplineClause_DisciplinedMemberNoLongerRulesOut()
    {
        var dflt = EligibilityEngine.For(RuleBook.Default, 2025).Evaluate(SixOfTen(2025, disciplined: 1))[0];
        Assert.Equal(Verdict.NotEligible, dflt.Verdict);
        var own = new EligibilityEngine(AgencyCriteria.Apply(RuleBook.Default.For(2025), "Ban X", null, false), 2025).Evaluate(SixOfTen(2025, disciplined: 1))[0];
        Assert.Equal(Verdict.Eligible, own.Verdict);
    }

    [Fact]
    public async Task UnitEdit_AgencyCriteria_AreSavedAuditedAndUsedOnTheEligibilityPage()
    {
        var agency = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW").Select(u => new { u.Id, u.Name, u.Code, u.Kind, u.ActiveFrom, u.Version }).SingleAsync());
        Assert.Equal(UnitKind.Agency, agency.Kind);
        var response = await Client.PostFormAsync($"/Units/Edit/{agency.Id}", new()
        {
            ["Input.Name"] = agency.Name, ["Input.Code"] = agency.Code, ["Input.Kind"] = "Agency",
            ["Input.ActiveFrom"] = agency.ActiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = agency.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TtldttLdttPercentMoreThan"] = "99", ["Input.TtldttNoMemberDisciplined"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityCode == "BTCTW" && a.Details!.Contains("tiêu chuẩn Tập thể lao động tiên tiến của cơ quan: trên mặc định, kỷ luật từ cảnh cáo: mặc định") && a.Details.EndsWith("tiêu chuẩn Tập thể lao động tiên tiến của cơ quan: trên 99%, kỷ luật từ cảnh cáo: không xét"))));

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Eligibility?unit={agency.Id}&year=2025"));
        // Every TTLĐTT of the agency's collectives is now judged against more than 99 %.
        var refusals = Regex.Matches(html, "data-code=\"TTLDTT\" data-verdict=\"not_eligible\"><details class=\"reasons\"><summary>[^<]*</summary><ul>(.*?)</ul>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(refusals, s => s.Contains("cần trên 99%", StringComparison.Ordinal));
        Assert.DoesNotContain("cần trên 50%", html);
        var y2019 = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Eligibility?unit={agency.Id}&year=2019"));
        Assert.DoesNotContain("cần trên 99%", y2019);
    }

    [Fact]
    public async Task UnitEdit_CriteriaOnANonAgency_IsRefusedInVietnamese()
    {
        var dept = await App.QueryAsync(db => db.Units.Where(u => u.Kind == UnitKind.Department && u.Parent!.Code == "BTCTW")
            .Select(u => new { u.Id, u.Name, u.Code, u.ParentId, u.ActiveFrom, u.Version }).FirstAsync());
        var response = await Client.PostFormAsync($"/Units/Edit/{dept.Id}", new()
        {
            ["Input.Name"] = dept.Name, ["Input.Code"] = dept.Code, ["Input.Kind"] = "Department",
            ["Input.ParentId"] = dept.ParentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.ActiveFrom"] = dept.ActiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Version"] = dept.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.TtldttLdttPercentMoreThan"] = "70",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chỉ cơ quan mới tự quy định tiêu chuẩn Tập thể lao động tiên tiến", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await App.QueryAsync(db => db.Units.Where(u => u.Id == dept.Id).Select(u => u.TtldttLdttPercentMoreThan).SingleAsync()));
    }
}
