using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Units;

namespace ThiDua.Tests.Units;

/// <summary>Inspection, review and complaint periods on a unit's page (thanh tra, kiểm tra, khiếu nại).</summary>
/// <remarks>One app for the class: these tests read the demo unit under inspection or are refused (each checks that BTCTW-D01 still has no review period, which no test here adds).</remarks>
public sealed class ReviewPeriodTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    private const string Notice = "Đang trong thời gian thanh tra/kiểm tra — các danh hiệu của tập thể sẽ bị hoãn xét";

    private Task<int> UnitAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task AddReview_WithoutReasonOrEndingBeforeStart_IsRefusedWithVietnameseMessages()
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var page = $"/Units/Details/{unitId}";
        var response = await Client.PostFormAsync($"{page}?handler=Review", new() { ["review.From"] = "2024-03-01", ["review.To"] = "2024-02-01", ["review.Reason"] = "" }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hãy nhập lý do (nội dung thanh tra, kiểm tra, khiếu nại).", html);
        Assert.Contains("\"Đến ngày\" (01/02/2024) trước ngày bắt đầu (01/03/2024): ngày kết thúc thanh tra, kiểm tra phải từ ngày bắt đầu trở đi.", html);
        Assert.False(await App.QueryAsync(db => db.UnitReviews.AnyAsync(r => r.UnitId == unitId)));
    }

    [Fact]
    public async Task DemoCollectiveUnderInspection_ShowsTheNotice()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Units/Details/{await UnitAsync("BTCTW-CD")}"));
        Assert.Contains(Notice, html);
        Assert.Contains("Kiểm tra công tác tài chính năm 2020", html);
    }

    private static DateOnly VietnamToday => DateOnly.FromDateTime(DateTime.UtcNow.Add(ThiDua.Infrastructure.VnFormat.VietnamOffset));
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string Vn(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("9999-12-31", "", "\"Từ ngày\" phải từ 01/01/1945 đến hôm nay ({today}); đang là 31/12/9999.")]
    [InlineData("tomorrow", "", "\"Từ ngày\" phải từ 01/01/1945 đến hôm nay ({today}); đang là {tomorrow}.")]
    [InlineData("1944-12-31", "", "\"Từ ngày\" phải từ 01/01/1945 đến hôm nay ({today}); đang là 31/12/1944.")]
    [InlineData("2024-03-01", "9999-12-31", "\"Đến ngày\" không được sau hôm nay ({today}); đang là 31/12/9999. Thanh tra, kiểm tra chưa kết thúc thì để trống ngày kết thúc.")]
    [InlineData("2024-03-01", "tomorrow", "\"Đến ngày\" không được sau hôm nay ({today}); đang là {tomorrow}. Thanh tra, kiểm tra chưa kết thúc thì để trống ngày kết thúc.")]
    public async Task AddReview_DateOutsideRange_IsRefusedWithMessageNamingTheField(string from, string to, string message)
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var page = $"/Units/Details/{unitId}";
        var today = VietnamToday;
        string Fill(string s) => s.Replace("{today}", Vn(today)).Replace("{tomorrow}", Vn(today.AddDays(1)));
        string Date(string s) => s == "tomorrow" ? Iso(today.AddDays(1)) : s;
        var response = await Client.PostFormAsync($"{page}?handler=Review", new() { ["review.From"] = Date(from), ["review.To"] = Date(to), ["review.Reason"] = "Thanh tra công vụ" }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Fill(message), WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await App.QueryAsync(db => db.UnitReviews.AnyAsync(r => r.UnitId == unitId)));
    }
}

