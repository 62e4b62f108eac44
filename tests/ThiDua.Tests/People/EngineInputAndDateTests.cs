using Microsoft.EntityFrameworkCore;
using static ThiDua.Tests.People.PeopleTestData;

namespace ThiDua.Tests.People;

/// <summary>The engine's JSON input is for officers only; dates are typed and shown as dd/mm/yyyy whatever the language.</summary>
/// <remarks>One app for the class: the tests read, are refused, or save dates on one person that only the date tests read back
/// fresh; the tests that switch the language sign in a browser of their own, so the shared one stays in Vietnamese.</remarks>
public sealed class EngineInputAndDateTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    [Theory]
    [InlineData("canbo.btctw@thidua.vn")]
    [InlineData("thanhvien.btctw@thidua.vn")]
    public async Task EngineInput_ForStaffOrCouncilMember_IsNeitherOfferedNorServed(string account)
    {
        var client = await Shared.As(account);
        var id = account.StartsWith("canbo", StringComparison.Ordinal)
            ? await App.QueryAsync(db => db.Users.Where(u => u.Email == account).Select(u => u.PersonId!.Value).SingleAsync())
            : (await BtctwPersonAsync(App)).Id;
        var html = await client.GetStringAsync($"/People/Details/{id}");
        Assert.Contains("Xét điều kiện năm", html); // the page itself is theirs to read
        Assert.DoesNotContain("handler=EligibilityInput", html);
        var download = await client.GetAsync($"/People/Details/{id}?handler=EligibilityInput&year=2019");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Contains("/Account/AccessDenied", download.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("tdkt.btctw@thidua.vn")]
    [InlineData("hoidong.btctw@thidua.vn")]
    [InlineData("thuongtruc.khoi@thidua.vn")]
    [InlineData("admin@thidua.vn")]
    public async Task EngineInput_ForOfficers_IsOfferedAndServed(string account)
    {
        var client = await Shared.As(account);
        var id = (await BtctwPersonAsync(App)).Id;
        Assert.Contains("handler=EligibilityInput", await client.GetStringAsync($"/People/Details/{id}"));
        var download = await client.GetAsync($"/People/Details/{id}?handler=EligibilityInput&year=2019");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task EditPerson_DatesTypedDayFirst_AreReadDayFirstInEitherLanguage(string language)
    {
        // A browser of its own: the language cookie stays out of the shared one.
        using var client = await App.SignInAsync("tdkt.btctw@thidua.vn");
        await client.GetAsync($"/lang/{language}?returnUrl=/");
        var someone = await BtctwPersonAsync(App, 9);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.BirthDate"] = "05/03/1980";
        form["Input.HiredOn"] = "2005-09-01";
        var response = await client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal((new DateOnly(1980, 3, 5), new DateOnly(2005, 9, 1)), (saved.BirthDate, saved.HiredOn));

        var page = await client.GetStringAsync($"/People/Edit/{person.Id}");
        Assert.Matches("<input type=\"text\" inputmode=\"numeric\" pattern=\"[^\"]+\" placeholder=\"dd/mm/yyyy\"[^>]*id=\"Input_BirthDate\"[^>]*value=\"05/03/1980\"", page);
        Assert.Contains("value=\"01/09/2005\"", page);
        Assert.DoesNotContain("type=\"date\"", page);
    }

    [Theory]
    [InlineData("31/02/1980", "Ngày sinh: \"31/02/1980\" không phải là ngày hợp lệ (dd/mm/yyyy).")]
    [InlineData("03-05-1980", "Ngày sinh: \"03-05-1980\" không phải là ngày hợp lệ (dd/mm/yyyy).")]
    [InlineData("hôm qua", "Ngày sinh: \"hôm qua\" không phải là ngày hợp lệ (dd/mm/yyyy).")]
    public async Task EditPerson_DateNotDayMonthYear_IsRefusedWithVietnameseMessageAndKeepsWhatWasTyped(string typed, string message)
    {
        // A browser of its own: the language cookie stays out of the shared one.
        using var client = await App.SignInAsync("tdkt.btctw@thidua.vn");
        await client.GetAsync("/lang/en?returnUrl=/");
        var someone = await BtctwPersonAsync(App, 9);
        var person = await App.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == someone.Id));
        var form = EditForm(person);
        form["Input.BirthDate"] = typed;
        var response = await client.PostFormAsync($"/People/Edit/{person.Id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{typed}\"", html);
        Assert.Equal(person.BirthDate, await App.QueryAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.BirthDate).SingleAsync()));
    }

    [Fact]
    public async Task PersonPage_DateFields_AreTextWithTheDayFirstPlaceholder()
    {
        var someone = await BtctwPersonAsync(App);
        var html = await Client.GetStringAsync($"/People/Details/{someone.Id}");
        Assert.DoesNotContain("type=\"date\"", html);
        foreach (var id in new[] { "move-from", "d-from", "d-to", "a-date" })
            Assert.Matches($"<input id=\"{id}\" name=\"[^\"]+\" type=\"text\" inputmode=\"numeric\" pattern=\"[^\"]+\" placeholder=\"dd/mm/yyyy\"", html);
    }

    [Fact]
    public async Task AddDiscipline_ImpossibleDate_IsRefusedNamingTheField()
    {
        var someone = await BtctwPersonAsync(App, 10);
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Discipline", new()
        {
            ["discipline.Level"] = "KhienTrach", ["discipline.From"] = "30/02/2020", ["discipline.To"] = "31/01/2021",
        }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Từ ngày: \"30/02/2020\" không phải là ngày hợp lệ (dd/mm/yyyy).", await TextAsync(response));
        Assert.False(await App.QueryAsync(db => db.DisciplineRecords.AnyAsync(d => d.PersonId == someone.Id && d.To == new DateOnly(2021, 1, 31))));
    }
}
