using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;
using UnitMembership = ThiDua.Features.People.UnitMembership;
using UnitKind = ThiDua.Features.Units.UnitKind;
using ThiDua.Infrastructure;
using static ThiDua.Tests.Eligibility.EligibilityPageReads;

namespace ThiDua.Tests.Eligibility;

/// <summary>
/// /Eligibility over a copy of the demo database: collectives and share limits counted from the year's
/// memberships, missing ratings reported, the paged and filtered list, and inputs that are out of range.
/// Verdicts depend on the rules, which change independently; these tests check counts and facts.
/// </summary>
/// <remarks>One app for the class: the tests read or are refused, or add their own rows (a review period on two departments,
/// awards of one person) that no other test here counts; moving a person and deleting ratings have their own copy below.</remarks>
public sealed class EligibilityPageTests(SharedApp shared) : SharedAppTest(shared, "admin@thidua.vn")
{
    private Task<string> PageAsync(string query) => EligibilityPageReads.PageAsync(Client, query);

    private Task<int> MembersInYearAsync(int unitId, int year) => EligibilityPageReads.MembersInYearAsync(App, unitId, year);

    [Fact]
    public async Task Collective_WithReviewOpenToday_IsDeferred_ClosedReviewDoesNotDefer()
    {
        const int year = 2025;
        var (open, closed, agencyId) = await App.QueryAsync(async db =>
        {
            var units = await db.Units.Where(u => u.Kind == UnitKind.Department).OrderBy(u => u.Id).Select(u => new { u.Id, Agency = u.ParentId!.Value }).Take(2).ToListAsync();
            return (units[0].Id, units[1].Id, units[0].Agency);
        });
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        await App.ExecuteAsync(async db =>
        {
            db.UnitReviews.Add(new ThiDua.Features.Units.UnitReviewPeriod { UnitId = open, From = today.AddMonths(-2), Reason = "Thanh tra công vụ" });
            db.UnitReviews.Add(new ThiDua.Features.Units.UnitReviewPeriod { UnitId = closed, From = today.AddYears(-1), To = today.AddDays(-2), Reason = "Kiểm tra đã kết luận" });
            await db.SaveChangesAsync();
        });
        string Row(string html, int unit) => Regex.Match(html, $"<tr data-unit=\"{unit}\".*?</tr>", RegexOptions.Singleline).Value;

        var openRow = Row(await PageAsync($"unit={open}&year={year}"), open);
        Assert.Contains("data-code=\"TTLDTT\" data-verdict=\"deferred\"", openRow);
        Assert.Contains("data-code=\"TTLDXS\" data-verdict=\"deferred\"", openRow);
        var closedRow = Row(await PageAsync($"unit={closed}&year={year}"), closed);
        Assert.DoesNotContain("data-verdict=\"deferred\"", closedRow);
        // The review is the unit's own: its agency is not deferred because of it.
        Assert.DoesNotContain("data-verdict=\"deferred\"", Row(await PageAsync($"unit={agencyId}&year={year}"), agencyId));
    }

    [Fact]
    public async Task RegistryFacts_AwardWithPeriodAndBasis_ReachTheEngineAsRecorded()
    {
        var personId = await App.QueryAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await App.ExecuteAsync(async db =>
        {
            db.Awards.AddRange(
                new AwardRecord { PersonId = personId, Year = 2024, PeriodTo = 2023, Code = "BK_BO", Authority = "Thử", Status = AwardStatus.Conferred },
                new AwardRecord { PersonId = personId, Year = 2022, Code = "BK_TTG", Basis = AwardBasis.DotXuat, Authority = "Thử", Status = AwardStatus.Conferred },
                new AwardRecord { PersonId = personId, Year = 2021, Code = "BK_BO", Basis = AwardBasis.ChuyenDe, Authority = "Thử", Status = AwardStatus.Proposed });
            await db.SaveChangesAsync();
        });
        var single = (await App.QueryAsync(db => RegistryFacts.ForPeopleAsync(db, [personId]))).Single();
        Assert.Contains(new AwardFact(2024, AwardForm.BK_BO, 2023, AwardBasis.Merit), single.Awards);
        Assert.Contains(new AwardFact(2022, AwardForm.BK_TTG, null, AwardBasis.DotXuat), single.Awards);
        Assert.DoesNotContain(single.Awards, a => a.Year == 2021 && a.Basis == AwardBasis.ChuyenDe); // a proposal is not an award received
        // The bulk path (the list) gives the same facts as the single-person path (the person's page).
        var bulk = (await App.QueryAsync(db => RegistryFacts.ForPeopleAsync(db, db.People.Where(p => p.Id <= personId + 5).Select(p => p.Id)))).Single(f => f.Id == single.Id);
        Assert.Equal(single.Awards.OrderBy(a => a.Year).ThenBy(a => a.Form), bulk.Awards.OrderBy(a => a.Year).ThenBy(a => a.Form));
        Assert.Equal(single.Years, bulk.Years);
    }

