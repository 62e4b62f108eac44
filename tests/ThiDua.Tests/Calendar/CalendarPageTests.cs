using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Calendar;

namespace ThiDua.Tests.Calendar;

/// <summary>The published calendar's pages as the administrator: reads, refused input, and removing a day of its own.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>): these tests read or are refused; the two that save add their own
/// days (2028) that no other test here reads — the ones that add 05/02/2027 or count every day have their own app.</remarks>
public sealed class CalendarPageTests(SharedApp shared) : SharedAppTest(shared, "admin@thidua.vn")
{
    private Task<List<ThiDua.Features.Audit.AuditEntry>> AuditAsync(string action) =>
        App.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(CalendarDay) && a.Action == action).ToListAsync());

    [Fact]
    public async Task Get_Year2026_ShowsComputedHolidaysWithLegalBasis()
    {
        var html = await Client.GetStringAsync("/Calendar?year=2026");
        Assert.Contains("T3, 17/02/2026", html, StringComparison.Ordinal);
        Assert.Contains("Giỗ Tổ Hùng Vương", html, StringComparison.Ordinal);
        Assert.Contains("T2, 27/04/2026", html, StringComparison.Ordinal);   // substitute for Sunday 26/04
        Assert.Contains("Điều 112 khoản 1", html, StringComparison.Ordinal);
        Assert.Contains("Điều 111 khoản 3", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2101")]
    [InlineData("abc")]
    [InlineData("99999999999999")]
    public async Task Get_YearOutOfBounds_VietnameseMessageNot500(string year)
    {
        var r = await Client.GetAsync("/Calendar?year=" + year);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("id=\"page-problem\"", html, StringComparison.Ordinal);
        Assert.Contains("Năm", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31/02/2027", "DayOff", "x", "Ngày:")]
    [InlineData("05/02/1999", "DayOff", "x", "Ngày: năm phải từ 2000")]
    [InlineData("05/02/2027", "Holiday", "x", "Loại ngày:")]
    [InlineData("05/02/2027", "7", "x", "Loại ngày:")]
    [InlineData("05/02/2027", "DayOff", "", "Ghi chú:")]
    public async Task Add_InvalidInput_RefusedNamingTheField(string date, string kind, string note, string message)
    {
        var r = await Client.PostFormAsync("/Calendar?handler=Add", new() { ["NewDate"] = date, ["NewKind"] = kind, ["NewNote"] = note }, "/Calendar");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await App.QueryAsync(db => db.CalendarDays.CountAsync(d => d.Date == new DateOnly(2027, 2, 5))));
    }

    [Fact]
    public async Task Add_NoteTooLong_Refused()
    {
        var r = await Client.PostFormAsync("/Calendar?handler=Add", new() { ["NewDate"] = "08/02/2027", ["NewKind"] = "DayOff", ["NewNote"] = new string('a', 301) }, "/Calendar");
        Assert.Contains("Ghi chú: tối đa 300 ký tự", System.Net.WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_ConfirmPageThenPost_RemovedWithAudit()
    {
        var id = await App.QueryAsync(async db =>
        {
            var (d, _) = await new CalendarService(db).AddAsync(new DateOnly(2028, 1, 24), CalendarDayKind.DayOff, "Thử xóa", "admin@thidua.vn");
            return d!.Id;
        });
        var confirm = await Client.GetStringAsync($"/Calendar/Remove/{id}");
        Assert.Contains("Xác nhận xóa", confirm, StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.CalendarDays.CountAsync(d => d.Id == id)));   // GET changes nothing
        var r = await Client.PostFormAsync($"/Calendar/Remove/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(0, await App.QueryAsync(db => db.CalendarDays.CountAsync(d => d.Id == id)));
        Assert.Single(await AuditAsync("Xóa ngày khỏi lịch công bố"), a => a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/Calendar/Remove/{id}")).StatusCode);
    }

    [Fact]
    public async Task Pages_NonAdmin_Denied()
    {
        var id = await App.QueryAsync(async db => (await new CalendarService(db).AddAsync(new DateOnly(2028, 1, 25), CalendarDayKind.DayOff, "Thử", "admin@thidua.vn")).Day!.Id);
        var secretariat = await Shared.As("thuongtruc.khoi@thidua.vn");
        foreach (var url in new[] { "/Calendar", $"/Calendar/Remove/{id}" })
        {
            var r = await secretariat.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("AccessDenied", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        // A forged post (with a token from a page the account may open) is refused too.
        var token = await secretariat.AntiforgeryTokenAsync("/Account/ChangePassword");
        var post = await secretariat.PostAsync($"/Calendar/Remove/{id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(1, await App.QueryAsync(db => db.CalendarDays.CountAsync(d => d.Id == id)));
    }
}

/// <summary>Adding 05/02/2027 (which the refused adds assert is absent) and seeding the demo calendar (which counts every day): each on its own copy.</summary>
public sealed class CalendarPageWriteTests() : AppTest("admin@thidua.vn")
{
    private Task<List<ThiDua.Features.Audit.AuditEntry>> AuditAsync(string action) =>
        App.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(CalendarDay) && a.Action == action).ToListAsync());

    [Fact]
    public async Task Add_ValidDay_SavedWithAuditThenDuplicateRefused()
    {
        var r = await Client.PostFormAsync("/Calendar?handler=Add&year=2027", new() { ["NewDate"] = "05/02/2027", ["NewKind"] = "DayOff", ["NewNote"] = "Nghỉ Tết Âm lịch 2027 (Công văn thử nghiệm)" }, "/Calendar?year=2027");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var day = await App.QueryAsync(db => db.CalendarDays.AsNoTracking().SingleAsync(d => d.Date == new DateOnly(2027, 2, 5)));
        Assert.Equal(CalendarDayKind.DayOff, day.Kind);
        var audit = Assert.Single(await AuditAsync("Thêm ngày vào lịch công bố"), a => a.EntityId == day.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("05/02/2027", audit.Details!, StringComparison.Ordinal);
        Assert.Contains("05/02/2027", await Client.GetStringAsync("/Calendar?year=2027"), StringComparison.Ordinal);

        var again = await Client.PostFormAsync("/Calendar?handler=Add&year=2027", new() { ["NewDate"] = "05/02/2027", ["NewKind"] = "WorkingDay", ["NewNote"] = "lần nữa" }, "/Calendar?year=2027");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("đã có trong lịch công bố", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await App.QueryAsync(db => db.CalendarDays.CountAsync(d => d.Date == new DateOnly(2027, 2, 5))));
    }

    [Fact]
    public async Task Demo_SeedAsync_AnnouncedSchedulesAndDeadlineAcrossTet2025()
    {
        await App.ExecuteAsync(async db =>
        {
            var ctx = new ThiDua.DemoData.BlocYearDemoContext { Db = db, Services = App.Services, BlocId = 0, Agencies = new Dictionary<string, int>() };
            await CalendarDemo.SeedAsync(ctx, CancellationToken.None);
            await CalendarDemo.SeedAsync(ctx, CancellationToken.None);   // idempotent
        });
        var days = await App.QueryAsync(db => db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync());
        Assert.Equal(6, days.Count);
        Assert.Contains(days, d => d.Date == new DateOnly(2025, 1, 27) && d.Kind == CalendarDayKind.DayOff && d.Note.Contains("8726/VPCP-KGVX", StringComparison.Ordinal));
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 1, 10) && d.Kind == CalendarDayKind.WorkingDay);
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 8, 22) && d.Kind == CalendarDayKind.WorkingDay);
        Assert.Equal(6, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(CalendarDay))));
        // The deadline form: 10 working days from Monday 20/01/2025 = Monday 10/02/2025 (see WorkingCalendarTests).
        var html = await Client.GetStringAsync("/Calendar?year=2025&from=20/01/2025&days=10");
        Assert.Contains("T2, 10/02/2025", html, StringComparison.Ordinal);
        Assert.Contains("id=\"check-result\"", html, StringComparison.Ordinal);
        var bad = await Client.GetStringAsync("/Calendar?from=xx&days=99999");
        Assert.Contains("Ngày bắt đầu", bad, StringComparison.Ordinal);
        Assert.Contains("Số ngày làm việc", bad, StringComparison.Ordinal);
    }
}
