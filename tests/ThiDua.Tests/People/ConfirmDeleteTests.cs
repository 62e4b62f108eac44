using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;
using ThiDua.Features.People;
using static ThiDua.Tests.People.PeopleTestData;

namespace ThiDua.Tests.People;

/// <summary>Deleting a history row or deactivating a person asks first, on its own page, and says what it will do.</summary>
/// <remarks>One app for the class: the tests read or are refused; the one that deletes removes a discipline row it added itself.</remarks>
public sealed class ConfirmDeleteTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    private Task<(Someone Person, int RatingId)> RatedAsync() => ConfirmDeleteData.RatedAsync(App);

    [Fact]
    public async Task OldInlineDeletePost_WithoutConfirmation_DeletesNothingAndLeadsToTheConfirmationPage()
    {
        var (someone, ratingId) = await RatedAsync();
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Delete", new() { ["kind"] = "rating", ["itemId"] = ratingId.ToString() }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/People/DeleteHistory/rating/{ratingId}", response.Headers.Location!.OriginalString);
        Assert.True(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.Id == ratingId)));
        Assert.Empty(await AuditAsync(App, "Xóa xếp loại", someone.Id));
    }

    [Fact]
    public async Task PersonPage_DeleteLinks_GoToTheConfirmationPageInsteadOfDeleting()
    {
        var (someone, ratingId) = await RatedAsync();
        var html = await Client.GetStringAsync($"/People/Details/{someone.Id}");
        Assert.Contains($"<a href=\"/People/DeleteHistory/rating/{ratingId}\">Xóa</a>", html);
        Assert.DoesNotContain("handler=Delete", html);
        Assert.Contains($"<a class=\"button secondary\" href=\"/People/Deactivate/{someone.Id}\">", html);
    }

    [Fact]
    public async Task ConfirmationPage_PostWithoutAntiforgeryToken_IsRefused()
    {
        var (_, ratingId) = await RatedAsync();
        var response = await Client.PostAsync($"/People/DeleteHistory/rating/{ratingId}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.Id == ratingId)));
    }

    [Fact]
    public async Task ConfirmationPage_ForAnotherAgencysPerson_IsRefusedAndDeletesNothing()
    {
        var (_, ratingId) = await RatedAsync();
        var other = await Shared.As("tdkt.hvctqg@thidua.vn");
        var get = await other.GetAsync($"/People/DeleteHistory/rating/{ratingId}");
        Assert.Contains("/Account/AccessDenied", get.Headers.Location!.ToString());
        var ownPerson = await App.QueryAsync(db => db.People.Where(p => p.CurrentUnit!.Code.StartsWith("HVCTQG")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var post = await other.PostFormAsync($"/People/DeleteHistory/rating/{ratingId}", [], $"/People/Details/{ownPerson}");
        Assert.Contains("/Account/AccessDenied", post.Headers.Location!.ToString());
        Assert.True(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.Id == ratingId)));
    }

    [Theory]
    [InlineData("unknown", 1)]
    [InlineData("rating", 999999999)]
    public async Task ConfirmationPage_UnknownKindOrRow_IsNotFound(string kind, int itemId)
    {
        var response = await Client.GetAsync($"/People/DeleteHistory/{kind}/{itemId}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteDiscipline_ThroughConfirmation_AuditsItsLevelByName()
    {
        var someone = await BtctwPersonAsync(App, 3);
        var recordId = await App.QueryAsync(async db =>
        {
            var d = new DisciplineRecord { PersonId = someone.Id, Level = DisciplineLevel.CanhCao, From = new(2021, 2, 1), To = new(2022, 1, 31), DecisionNumber = "12-QĐ/BTCTW" };
            db.DisciplineRecords.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/DeleteHistory/discipline/{recordId}"));
        Assert.Contains("kỷ luật: cảnh cáo từ 01/02/2021 đến 31/01/2022; số QĐ: 12-QĐ/BTCTW", page);
        var response = await Client.PostFormAsync($"/People/DeleteHistory/discipline/{recordId}", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.DisciplineRecords.AnyAsync(d => d.Id == recordId)));
        Assert.Equal([$"dòng #{recordId}; trước: cảnh cáo từ 01/02/2021 đến 31/01/2022; số QĐ: 12-QĐ/BTCTW → sau: —"], await AuditAsync(App, "Xóa kỷ luật", someone.Id));
    }

    [Fact]
    public async Task OldDeactivatePost_WithoutConfirmation_LeavesThePersonActive()
    {
        var someone = await BtctwPersonAsync(App, 4);
        var version = await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.Version).SingleAsync());
        var response = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Active", new() { ["active"] = "false", ["version"] = version.ToString() }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/People/Deactivate/{someone.Id}", response.Headers.Location!.OriginalString);
        Assert.True(await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task DeactivatePage_ForAnotherAgencysPerson_IsRefused()
    {
        var someone = await BtctwPersonAsync(App, 5);
        var other = await Shared.As("tdkt.hvctqg@thidua.vn");
        var get = await other.GetAsync($"/People/Deactivate/{someone.Id}");
        Assert.Contains("/Account/AccessDenied", get.Headers.Location!.ToString());
        Assert.True(await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.IsActive).SingleAsync()));
    }
}

