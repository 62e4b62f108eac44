using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using UnitKind = ThiDua.Features.Units.UnitKind;

namespace ThiDua.Tests.Eligibility;

/// <summary>/Eligibility after the review: people entered without a hire date, collectives with missing ratings, the bloc's flag share, the export, inputs.</summary>
/// <remarks>One app for the class: the tests read or are refused, add people under their own codes and compare counts within
/// the test, or record a unit's year; the tests that drop a demo rating or change the bloc's share have their own copy.</remarks>
public sealed partial class EligibilityReviewFixesTests(SharedApp shared) : SharedAppTest(shared, "admin@thidua.vn")
{
    [GeneratedRegex("<tr data-unit=\"(\\d+)\" data-members=\"(\\d+)\"")]
    private static partial Regex CollectiveMembers();

    private Task<string> PageAsync(string query) => EligibilityReviewFixesSteps.PageAsync(Client, query);

    private static int MembersOf(string html, int unitId) =>
        CollectiveMembers().Matches(html).Where(m => m.Groups[1].Value == unitId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).Single();

    /// <summary>A person as an import without a hire date leaves them: one membership from the day they were entered, ratings for earlier years.</summary>
    private async Task<int> AddPersonAsync(string code, int unitId, DateOnly from, params int[] ratedYears)
    {
        var id = 0;
        await App.ExecuteAsync(async db =>
        {
            var p = new Person { PersonalCode = code, FamilyName = "Nguyễn", MiddleName = "Văn", GivenName = "Thử", CurrentUnitId = unitId };
            p.Normalize();
            p.Memberships.Add(new UnitMembership { UnitId = unitId, From = from });
            foreach (var y in ratedYears) p.Ratings.Add(new YearRating { Year = y, Rating = Rating.HTXSNV });
            db.People.Add(p);
            await db.SaveChangesAsync();
            id = p.Id;
        });
        return id;
    }

    private Task<(int Unit, int Agency)> DepartmentAsync() => App.QueryAsync(async db =>
    {
        var u = await db.Units.Where(u => u.Kind == UnitKind.Department && u.Parent!.Code == "BDVTW").OrderBy(u => u.Id).Select(u => new { u.Id, Agency = u.ParentId!.Value }).FirstAsync();
        return (u.Id, u.Agency);
    });

    [Fact]
    public async Task YearMembers_PersonRatedBeforeTheirOnlyMembershipStarts_CountsInThatUnitForTheRatedYear()
    {
        var (unitId, agencyId) = await DepartmentAsync();
        var before = await PageAsync($"unit={agencyId}&year=2024");

        await AddPersonAsync("TEST-NOHIRE-1", unitId, new DateOnly(2026, 3, 2), 2022, 2023, 2024);
        await AddPersonAsync("TEST-NOHIRE-2", unitId, new DateOnly(2026, 3, 2), 2022, 2023);

        var after = await PageAsync($"unit={agencyId}&year=2024");
        Assert.Equal(MembersOf(before, unitId) + 1, MembersOf(after, unitId));
        Assert.Equal(MembersOf(before, agencyId) + 1, MembersOf(after, agencyId));
        Assert.Contains("<tr data-person=\"TEST-NOHIRE-1\">", await PageAsync($"unit={agencyId}&year=2024&q=TEST-NOHIRE-1"));
        // Without a 2024 rating there is nothing to place them by: not a member in 2024.
        Assert.DoesNotContain("<tr data-person=\"TEST-NOHIRE-2\">", await PageAsync($"unit={agencyId}&year=2024&q=TEST-NOHIRE-2"));
        Assert.Contains("<tr data-person=\"TEST-NOHIRE-2\">", await PageAsync($"unit={agencyId}&year=2023&q=TEST-NOHIRE-2"));
    }

