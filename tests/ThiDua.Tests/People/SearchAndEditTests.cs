using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.People;

namespace ThiDua.Tests.People;

/// <summary>The people list's links and the names a search shows, for both classes below.</summary>
internal static partial class PeopleListPage
{
    [GeneratedRegex("<a href=\"/People/Details/(\\d+)\">([^<]+)</a>")]
    public static partial Regex PersonLink();

    public static async Task<List<string>> NamesAsync(HttpClient client, string query)
    {
        var html = await client.GetStringAsync("/People?q=" + Uri.EscapeDataString(query));
        return PersonLink().Matches(html).Select(m => m.Groups[2].Value).ToList();
    }
}

/// <summary>One app for the class: these tests read or are refused; the one edit saves a position nobody else here reads.</summary>
public sealed class SearchAndEditTests(SharedApp shared) : SharedAppTest(shared, "admin@thidua.vn")
{
    private static Regex PersonLink() => PeopleListPage.PersonLink();

    private Task<List<string>> NamesAsync(string query) => PeopleListPage.NamesAsync(Client, query);

    [Theory]
    [InlineData("nguyen van duc")]
    [InlineData("NGUYỄN VĂN ĐỨC")]
    [InlineData("Nguyễn Văn Đức")]
    [InlineData("Nguye\u0302\u0303n Va\u0306n \u0110u\u031B\u0301c")] // typed with combining marks (NFD)
    public async Task Search_NameInAnyCaseOrDiacritics_FindsNguyenVanDucFirst(string query)
    {
        var names = await NamesAsync(query);
        Assert.NotEmpty(names);
        Assert.Equal("Nguyễn Văn Đức", names[0]);
    }

    [Theory]
    [InlineData("dang uy khoi cac co quan trung uong")]
    [InlineData("ĐẢNG ỦY KHỐI")]
    [InlineData("DUKCQTW")]
    public async Task UnitSearch_WithoutDiacriticsOrByCode_FindsTheAgencyFirst(string query)
    {
        var html = await Client.GetStringAsync("/Units?q=" + Uri.EscapeDataString(query));
        var first = Regex.Match(html, "<a href=\"/Units/Details/\\d+\">([^<]+)</a>");
        Assert.True(first.Success);
        Assert.Equal("Đảng ủy Khối các cơ quan Trung ương", first.Groups[1].Value);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("van%duc")]
    [InlineData("\\")]
    public async Task Search_WildcardCharacters_MatchThemselves(string query)
    {
        // The name search is a LIKE pattern (served by the trigram index on PostgreSQL): typed % and _ are not wildcards.
        Assert.Empty(await NamesAsync(query));
    }

    [Fact]
    public void EscapeLike_EscapesWildcardsAndTheEscapeCharacter() =>
        Assert.Equal("50\\% a\\_b c\\\\d", PeopleFilter.EscapeLike("50% a_b c\\d"));