/// <summary>Its own database copy: these delete a demo person's rating, or deactivate a demo person, that the shared tests read.</summary>
public sealed class ConfirmDeleteWriteTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private Task<(Someone Person, int RatingId)> RatedAsync() => ConfirmDeleteData.RatedAsync(App);

    [Fact]
    public async Task ConfirmationPage_ShowsTheRowThenDeletesAndAuditsIt()
    {
        var (someone, ratingId) = await RatedAsync();
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/DeleteHistory/rating/{ratingId}"));
        Assert.Contains("<h1>Xóa xếp loại?</h1>", page);
        Assert.Contains("xếp loại: năm 2019: hoàn thành tốt nhiệm vụ (HTTNV)", page);
        Assert.Contains("Dòng này sẽ bị xóa khỏi hồ sơ.", page);
        Assert.Contains("<button type=\"submit\">Xóa xếp loại</button>", page);
        Assert.True(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.Id == ratingId)), "showing the page deletes nothing");

        var response = await Client.PostFormAsync($"/People/DeleteHistory/rating/{ratingId}", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/People/Details/{someone.Id}", response.Headers.Location!.OriginalString);
        Assert.False(await App.QueryAsync(db => db.YearRatings.AnyAsync(r => r.Id == ratingId)));
        Assert.Equal([$"dòng #{ratingId}; trước: năm 2019: hoàn thành tốt nhiệm vụ (HTTNV) → sau: —"], await AuditAsync(App, "Xóa xếp loại", someone.Id));
        Assert.Equal(someone.Code, await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Xóa xếp loại").Select(a => a.EntityCode).SingleAsync()));
    }

    [Fact]
    public async Task DeactivatePage_SaysWhatItDoesThenDeactivatesAndAudits()
    {
        var someone = await BtctwPersonAsync(App, 5);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/Deactivate/{someone.Id}"));
        Assert.Contains("Ngừng theo dõi cán bộ?", page);
        Assert.Contains(someone.Code, page);
        Assert.Contains("Hồ sơ, quá trình công tác, xếp loại, kỷ luật và khen thưởng vẫn được giữ nguyên", page);
        Assert.True(await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.IsActive).SingleAsync()));

        var response = await Client.PostFormAsync($"/People/Deactivate/{someone.Id}", new() { ["Version"] = (await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.Version).SingleAsync())).ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.IsActive).SingleAsync()));
        var audit = Assert.Single(await AuditAsync(App, "Ngừng theo dõi cán bộ", someone.Id));
        Assert.StartsWith("Trạng thái: trước: đang theo dõi → sau: ngừng theo dõi; đơn vị: ", audit);

        var reactivate = await Client.PostFormAsync($"/People/Details/{someone.Id}?handler=Active", new()
        {
            ["active"] = "true", ["version"] = (await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.Version).SingleAsync())).ToString(),
        }, $"/People/Details/{someone.Id}");
        Assert.Equal(HttpStatusCode.Redirect, reactivate.StatusCode);
        Assert.True(await App.QueryAsync(db => db.People.Where(p => p.Id == someone.Id).Select(p => p.IsActive).SingleAsync()));
        Assert.Single(await AuditAsync(App, "Theo dõi lại cán bộ", someone.Id));
    }
}

/// <summary>The demo person and 2019 rating both classes above work on.</summary>
internal static class ConfirmDeleteData
{
    /// <summary>The first Ban Tổ chức Trung ương person rated HTTNV for 2019, and that rating.</summary>
    public static async Task<(Someone Person, int RatingId)> RatedAsync(TestApp app)
    {
        var someone = await BtctwPersonRatedAsync(app, 2019, Rating.HTTNV);
        var ratingId = await app.QueryAsync(db => db.YearRatings.Where(r => r.PersonId == someone.Id && r.Year == 2019).Select(r => r.Id).SingleAsync());
        return (someone, ratingId);
    }
}