    [Fact]
    public async Task YearMembers_PersonWithAnEarlierMembership_IsNotMovedIntoTheLaterUnit()
    {
        var (unitId, agencyId) = await DepartmentAsync();
        var other = await App.QueryAsync(db => db.Units.Where(u => u.Kind == UnitKind.Department && u.Id != unitId && u.ParentId == agencyId).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync());
        var id = await AddPersonAsync("TEST-GAP-1", unitId, new DateOnly(2026, 3, 2), 2024);
        // Rated for 2024 but placed elsewhere until 2020: the registry has an earlier placement, so 2024 is a gap, not a backfill.
        await App.ExecuteAsync(async db =>
        {
            db.UnitMemberships.Add(new UnitMembership { PersonId = id, UnitId = other, From = new DateOnly(2015, 1, 1), To = new DateOnly(2020, 12, 31) });
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("<tr data-person=\"TEST-GAP-1\">", await PageAsync($"unit={agencyId}&year=2024&q=TEST-GAP-1"));
    }

    [Fact]
    public async Task CollectiveFigures_RuleSetRaisesCompletedTasksMinRating_CountsOnlyMembersAtThatRating()
    {
        const int year = 2025;
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW-D02").Select(u => u.Id).SingleAsync());
        await Client.PostFormAsync($"/Units/Details/{unitId}?handler=YearRecord", new() { ["year"] = "2025", ["rating"] = "HTXSNV", ["united"] = "true" }, $"/Units/Details/{unitId}");
        var set = RuleBook.Default.For(year);
        var strict = set with { Rules = set.Rules with { Ttldxs = set.Rules.Ttldxs with { CompletedTasksMinRating = "HTXSNV" } } };
        Assert.Equal(Rating.HTXSNV, strict.CompletedTasksMinRating);
        var (members, excellent, completed) = await App.QueryAsync(async db =>
        {
            var ids = await db.UnitMemberships.Where(m => m.UnitId == unitId && m.From <= new DateOnly(year, 12, 31) && (m.To == null || m.To >= new DateOnly(year, 1, 1))).Select(m => m.PersonId).Distinct().ToListAsync();
            var ratings = await db.YearRatings.Where(r => r.Year == year && ids.Contains(r.PersonId)).Select(r => r.Rating).ToListAsync();
            return (ids.Count, ratings.Count(r => r >= Rating.HTXSNV), ratings.Count(r => r >= Rating.HTNV));
        });
        Assert.True(excellent < completed, "the demo unit should have members rated below HTXSNV");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var strictFigures = (await App.QueryAsync(db => RegistryFacts.ForUnitsAsync(db, [unitId], year, strict, today))).Single();
        var defaultFigures = (await App.QueryAsync(db => RegistryFacts.ForUnitsAsync(db, [unitId], year, set, today))).Single();
        Assert.Equal(members, strictFigures.Facts.Years[year].Members);
        Assert.Equal(excellent, strictFigures.Facts.Years[year].MembersCompletedTasks);
        Assert.Equal(completed, defaultFigures.Facts.Years[year].MembersCompletedTasks);
    }

    [Fact]
    public async Task PersonList_Headers_AreVietnameseAbbreviations_AndReasonsOpenWithoutHover()
    {
        var agencyId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var html = await PageAsync($"unit={agencyId}&year=2025");
        var people = Regex.Match(html, "<table id=\"people\">.*?</table>", RegexOptions.Singleline).Value;
        var head = Regex.Match(people, "<thead>.*?</thead>", RegexOptions.Singleline).Value;
        foreach (var code in EligibilityCodes.Individual)
        {
            Assert.Contains($"<th title=\"{EligibilityCodes.VietnameseName(code)}\">{ThiDua.Features.Eligibility.IndexModel.ShortName(code)}</th>", head);
            Assert.DoesNotContain($">{code}<", head);
        }
        Assert.Contains("<th title=\"Lao động tiên tiến\">LĐTT</th>", head);
        // Every verdict cell keeps its data attributes and opens its reasons on a tap (no title tooltip, no script).
        var cells = Regex.Matches(people, "<td class=\"verdict-[a-z_]+\" data-code=\"[A-Z_]+\" data-verdict=\"[a-z_]+\"><details class=\"reasons\"><summary>[^<]+</summary><ul><li>");
        Assert.Equal(6 * Regex.Matches(people, "<tr data-person=").Count, cells.Count);
        Assert.DoesNotContain(" title=\"", Regex.Match(people, "<tbody>.*?</tbody>", RegexOptions.Singleline).Value);
    }

    [Theory]
    [InlineData("bloc=abc", "Mã số khối thi đua không hợp lệ")]
    [InlineData("bloc=2147483648", "Mã số khối thi đua không hợp lệ")]
    public async Task EligibilityPage_BadBlocNumber_AnswersWithAMessage(string query, string message)
    {
        var html = await PageAsync(query);
        Assert.Contains(message, html);
        Assert.Contains("role=\"alert\" id=\"problem\"", html);
        Assert.DoesNotContain("<table id=\"people\">", html);
    }

    [Fact]
    public async Task EligibilityPage_BlocAndUnitBothGiven_SaysTheBlocIsShown()
    {
        var (blocId, blocName) = await App.QueryAsync(async db => await db.Blocs.OrderBy(b => b.Id).Select(b => new ValueTuple<int, string>(b.Id, b.Name)).FirstAsync());
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var html = await PageAsync($"bloc={blocId}&unit={unitId}&year=2019");
        var notice = Regex.Match(html, "<p class=\"warn notice\" role=\"status\">(.*?)</p>", RegexOptions.Singleline);
        Assert.True(notice.Success);
        Assert.Contains($"đang hiện cả khối {blocName}", notice.Groups[1].Value);
        Assert.DoesNotContain("warn notice", await PageAsync($"bloc={blocId}&unit=&year=2019"));
    }

    [Fact]
    public async Task EligibilityPage_YearInput_MaxIsTheLastYearTheServerAccepts()
    {
        var html = await PageAsync("year=2019");
        var max = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).Year + 1;
        Assert.Contains($"max=\"{max}\"", Regex.Match(html, "<input id=\"year\"[^>]*>").Value);
        Assert.Contains($"Năm xét {max + 1} nằm ngoài khoảng cho phép", await PageAsync($"year={max + 1}"));
    }

    [Fact]
    public async Task EligibilityPage_NoRuleSetForTheYear_NamesTheRuleSetsInVietnameseWithTheirYears()
    {
        var html = await PageAsync("year=2016");
        var problem = Regex.Match(html, "id=\"problem\"><p>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"{RuleBook.Default.Sets[0].Name} (2017–2023)", problem);
        Assert.Contains($"{RuleBook.Default.Sets[1].Name} (từ 2024)", problem);
        Assert.DoesNotContain("luat-2013", problem);
    }

    [Fact]
    public async Task EligibilityPage_OfficerAsksForUnknownOrOutOfScopeUnit_GetsTheSameAnswer()
    {
        var other = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        var unknown = await officer.GetAsync("/Eligibility?unit=999999&year=2019");
        var outOfScope = await officer.GetAsync($"/Eligibility?unit={other}&year=2019");
        Assert.Equal(outOfScope.StatusCode, unknown.StatusCode);
        Assert.Equal(outOfScope.Headers.Location!.ToString().Split('?')[0], unknown.Headers.Location!.ToString().Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("/Account/AccessDenied", unknown.Headers.Location!.ToString());
    }
}

/// <summary>Its own database copy: these drop a demo member's rating (both count exactly one missing) or change the bloc's flag share.</summary>
public sealed class EligibilityReviewFixesWriteTests() : AppTest("admin@thidua.vn")
{
    private Task<string> PageAsync(string query) => EligibilityReviewFixesSteps.PageAsync(Client, query);

    private Task<int> RecordAndDropOneRatingAsync(string unitCode, int year) => EligibilityReviewFixesSteps.RecordAndDropOneRatingAsync(App, Client, unitCode, year);

    [Fact]
    public async Task CollectiveVerdict_MembersWithoutRatingAndNotEligible_FirstReasonSaysTheDataIsIncomplete()
    {
        const int year = 2025;
        var unitId = await RecordAndDropOneRatingAsync("BDVTW-D02", year);
        var html = await PageAsync($"unit={unitId}&year={year}");
        var row = Regex.Match(html, $"<tr data-unit=\"{unitId}\".*?</tr>", RegexOptions.Singleline).Value;
        var cell = Regex.Match(row, "data-code=\"TTLDXS\" data-verdict=\"not_eligible\"[^>]*>(.*?)</td>", RegexOptions.Singleline);
        Assert.True(cell.Success, row);
        var missing = cell.Groups[1].Value.IndexOf($"Thiếu kết quả xếp loại năm {year} của 1 thành viên: chưa đủ dữ liệu để kết luận", StringComparison.Ordinal);
        var engine = cell.Groups[1].Value.IndexOf("cá nhân hoàn thành nhiệm vụ", StringComparison.Ordinal);
        Assert.True(missing >= 0 && engine > missing, cell.Groups[1].Value);
    }

    [Fact]
    public async Task BlocView_FlagShareSetByTheBloc_ShowsItAsTheBlocsRegulation_NullSaysNoneSet()
    {
        const int year = 2019;
        var (blocId, name, members) = await App.QueryAsync(async db =>
        {
            var bloc = await db.Blocs.OrderBy(b => b.Id).FirstAsync();
            var n = await db.BlocMemberships.CountAsync(m => m.BlocId == bloc.Id && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year));
            return (bloc.Id, bloc.Name, n);
        });
        await App.ExecuteAsync(db => db.Blocs.Where(b => b.Id == blocId).ExecuteUpdateAsync(s => s.SetProperty(b => b.FlagSharePercent, (int?)null)));
        var none = await PageAsync($"bloc={blocId}&year={year}");
        Assert.Contains("Khối chưa quy định tỷ lệ cờ thi đua", none);

        await App.ExecuteAsync(db => db.Blocs.Where(b => b.Id == blocId).ExecuteUpdateAsync(s => s.SetProperty(b => b.FlagSharePercent, 20)));
        var html = await PageAsync($"bloc={blocId}&year={year}");
        var line = Regex.Match(html, "<li id=\"bloc-flag-share\">(.*?)</li>", RegexOptions.Singleline);
        Assert.True(line.Success);
        Assert.Contains("Quy định của khối", line.Groups[1].Value);
        Assert.Contains($"{name} quy định tối đa 20% số thành viên ({members} cơ quan) được đề nghị cờ thi đua: tối đa {20 * members / 100}", line.Groups[1].Value);
        // A unit view has no bloc line.
        var unitId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        Assert.DoesNotContain("bloc-flag-share", await PageAsync($"unit={unitId}&year={year}"));
    }

    [Fact]
    public async Task Export_UnitSelection_HasACollectivesSheetWithEveryCollectiveAndCode()
    {
        const int year = 2025;
        var unitId = await RecordAndDropOneRatingAsync("BDVTW-D02", year);
        var agencyId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var units = await App.QueryAsync(async db => (await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, agencyId)).Count());
        var bytes = await Client.GetByteArrayAsync($"/Eligibility?handler=Export&unit={agencyId}&year={year}");
        using var ms = new MemoryStream(bytes);
        Assert.Equal(["Xét điều kiện", "Tỷ lệ", "Tập thể"], MiniExcelLibs.MiniExcel.GetSheetNames(ms));
        ms.Position = 0;
        var rows = MiniExcelLibs.MiniExcel.Query(ms, useHeaderRow: true, sheetName: "Tập thể").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(units * EligibilityCodes.Collective.Length, rows.Count);
        Assert.Equal(["Đơn vị", "Thành viên", "LĐTT", "CSTĐCS", "Thiếu xếp loại", "Mã", "Kết quả", "Lý do", "Căn cứ"], rows[0].Keys);
        var unitName = await App.QueryAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync());
        var ttldxs = rows.Single(r => (string)r["Đơn vị"] == unitName && (string)r["Mã"] == "TTLDXS");
        Assert.Equal(1, Convert.ToInt32(ttldxs["Thiếu xếp loại"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Chưa đủ điều kiện", ttldxs["Kết quả"]);
        Assert.StartsWith($"Thiếu kết quả xếp loại năm {year} của 1 thành viên", (string)ttldxs["Lý do"]);
        Assert.False(string.IsNullOrEmpty(ttldxs["Căn cứ"]?.ToString()));
    }
}

/// <summary>Steps both classes above take.</summary>
internal static class EligibilityReviewFixesSteps
{
    public static async Task<string> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/Eligibility?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<int> RecordAndDropOneRatingAsync(TestApp app, HttpClient client, string unitCode, int year)
    {
        var unitId = await app.QueryAsync(db => db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync());
        var saved = await client.PostFormAsync($"/Units/Details/{unitId}?handler=YearRecord", new() { ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["rating"] = "HTXSNV", ["united"] = "true" }, $"/Units/Details/{unitId}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await app.ExecuteAsync(async db =>
        {
            var start = new DateOnly(year, 1, 1);
            var personId = await db.UnitMemberships.Where(m => m.UnitId == unitId && m.From <= start && m.To == null && db.YearRatings.Any(r => r.PersonId == m.PersonId && r.Year == year))
                .OrderBy(m => m.Id).Select(m => m.PersonId).FirstAsync();
            await db.YearRatings.Where(r => r.PersonId == personId && r.Year == year).ExecuteDeleteAsync();
        });
        return unitId;
    }
}

public sealed class QuotaMessageTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("vi-VN")]
    [InlineData("de-DE")]
    public void QuotaCheck_LargeCountsInAnyCulture_AreVietnameseFormatted(string culture)
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
            var f = QuotaCheck.Check(RuleBook.Default.For(2019), 2019, [new UnitProposals("U", "Vụ A", 9324, 1072)]).Single();
            Assert.Equal("Vụ A: 1.072 Chiến sĩ thi đua cơ sở trên 9.324 Lao động tiên tiến (11,5%), trong mức tối đa 15% (tối đa 1.398)", f.Message);
            var over = QuotaCheck.Check(RuleBook.Default.For(2019), 2019, [new UnitProposals("U", "Vụ A", 9324, 2072)]).Single();
            Assert.Equal("Vụ A: 2.072 Chiến sĩ thi đua cơ sở trên 9.324 Lao động tiên tiến (22,2%), vượt mức tối đa 15% (tối đa 1.398, thừa 674)", over.Message);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void QuotaCheck_NoNationalCap_SaysItOnce()
    {
        var f = QuotaCheck.Check(RuleBook.Default.For(2025), 2025, [new UnitProposals("U", "Vụ A", 1200, 900)]).Single();
        Assert.Equal("Vụ A: 900 Chiến sĩ thi đua cơ sở trên 1.200 Lao động tiên tiến (75%); không có mức trần quốc gia theo bộ quy tắc này; cơ quan có thể tự quy định", f.Message);
    }

    [Fact]
    public void QuotaCheck_CitationsWithYears_CiteOnlyTheEvaluatedYears()
    {
        var set = RuleBook.Default.For(2025);
        var rule = set.Quotas.CstdcsShareOfLdtt with { Basis = [new Citation("Luật 2022, Điều 23"), new Citation("NĐ 98/2023", new YearRange(2024, 2024)), new Citation("NĐ 152/2025", new YearRange(2025, null))] };
        var dated = set with { Quotas = set.Quotas with { CstdcsShareOfLdtt = rule } };
        Assert.Equal(["Luật 2022, Điều 23", "NĐ 98/2023"], QuotaCheck.Check(dated, 2024, [new UnitProposals("U", "Vụ A", 10, 1)]).Single().Basis);
        Assert.Equal(["Luật 2022, Điều 23", "NĐ 152/2025"], QuotaCheck.Check(dated, 2025, [new UnitProposals("U", "Vụ A", 10, 1)]).Single().Basis);
    }
}