    [Fact]
    public async Task PeopleList_IsSortedByGivenNameTheVietnameseWay()
    {
        var html = await Client.GetStringAsync("/People?p=1");
        var ids = PersonLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var people = await App.QueryAsync(db => db.People.Where(p => ids.Contains(p.Id)).ToListAsync());
        var shown = ids.Select(id => people.Single(p => p.Id == id)).ToList();
        var expected = shown.OrderBy(p => ThiDua.Infrastructure.VietnameseText.PersonSortKey(p.FamilyName, p.MiddleName, p.GivenName), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(p => p.Id), shown.Select(p => p.Id));
        Assert.All(shown, p => Assert.Equal("Anh", p.GivenName));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(110)]
    [InlineData(111)]
    public async Task PeopleList_PagesInTheSecondHalf_ShowTheSameRowsAsCountingFromTheStart(int page)
    {
        // Those pages are read from the end of the list in the reverse order; the rows must be the ones the forward order puts there.
        var html = await Client.GetStringAsync($"/People?p={page}");
        var shown = PersonLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var all = await App.QueryAsync(db => db.People.Where(p => p.IsActive).Select(p => new { p.Id, p.SortKey }).ToListAsync());
        var expected = all.OrderBy(p => p.SortKey, StringComparer.Ordinal).ThenBy(p => p.Id).Skip((page - 1) * 50).Take(50).Select(p => p.Id).ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("van", 2)]     // a few hundred results: listed by id in one pass
    [InlineData("n", 3)]       // more than 2.000: counted and paged by the database
    [InlineData("n", 60)]      // the same, a page in the second half (read from the end)
    public async Task Search_Pages_FollowTheRanking(string query, int page)
    {
        var html = await Client.GetStringAsync($"/People?q={Uri.EscapeDataString(query)}&p={page}");
        var shown = PersonLink().Matches(html).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var folded = ThiDua.Infrastructure.VietnameseText.Fold(query);
        var all = await App.QueryAsync(db => db.People.Where(p => p.IsActive).Select(p => new { p.Id, p.SearchName, p.SortKey, p.PersonalCode }).ToListAsync());
        var expected = all.Where(p => p.SearchName.Contains(folded, StringComparison.Ordinal) || p.PersonalCode.StartsWith(query, StringComparison.Ordinal))
            .OrderBy(p => p.SearchName == folded || p.PersonalCode == query ? 0 : p.SearchName.StartsWith(folded, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(p => p.SortKey, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Skip((page - 1) * 50).Take(50).Select(p => p.Id).ToList();
        Assert.NotEmpty(shown);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Edit_WithStaleVersion_KeepsOtherEditAndShowsMessage()
    {
        var person = await App.QueryAsync(db => db.People.AsNoTracking().OrderBy(p => p.Id).FirstAsync());
        var form = new Dictionary<string, string>
        {
            ["Input.PersonalCode"] = person.PersonalCode, ["Input.FamilyName"] = person.FamilyName, ["Input.MiddleName"] = person.MiddleName ?? "",
            ["Input.GivenName"] = person.GivenName, ["Input.Gender"] = person.Gender.ToString(), ["Input.UnitId"] = person.CurrentUnitId.ToString()!,
            ["Input.Position"] = "Phó Vụ trưởng", ["Input.Version"] = person.Version.ToString(),
        };
        var first = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        form["Input.Position"] = "Vụ trưởng";
        var second = await Client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("vừa được người khác sửa", await second.Content.ReadAsStringAsync());
        Assert.Equal("Phó Vụ trưởng", await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Position).SingleAsync()));
    }

    [Fact]
    public async Task Create_WithMissingFieldsAndDuplicateCode_ShowsVietnameseMessagesAndSavesNothing()
    {
        var existing = await App.QueryAsync(db => db.People.Select(p => p.PersonalCode).FirstAsync());
        var response = await Client.PostFormAsync("/People/Edit", new() { ["Input.PersonalCode"] = existing, ["Input.FamilyName"] = "", ["Input.GivenName"] = "Tâm" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hãy nhập họ.", html);
        Assert.Contains("Hãy chọn giới tính.", html);
        Assert.Contains("Hãy chọn đơn vị.", html);
        Assert.Contains("value=\"Tâm\"", html);
        Assert.Equal(1, await App.QueryAsync(db => db.People.CountAsync(p => p.PersonalCode == existing)));
    }

    [Fact]
    public async Task Healthz_WithDatabase_Returns200()
    {
        var response = await App.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_ShowsSeedFactsInVietnameseFormats()
    {
        var html = await App.Browser().GetStringAsync("/");
        Assert.Contains("Khối thi đua các cơ quan Đảng Trung ương", html);
        Assert.Contains("<strong>14</strong> cơ quan thành viên với <strong>5.520</strong>", html);
        Assert.Contains("T4, 04/03/2020", html);
        Assert.Contains("Ban Tổ chức Trung ương, Học viện Chính trị quốc gia Hồ Chí Minh, Đảng ủy Khối các cơ quan Trung ương", html);
        Assert.Contains("<strong>13</strong> tập thể và <strong>35</strong> cá nhân", html);
    }

    [Fact]
    public async Task LanguageSwitch_ToEnglish_TranslatesTheShell()
    {
        var client = App.Browser();
        var set = await client.GetAsync("/lang/en?returnUrl=/");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var html = await client.GetStringAsync("/");
        Assert.Contains("Sign in", html);
        Assert.Contains("lang=\"en\"", html);
    }
}

/// <summary>Its own database copy: it adds three people, which changes the staff count the home page test reads.</summary>
public sealed class SearchAndEditWriteTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task Search_Ranking_PutsExactThenPrefixThenContains()
    {
        await App.ExecuteAsync(async db =>
        {
            var unit = await db.Units.FirstAsync(u => u.Code == "BTCTW-D01");
            foreach (var (code, family, middle, given) in new[] { ("RANK-1", "Lương", "Thế", "Vinh"), ("RANK-2", "Vinh", "Quang", "Tường"), ("RANK-3", "Vinh", null, "Hạnh") })
            {
                var p = new Person { PersonalCode = code, FamilyName = family, MiddleName = middle, GivenName = given, CurrentUnitId = unit.Id };
                p.Normalize();
                db.People.Add(p);
            }
            await db.SaveChangesAsync();
        });
        var names = await PeopleListPage.NamesAsync(Client, "vinh hanh");
        Assert.Equal("Vinh Hạnh", names[0]);
        names = await PeopleListPage.NamesAsync(Client, "vinh");
        var exactOrPrefix = names.TakeWhile(n => n.StartsWith("Vinh", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Vinh Hạnh", "Vinh Quang Tường"], exactOrPrefix.Where(n => n is "Vinh Hạnh" or "Vinh Quang Tường").ToList());
        Assert.True(names.IndexOf("Lương Thế Vinh") > names.IndexOf("Vinh Quang Tường"), "a name that only contains the query ranks after prefixes");
    }
}