    [Fact]
    public async Task PersonList_PagedAndFiltered_CountsStayForTheWholeSelection()
    {
        const int year = 2019;
        var agencyId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var expected = await MembersInYearAsync(agencyId, year);
        Assert.True(expected > 2 * IndexModel.PageSize);

        var first = await PageAsync($"unit={agencyId}&year={year}");
        Assert.Equal(expected, Number(FilteredCount().Match(first).Groups[1].Value));
        var summary = Summary(first);
        Assert.Equal(EligibilityCodes.Individual, summary.Keys);
        var page1 = PersonRow().Matches(first).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(IndexModel.PageSize, page1.Count);

        var second = await PageAsync($"unit={agencyId}&year={year}&p=2");
        var page2 = PersonRow().Matches(second).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(IndexModel.PageSize, page2.Count);
        Assert.Empty(page1.Intersect(page2));
        Assert.Equal(summary, Summary(second));

        // One person by personal code; the summary still covers the whole unit.
        var code = page2[7];
        var byCode = await PageAsync($"unit={agencyId}&year={year}&q={code}");
        Assert.Equal([code], PersonRow().Matches(byCode).Select(m => m.Groups[1].Value));
        Assert.Equal(summary, Summary(byCode));

        // By name typed without diacritics.
        var person = await App.QueryAsync(db => db.People.Where(p => p.PersonalCode == code).Select(p => new { p.GivenName, p.FamilyName, p.SearchName }).SingleAsync());
        var typed = VietnameseText.Fold($"{person.FamilyName} {person.GivenName}").Split(' ')[^1];
        var byName = await PageAsync($"unit={agencyId}&year={year}&q={Uri.EscapeDataString(typed)}");
        var matched = Number(FilteredCount().Match(byName).Groups[1].Value);
        Assert.InRange(matched, 1, expected - 1);
        var names = await App.QueryAsync(db => db.People.Where(p => p.SearchName.Contains(typed)).Select(p => p.PersonalCode).ToListAsync());
        Assert.All(PersonRow().Matches(byName).Select(m => m.Groups[1].Value), c => Assert.Contains(c, names));

        // By code and verdict: as many rows as the summary counts, every one with that verdict.
        var eligible = await PageAsync($"unit={agencyId}&year={year}&code=LDTT&verdict=eligible");
        Assert.Equal(summary["LDTT"], Number(FilteredCount().Match(eligible).Groups[1].Value));
        Assert.DoesNotContain("data-code=\"LDTT\" data-verdict=\"not_eligible\"", Regex.Match(eligible, "<table id=\"people\">.*?</table>", RegexOptions.Singleline).Value);
        var notEligible = await PageAsync($"unit={agencyId}&year={year}&code=LDTT&verdict=not_eligible");
        var deferred = await PageAsync($"unit={agencyId}&year={year}&code=LDTT&verdict=deferred");
        Assert.Equal(expected, summary["LDTT"] + Number(FilteredCount().Match(notEligible).Groups[1].Value) + Number(FilteredCount().Match(deferred).Groups[1].Value));

        // The export has the filtered rows of every page, not only the first.
        var bytes = await Client.GetByteArrayAsync($"/Eligibility?handler=Export&unit={agencyId}&year={year}&code=LDTT&verdict=eligible");
        using var ms = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(ms, useHeaderRow: true, sheetName: "Xét điều kiện").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(summary["LDTT"], rows.Count);
        Assert.All(rows, r => Assert.Equal("Đủ điều kiện", r["Kết quả"]));
    }