/// <summary>The review period tests that add, close or delete periods of BTCTW-D01, each over its own copy of the demo database.</summary>
public sealed class ReviewPeriodWriteTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private const string Notice = "Đang trong thời gian thanh tra/kiểm tra — các danh hiệu của tập thể sẽ bị hoãn xét";

    private Task<int> UnitAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<List<string?>> AuditAsync(string action) =>
        App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == action && a.EntityCode == "BTCTW-D01").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync());

    private static DateOnly VietnamToday => DateOnly.FromDateTime(DateTime.UtcNow.Add(ThiDua.Infrastructure.VnFormat.VietnamOffset));
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    private static string Vn(DateOnly d) => d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AddCloseDelete_ByOfficerOfTheUnit_AreSavedAndAuditedWithBeforeAndAfter()
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var page = $"/Units/Details/{unitId}";
        Assert.DoesNotContain(Notice, WebUtility.HtmlDecode(await Client.GetStringAsync(page)));

        var added = await Client.PostFormAsync($"{page}?handler=Review", new()
        {
            ["review.From"] = "2024-03-01", ["review.Reason"] = "Thanh tra công vụ", ["review.DecisionNumber"] = "7-QĐ/TTr",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var review = await App.QueryAsync(db => db.UnitReviews.AsNoTracking().SingleAsync(r => r.UnitId == unitId));
        Assert.Equal((new DateOnly(2024, 3, 1), (DateOnly?)null, "Thanh tra công vụ", "7-QĐ/TTr"), (review.From, review.To, review.Reason, review.DecisionNumber));
        Assert.Equal(["trước: — → sau: từ 01/03/2024 đến nay (chưa kết thúc); lý do: Thanh tra công vụ; số QĐ: 7-QĐ/TTr"], await AuditAsync("Thêm thời gian thanh tra, kiểm tra"));
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync(page));
        Assert.Contains(Notice, html);
        Assert.Contains("Thanh tra công vụ", html);

        var closed = await Client.PostFormAsync($"{page}?handler=CloseReview", new() { ["reviewId"] = review.Id.ToString(), ["to"] = "2024-06-30" }, page);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(new DateOnly(2024, 6, 30), await App.QueryAsync(db => db.UnitReviews.Where(r => r.Id == review.Id).Select(r => r.To).SingleAsync()));
        Assert.Equal([$"#{review.Id}; trước: từ 01/03/2024 đến nay (chưa kết thúc); lý do: Thanh tra công vụ; số QĐ: 7-QĐ/TTr → sau: từ 01/03/2024 đến 30/06/2024; lý do: Thanh tra công vụ; số QĐ: 7-QĐ/TTr"],
            await AuditAsync("Kết thúc thời gian thanh tra, kiểm tra"));
        Assert.DoesNotContain(Notice, WebUtility.HtmlDecode(await Client.GetStringAsync(page)));

        // Deleting asks first, on its own page, and deletes nothing until confirmed.
        var confirm = await Client.GetAsync($"/Units/DeleteReview/{review.Id}");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("Thanh tra công vụ", WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()));
        Assert.True(await App.QueryAsync(db => db.UnitReviews.AnyAsync(r => r.Id == review.Id)));
        var deleted = await Client.PostFormAsync($"/Units/DeleteReview/{review.Id}", new());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.EndsWith($"/Units/Details/{unitId}", deleted.Headers.Location!.ToString());
        Assert.False(await App.QueryAsync(db => db.UnitReviews.AnyAsync(r => r.Id == review.Id)));
        Assert.Equal([$"#{review.Id}; trước: từ 01/03/2024 đến 30/06/2024; lý do: Thanh tra công vụ; số QĐ: 7-QĐ/TTr → sau: —"], await AuditAsync("Xóa thời gian thanh tra, kiểm tra"));
    }

    [Fact]
    public async Task AddCloseDelete_ByOfficerOfAnotherAgency_AreRefusedAndWriteNothing()
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var hvPage = $"/Units/Details/{await UnitAsync("HVCTQG")}";
        var review = new UnitReviewPeriod { UnitId = unitId, From = new DateOnly(2024, 1, 1), Reason = "Kiểm tra" };
        await App.ExecuteAsync(async db => { db.UnitReviews.Add(review); await db.SaveChangesAsync(); });
        var other = await App.SignInAsync("tdkt.hvctqg@thidua.vn");
        // The demo year 2019 was produced acting as this officer: count only what the refused posts could add.
        var auditedBefore = await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserName == "tdkt.hvctqg@thidua.vn" && a.EntityType != "AppUser"));

        var responses = new[]
        {
            await other.PostFormAsync($"/Units/Details/{unitId}?handler=Review", new() { ["review.From"] = "2024-03-01", ["review.Reason"] = "Thanh tra" }, hvPage),
            await other.PostFormAsync($"/Units/Details/{unitId}?handler=CloseReview", new() { ["reviewId"] = review.Id.ToString(), ["to"] = "2024-06-30" }, hvPage),
            await other.PostFormAsync($"/Units/DeleteReview/{review.Id}", new(), hvPage),
            await other.GetAsync($"/Units/DeleteReview/{review.Id}"),
        };
        Assert.All(responses, r => Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString() ?? $"status {(int)r.StatusCode}"));
        var stored = await App.QueryAsync(db => db.UnitReviews.AsNoTracking().Where(r => r.UnitId == unitId).ToListAsync());
        Assert.Equal((review.Id, (DateOnly?)null), (Assert.Single(stored).Id, stored[0].To));
        Assert.Equal(auditedBefore, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.UserName == "tdkt.hvctqg@thidua.vn" && a.EntityType != "AppUser")));

        // A council member of the same agency sees the periods but may not change them.
        var reader = await App.SignInAsync("thanhvien.btctw@thidua.vn");
        var html = WebUtility.HtmlDecode(await reader.GetStringAsync($"/Units/Details/{unitId}"));
        Assert.Contains(Notice, html);
        Assert.DoesNotContain("/Units/DeleteReview/", html);
    }

    [Fact]
    public async Task AddReview_StartingAndEndingToday_IsAccepted()
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var page = $"/Units/Details/{unitId}";
        var today = VietnamToday;
        var response = await Client.PostFormAsync($"{page}?handler=Review", new() { ["review.From"] = Iso(today), ["review.To"] = Iso(today), ["review.Reason"] = "Kiểm tra đột xuất" }, page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(((DateOnly?)today, today), await App.QueryAsync(async db => { var r = await db.UnitReviews.SingleAsync(r => r.UnitId == unitId); return (r.To, r.From); }));
    }

    [Fact]
    public async Task CloseReview_EndDateAfterToday_IsRefusedAndTheReviewStaysOpen()
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var page = $"/Units/Details/{unitId}";
        var review = new UnitReviewPeriod { UnitId = unitId, From = new DateOnly(2024, 1, 1), Reason = "Kiểm tra" };
        await App.ExecuteAsync(async db => { db.UnitReviews.Add(review); await db.SaveChangesAsync(); });
        var today = VietnamToday;

        var closed = await Client.PostFormAsync($"{page}?handler=CloseReview", new() { ["reviewId"] = review.Id.ToString(), ["to"] = "9999-12-31" }, page);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync(page));
        Assert.Contains($"\"Ngày kết thúc\" không được sau hôm nay ({Vn(today)}); đang là 31/12/9999.", html);
        Assert.Null(await App.QueryAsync(db => db.UnitReviews.Where(r => r.Id == review.Id).Select(r => r.To).SingleAsync()));
        Assert.Contains(Notice, html);

        var early = await Client.PostFormAsync($"{page}?handler=CloseReview", new() { ["reviewId"] = review.Id.ToString(), ["to"] = "2023-12-31" }, page);
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Contains("\"Ngày kết thúc\" (31/12/2023) trước ngày bắt đầu (01/01/2024)", WebUtility.HtmlDecode(await Client.GetStringAsync(page)));
        Assert.Null(await App.QueryAsync(db => db.UnitReviews.Where(r => r.Id == review.Id).Select(r => r.To).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Kết thúc thời gian thanh tra, kiểm tra")));
    }

    [Fact]
    public async Task AddOrCloseReview_DateNotADate_IsRefusedWithVietnameseMessageNamingTheField()
    {
        var unitId = await UnitAsync("BTCTW-D01");
        var page = $"/Units/Details/{unitId}";
        var added = await Client.PostFormAsync($"{page}?handler=Review", new() { ["review.From"] = "abc", ["review.To"] = "2024-13-45", ["review.Reason"] = "Thanh tra" }, page);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var html = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        Assert.Contains("Từ ngày: \"abc\" không phải là ngày hợp lệ (dd/mm/yyyy).", html);
        Assert.Contains("Đến ngày: \"2024-13-45\" không phải là ngày hợp lệ (dd/mm/yyyy).", html);
        Assert.DoesNotContain("is not valid", html);

        var review = new UnitReviewPeriod { UnitId = unitId, From = new DateOnly(2024, 1, 1), Reason = "Kiểm tra" };
        await App.ExecuteAsync(async db => { db.UnitReviews.Add(review); await db.SaveChangesAsync(); });
        var closed = await Client.PostFormAsync($"{page}?handler=CloseReview", new() { ["reviewId"] = review.Id.ToString(), ["to"] = "abc" }, page);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        html = WebUtility.HtmlDecode(await Client.GetStringAsync(page));
        Assert.Contains("Ngày kết thúc: \"abc\" không phải là ngày hợp lệ (dd/mm/yyyy).", html);
        Assert.Null(await App.QueryAsync(db => db.UnitReviews.Where(r => r.Id == review.Id).Select(r => r.To).SingleAsync()));
    }
}
