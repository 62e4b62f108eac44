using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Units;

namespace ThiDua.Tests.Units;

/// <summary>The unit tree on /Units: indentation, staff over subtrees, paging by agency, the agency beside a department.</summary>
public sealed partial class UnitTreeTests() : AppTest("admin@thidua.vn")
{
    [GeneratedRegex("<tr data-unit=\"([^\"]+)\" data-depth=\"(\\d+)\">\\s*<td style=\"([^\"]*)\">")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\"[^>]*>.*?<td class=\"num\">([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex StaffPattern();

    private async Task<List<(string Code, int Depth, string Style)>> RowsAsync(HttpClient client, string url) =>
        RowPattern().Matches(await client.GetStringAsync(url)).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[3].Value)).ToList();

    [Fact]
    public async Task Index_ThirdLevelUnit_IsIndentedWithInvariantCss()
    {
        // Under vi-VN the old page wrote "padding-left:3,5rem", which browsers drop.
        var rows = await RowsAsync(Client, "/Units");
        Assert.Contains(("BTCTW-D05-P1", 2, "padding-left:3.5rem"), rows);
        Assert.Contains(("BTCTW-D05", 1, "padding-left:2rem"), rows);
        Assert.DoesNotContain(rows, r => r.Style.Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_StaffOfAnAgency_CountsEveryoneInItsSubunits()
    {
        var expected = await App.QueryAsync(async db =>
        {
            var agency = await db.Units.SingleAsync(u => u.Code == "BTCTW");
            var sub = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, agency.Id);
            return await db.People.CountAsync(p => p.IsActive && p.CurrentUnitId != null && sub.Contains(p.CurrentUnitId.Value));
        });
        Assert.True(expected > 0);
        var html = await Client.GetStringAsync("/Units");
        var staff = StaffPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(ThiDua.Infrastructure.VnFormat.Number(expected), staff["BTCTW"]);
    }

    [Fact]
    public async Task Index_Paging_NeverSplitsAnAgencyAcrossPages()
    {
        var parentOf = await App.QueryAsync(db => db.Units.ToDictionaryAsync(u => u.Id, u => u.ParentId));
        var codes = await App.QueryAsync(db => db.Units.ToDictionaryAsync(u => u.Code, u => u.Id));
        var pageOfAgency = new Dictionary<int, int>();
        var seen = 0;
        for (var p = 1; p <= 20; p++)
        {
            var rows = await RowsAsync(Client, $"/Units?p={p}");
            if (p > 1 && rows.Count > 0 && rows[0].Code == (await RowsAsync(Client, $"/Units?p={p - 1}"))[0].Code) break; // past the last page
            foreach (var r in rows)
            {
                var agency = UnitTree.RootOf(codes[r.Code], parentOf);
                Assert.True(pageOfAgency.TryAdd(agency, p) || pageOfAgency[agency] == p, $"{r.Code} is on page {p}, its agency on page {pageOfAgency[agency]}");
            }
            seen += rows.Count;
        }
        Assert.Equal(await App.QueryAsync(db => db.Units.CountAsync(u => u.ActiveTo == null)), seen);
        Assert.Equal(14, pageOfAgency.Count);
    }

    [Fact]
    public async Task Index_PageThatDoesNotExist_SaysSoInVietnamese()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/Units?p=2147483647"));
        Assert.Matches("Không có trang 2147483647: danh sách có \\d+ trang\\. Đang hiển thị trang \\d+\\.", html);
    }

    [Fact]
    public async Task Index_SearchAcrossAgencies_ShowsTheAgencyBesideEachDepartment()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/Units?q=van+phong"));
        Assert.Contains("<span class=\"muted agency\"> · Ban Tổ chức Trung ương</span>", html);
        Assert.Contains("<span class=\"muted agency\"> · Học viện Chính trị quốc gia Hồ Chí Minh</span>", html);
    }

    [Fact]
    public async Task Details_SubUnit_NamesItsAgency()
    {
        var id = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG-D01-P1").Select(u => u.Id).SingleAsync());
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Units/Details/{id}"));
        Assert.Matches("<dd id=\"agency\"><a href=\"/Units/Details/\\d+\">Học viện Chính trị quốc gia Hồ Chí Minh</a></dd>", html);
    }

    [Fact]
    public void RollUp_CountsEachPersonInTheirUnitAndEveryAncestor()
    {
        var parentOf = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2, [4] = 1, [5] = null };
        var total = UnitTree.RollUp([(3, 2), (4, 1), (1, 1), (5, 7)], parentOf);
        Assert.Equal(new Dictionary<int, int> { [1] = 4, [2] = 2, [3] = 2, [4] = 1, [5] = 7 }, total);
    }
}