    [Theory]
    [InlineData("p=100000", "Không có trang 100000")]
    [InlineData("p=0", "Không có trang 0")]
    [InlineData("p=abc", "Số trang không hợp lệ")]
    [InlineData("code=XYZ", "Không có danh hiệu, hình thức mã \"XYZ\"")]
    public async Task PersonList_OutOfRangeInput_ShowsAMessageAndAPage(string query, string message)
    {
        var agencyId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var html = await PageAsync($"unit={agencyId}&year=2019&{query}");
        Assert.Contains(message, html);
        Assert.NotEmpty(PersonRow().Matches(html));
    }

    [Theory]
    [InlineData("year=1900", "Năm xét 1900 nằm ngoài khoảng cho phép")]
    [InlineData("year=3000", "Năm xét 3000 nằm ngoài khoảng cho phép")]
    [InlineData("year=99999999999", "Năm xét không hợp lệ")]
    [InlineData("year=abc", "Năm xét không hợp lệ")]
    [InlineData("unit=999999", "Không tìm thấy đơn vị có mã số 999999")]
    [InlineData("unit=abc", "Mã số đơn vị không hợp lệ")]
    [InlineData("bloc=999999", "Không tìm thấy khối thi đua có mã số 999999")]
    public async Task EligibilityPage_BadYearOrUnknownUnit_AnswersWithAMessageNotAnError(string query, string message)
    {
        var html = await PageAsync(query);
        Assert.Contains(message, html);
        Assert.Contains("role=\"alert\" id=\"problem\"", html);
        Assert.DoesNotContain("<table id=\"people\">", html);
        var export = await Client.GetAsync($"/Eligibility?handler=Export&{query}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.StartsWith("text/html", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task EligibilityPage_Year2016_SaysThereIsNoRuleSetWhenNoneCoversIt()
    {
        var agencyId = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BDVTW").Select(u => u.Id).SingleAsync());
        var html = await PageAsync($"unit={agencyId}&year=2016");
        Assert.Contains("Chưa có bộ quy tắc cho năm 2016", html);
        Assert.Contains("Quản trị viên có thể nạp bộ quy tắc", html);
        Assert.DoesNotContain("<table id=\"people\">", html);
        var early = await PageAsync($"unit={agencyId}&year=1950");
        Assert.Contains("Chưa có bộ quy tắc cho năm 1950", early);
        // The first year a built-in set covers is evaluated.
        Assert.Contains("<table id=\"people\">", await PageAsync($"unit={agencyId}&year=2017"));
    }

    [Fact]
    public async Task WholeBloc_EvaluatesEveryMemberAgencyOfTheYear()
    {
        const int year = 2019;
        var (blocId, agencies) = await App.QueryAsync(async db =>
        {
            var bloc = await db.Blocs.OrderBy(b => b.Id).FirstAsync();
            var ids = await db.BlocMemberships.Where(m => m.BlocId == bloc.Id && m.FromYear <= year && (m.ToYear == null || m.ToYear >= year)).Select(m => m.UnitId).ToListAsync();
            return (bloc.Id, ids);
        });
        var expected = 0;
        foreach (var a in agencies) expected += await MembersInYearAsync(a, year);
        var html = await PageAsync($"bloc={blocId}&year={year}");
        Assert.Equal(expected, Number(FilteredCount().Match(html).Groups[1].Value));
        var collectives = Collectives(html);
        Assert.All(agencies, a => Assert.True(collectives.ContainsKey(a)));
        Assert.Equal(agencies.Count, Regex.Matches(html, "— đã công nhận năm 2019: ").Count);

        // Staff of one agency may not evaluate a whole bloc.
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        var refused = await officer.GetAsync($"/Eligibility?bloc={blocId}&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.ToString());
    }
}

/// <summary>Its own database copy: these move a demo person to another agency and delete a demo person's ratings.</summary>
public sealed class EligibilityPageWriteTests() : AppTest("admin@thidua.vn")
{
    private Task<string> PageAsync(string query) => EligibilityPageReads.PageAsync(Client, query);

    private Task<int> MembersInYearAsync(int unitId, int year) => EligibilityPageReads.MembersInYearAsync(App, unitId, year);

    [Fact]
    public async Task CollectiveFigures_PastYearAfterPersonMovedToAnotherAgency_StayWithTheUnitOfThatYear()
    {
        const int year = 2019;
        var start = new DateOnly(year, 1, 1);
        // Someone with LĐTT and CSTĐCS in 2019, in one department for the whole year and still there today.
        var moved = await App.QueryAsync(async db =>
        {
            var cstdcs = db.Awards.Where(a => a.Year == year && a.Code == "CSTDCS" && a.Status == AwardStatus.Conferred).Select(a => a.PersonId!.Value);
            var m = await db.UnitMemberships.Where(m => m.To == null && m.From <= start && cstdcs.Contains(m.PersonId) && m.Unit!.Kind == UnitKind.Department)
                .OrderBy(m => m.Id).Select(m => new { m.PersonId, m.Person!.PersonalCode, m.UnitId, AgencyId = m.Unit!.ParentId!.Value, Agency = m.Unit.Parent!.Name }).FirstAsync();
            var to = await db.Units.Where(u => u.Kind == UnitKind.Department && u.ParentId != m.AgencyId).OrderBy(u => u.Id)
                .Select(u => new { u.Id, AgencyId = u.ParentId!.Value, Agency = u.Parent!.Name }).FirstAsync();
            return (m.PersonId, m.PersonalCode, FromUnit: m.UnitId, FromAgency: m.AgencyId, FromAgencyName: m.Agency, ToUnit: to.Id, ToAgency: to.AgencyId, ToAgencyName: to.Agency);
        });
        Assert.True(await App.QueryAsync(db => db.Awards.AnyAsync(a => a.PersonId == moved.PersonId && a.Year == year && a.Code == "LDTT")));

        async Task<(Figures From, Figures To, string FromQuota, string ToQuota, int InFromList, int InToList)> ReadAsync()
        {
            var fromPage = await PageAsync($"unit={moved.FromUnit}&year={year}&q={moved.PersonalCode}");
            var toPage = await PageAsync($"unit={moved.ToUnit}&year={year}&q={moved.PersonalCode}");
            var fromAgency = await PageAsync($"unit={moved.FromAgency}&year={year}");
            var toAgency = await PageAsync($"unit={moved.ToAgency}&year={year}");
            return (Collectives(fromPage)[moved.FromUnit], Collectives(toPage)[moved.ToUnit], QuotaLine(fromAgency, moved.FromAgencyName, year), QuotaLine(toAgency, moved.ToAgencyName, year),
                PersonRow().Matches(fromPage).Count, PersonRow().Matches(toPage).Count);
        }

        var before = await ReadAsync();
        Assert.Equal(await MembersInYearAsync(moved.FromUnit, year), before.From.Members);
        Assert.Equal(1, before.InFromList);
        Assert.Equal(0, before.InToList);

        // The move as the registry records it: the open membership ends this year, the new one starts next year; the current unit changes now.
        var nextYear = DateTime.UtcNow.Year + 1;
        await App.ExecuteAsync(async db =>
        {
            var open = await db.UnitMemberships.SingleAsync(m => m.PersonId == moved.PersonId && m.To == null);
            open.To = new DateOnly(nextYear - 1, 12, 31);
            db.UnitMemberships.Add(new UnitMembership { PersonId = moved.PersonId, UnitId = moved.ToUnit, From = new DateOnly(nextYear, 1, 1) });
            var person = await db.People.SingleAsync(p => p.Id == moved.PersonId);
            person.CurrentUnitId = moved.ToUnit;
            await db.SaveChangesAsync();
        });

        var after = await ReadAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task CollectiveMember_WithoutRatingForTheYear_IsListedAsMissingAndStillCountedAsMember()
    {
        const int year = 2019;
        var start = new DateOnly(year, 1, 1);
        var (personId, unitId, agencyId) = await App.QueryAsync(async db =>
        {
            var m = await db.UnitMemberships.Where(m => m.From <= start && m.To == null && m.Unit!.Kind == UnitKind.Department
                    && db.YearRatings.Any(r => r.PersonId == m.PersonId && r.Year == year))
                .OrderBy(m => m.Id).Select(m => new { m.PersonId, m.UnitId, AgencyId = m.Unit!.ParentId!.Value }).FirstAsync();
            return (m.PersonId, m.UnitId, m.AgencyId);
        });
        var before = Collectives(await PageAsync($"unit={agencyId}&year={year}"));

        await App.ExecuteAsync(db => db.YearRatings.Where(r => r.PersonId == personId && r.Year == year).ExecuteDeleteAsync());

        var html = await PageAsync($"unit={agencyId}&year={year}");
        var after = Collectives(html);
        Assert.Equal(before[unitId].Members, after[unitId].Members);
        Assert.Equal(before[unitId].Missing + 1, after[unitId].Missing);
        Assert.Equal(before[agencyId].Missing + 1, after[agencyId].Missing); // the agency counts its departments' members too
        var missingRow = Regex.Match(html, $"<tr class=\"missing\" data-missing-for=\"{unitId}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(missingRow.Success);
        Assert.Contains($"Thiếu dữ liệu xếp loại năm {year} của {after[unitId].Missing} người", missingRow.Value);
        Assert.Contains($"href=\"/People/Details/{personId}?year={year}\" data-missing-person=\"{personId}\"", missingRow.Value);
    }
}

/// <summary>What the tests of /Eligibility below read from its pages, and the members of a unit counted independently of them.</summary>
internal static partial class EligibilityPageReads
{
    [GeneratedRegex("<tr data-unit=\"(\\d+)\" data-members=\"(\\d+)\" data-ldtt=\"(\\d*)\" data-cstdcs=\"(\\d*)\" data-missing=\"(\\d+)\">")]
    public static partial Regex CollectiveRow();

    [GeneratedRegex("<tr data-person=\"([^\"]+)\">")]
    public static partial Regex PersonRow();

    [GeneratedRegex("<span id=\"filtered-count\">([\\d.]+)</span>")]
    public static partial Regex FilteredCount();

    [GeneratedRegex("<td class=\"num\" data-code=\"([A-Z_]+)\">([\\d.]+)</td>")]
    public static partial Regex SummaryCell();

    public sealed record Figures(int Members, string Ldtt, string Cstdcs, int Missing);

    public static Dictionary<int, Figures> Collectives(string html) =>
        CollectiveRow().Matches(html).ToDictionary(m => int.Parse(m.Groups[1].Value), m => new Figures(int.Parse(m.Groups[2].Value), m.Groups[3].Value, m.Groups[4].Value, int.Parse(m.Groups[5].Value)));

    public static int Number(string vn) => int.Parse(vn.Replace(".", "", StringComparison.Ordinal));

    public static Dictionary<string, int> Summary(string html) => SummaryCell().Matches(html).ToDictionary(m => m.Groups[1].Value, m => Number(m.Groups[2].Value));

    public static async Task<string> PageAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/Eligibility?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The quota line of a unit: "N Chiến sĩ thi đua cơ sở trên M Lao động tiên tiến".</summary>
    public static string QuotaLine(string html, string unitName, int year)
    {
        var m = Regex.Match(html, Regex.Escape($"{unitName} — đã công nhận năm {year}: ") + "([\\d.]+ Chiến sĩ thi đua cơ sở trên [\\d.]+ Lao động tiên tiến)");
        Assert.True(m.Success, $"no share-limit line for {unitName}");
        return m.Groups[1].Value;
    }

    /// <summary>Distinct people whose membership overlaps the year in the unit or below it, counted independently of the page.</summary>
    public static Task<int> MembersInYearAsync(TestApp app, int unitId, int year) => app.QueryAsync(async db =>
    {
        var sub = (await UnitScopeService.SubtreeAsync(db, unitId)).ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        return await db.UnitMemberships.Where(m => sub.Contains(m.UnitId) && m.From <= end && (m.To == null || m.To >= start)).Select(m => m.PersonId).Distinct().CountAsync();
    });
}
