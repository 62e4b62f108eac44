using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Notifications;

namespace ThiDua.Tests.Notifications;

/// <summary>The notifications page of the BTCTW officer: own rows only, opening, marking read, hostile pages.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>): each test adds its own rows and asserts on those (or on counts
/// taken within the test), so what another test added or marked read before it does not matter.</remarks>
public sealed class NotificationPageTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    private Task<string> UserIdAsync(string email) => App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<long> AddAsync(string userId, string text, string? url) => App.QueryAsync(async db =>
    {
        Notify.Users(db, [userId], NotificationKind.Info, text, url, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return await db.Notifications.Where(n => n.UserId == userId).MaxAsync(n => n.Id);
    });

    [Fact]
    public async Task Index_OwnRowsOnly_UnreadCountInHeader()
    {
        var me = await UserIdAsync("tdkt.btctw@thidua.vn");
        var other = await UserIdAsync("tdkt.hvctqg@thidua.vn");
        // The demo year leaves notifications of its own: the header counts them with the test's two.
        var before = await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == me && n.ReadUtc == null));
        await AddAsync(me, "Hồ sơ HS-1 bị trả lại để bổ sung", "/Nominations/Details/1");
        await AddAsync(me, "Quyết định số 12 đã ban hành", "/Decisions/Details/1");
        await AddAsync(other, "Thông báo riêng của Học viện", "/Nominations/Details/2");
        var html = await Client.GetStringAsync("/Notifications");
        Assert.Contains("Hồ sơ HS-1 bị trả lại để bổ sung", html, StringComparison.Ordinal);
        Assert.Contains("Quyết định số 12 đã ban hành", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Thông báo riêng của Học viện", html, StringComparison.Ordinal);
        Assert.Contains($"Thông báo ({before + 2})", html, StringComparison.Ordinal);
        Assert.Contains("ntf-unread", html, StringComparison.Ordinal);
        // Newest first.
        Assert.True(html.IndexOf("Quyết định số 12", StringComparison.Ordinal) < html.IndexOf("Hồ sơ HS-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_OwnRow_MarksReadAndRedirectsLocally()
    {
        var me = await UserIdAsync("tdkt.btctw@thidua.vn");
        var id = await AddAsync(me, "Sắp đến hạn", "/Nominations/Details/7");
        var r = await Client.PostFormAsync($"/Notifications?handler=Open&id={id}", [], "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/Nominations/Details/7", r.Headers.Location!.ToString());
        Assert.NotNull(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadUtc).SingleAsync()));
    }

    [Fact]
    public async Task Open_AnotherAccountsRow_NotFoundAndUnchanged()
    {
        var other = await UserIdAsync("tdkt.hvctqg@thidua.vn");
        var id = await AddAsync(other, "Của người khác", "/Nominations/Details/8");
        var r = await Client.PostFormAsync($"/Notifications?handler=Open&id={id}", [], "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Null(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadUtc).SingleAsync()));
    }

    [Fact]
    public async Task Open_ExternalUrl_NeverRedirectsOutside()
    {
        var me = await UserIdAsync("tdkt.btctw@thidua.vn");
        // Notify drops a non-local URL; a row written around it still never leads outside.
        var id1 = await AddAsync(me, "Ngoài 1", "https://evil.example/x");
        Assert.Null(await App.QueryAsync(db => db.Notifications.Where(n => n.Id == id1).Select(n => n.Url).SingleAsync()));
        var id2 = await App.QueryAsync(async db =>
        {
            db.Notifications.Add(new Notification { UserId = me, Kind = NotificationKind.Info, Text = "Ngoài 2", Url = "//evil.example/x", CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return await db.Notifications.Where(n => n.UserId == me).MaxAsync(n => n.Id);
        });
        foreach (var id in new[] { id1, id2 })
        {
            var r = await Client.PostFormAsync($"/Notifications?handler=Open&id={id}", [], "/Account/ChangePassword");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal("/Notifications", r.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task MarkAllRead_OnlyOwnRows()
    {
        var me = await UserIdAsync("tdkt.btctw@thidua.vn");
        var other = await UserIdAsync("tdkt.hvctqg@thidua.vn");
        await AddAsync(me, "Một", null);
        await AddAsync(me, "Hai", null);
        await AddAsync(other, "Ba", null);
        var othersUnread = await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == other && n.ReadUtc == null));
        var r = await Client.PostFormAsync("/Notifications?handler=MarkAllRead", [], "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == me && n.ReadUtc == null)));
        Assert.Equal(othersUnread, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == other && n.ReadUtc == null)));
        Assert.DoesNotContain("Thông báo (", await Client.GetStringAsync("/Notifications"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("999999")]
    [InlineData("99999999999999999")]
    public async Task Index_BadPage_MessageNot500(string p)
    {
        var me = await UserIdAsync("tdkt.btctw@thidua.vn");
        await AddAsync(me, "Một", null);
        var r = await Client.GetAsync("/Notifications?p=" + p);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("id=\"page-problem\"", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_Staff_SeesOwnPage()
    {
        var staff = await Shared.As("canbo.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/Notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Browser().GetAsync("/Notifications")).StatusCode);
    }

    [Fact]
    public void IsLocalUrl_ExternalForms_False()
    {
        Assert.True(Notify.IsLocalUrl("/Nominations/Details/1"));
        Assert.False(Notify.IsLocalUrl("//evil.example"));
        Assert.False(Notify.IsLocalUrl("/\\evil.example"));
        Assert.False(Notify.IsLocalUrl("https://evil.example"));
        Assert.False(Notify.IsLocalUrl(null));
    }
}
