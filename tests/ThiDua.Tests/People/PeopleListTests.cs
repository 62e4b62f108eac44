using System.Text.RegularExpressions;

namespace ThiDua.Tests.People;

/// <summary>The people list names each person's agency when it mixes agencies, and pages with numbered links plus first and last.</summary>
public sealed class PeopleListTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task PeopleList_MixingAgencies_ShowsTheAgencyBesideTheUnit()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/People?q=nguyen+van+duc"));
        Assert.Contains("<th>Cơ quan</th>", html);
        Assert.Matches("<td>[^<]+</td><td class=\"agency\">Ban Tổ chức Trung ương</td>", html);
    }

    [Fact]
    public async Task PeopleList_OfOneAgency_LeavesTheAgencyOut()
    {
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var html = await officer.GetStringAsync("/People");
        Assert.DoesNotContain("<th>Cơ quan</th>", WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("class=\"agency\"", html);
    }

    [Fact]
    public async Task Pager_OnAMiddlePage_ShowsFirstLastAndNumbersAroundTheCurrentPage()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/People?p=50"));
        var pager = Regex.Match(html, "<nav class=\"pager\".*?</nav>", RegexOptions.Singleline).Value;
        Assert.Contains("href=\"/People?p=1\" rel=\"first\"", pager);
        Assert.Contains("href=\"/People?p=111\" rel=\"last\"", pager);
        Assert.Contains("<span aria-current=\"page\">50</span>", pager);
        var numbers = Regex.Matches(pager, "aria-label=\"Trang (\\d+)\">").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([1, 48, 49, 51, 52, 111], numbers);
        Assert.Equal(2, Regex.Matches(pager, "class=\"gap\"").Count);
    }

    [Fact]
    public async Task Pager_OnTheFirstPage_HasNoPreviousOrFirstLink()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/People"));
        var pager = Regex.Match(html, "<nav class=\"pager\".*?</nav>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("rel=\"first\"", pager);
        Assert.DoesNotContain("rel=\"prev\"", pager);
        Assert.Contains("<span aria-current=\"page\">1</span>", pager);
        Assert.Contains("href=\"/People?p=2\"", pager);
        Assert.Contains("href=\"/People?p=111\" rel=\"last\"", pager);
    }
}
