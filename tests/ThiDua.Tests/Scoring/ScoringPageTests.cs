using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Scoring;
using static ThiDua.Tests.Scoring.ScoringSteps;

namespace ThiDua.Tests.Scoring;

/// <summary>Steps shared by the scoring page tests.</summary>
internal static class ScoringSteps
{
    private const string Secretariat = "thuongtruc.khoi@thidua.vn";
    private static readonly ScoringActor Sec = ScoringActor.Secretary(Secretariat);

    public static string S(int v) => v.ToString(CultureInfo.InvariantCulture);

    public static Task<int> VersionAsync(ThiDua.Data.AppDbContext db, int sheetId) => db.ScoreSheets.AsNoTracking().Where(s => s.Id == sheetId).Select(s => s.Version).FirstAsync();

    public static Task<int> SheetIdAsync(TestApp app, int year) => app.QueryAsync(db => db.ScoreSheets.Where(s => s.BlocId == 1 && s.Year == year).Select(s => s.Id).SingleAsync());

    public static Task<int> CardIdAsync(TestApp app, int sheetId, string unitCode) =>
        app.QueryAsync(db => db.ScoreCards.Where(c => c.SheetId == sheetId && c.Unit!.Code == unitCode).Select(c => c.Id).SingleAsync());

    public static Task<int> CardVersionAsync(TestApp app, int cardId) => app.QueryAsync(db => db.ScoreCards.Where(c => c.Id == cardId).Select(c => c.Version).SingleAsync());

    /// <summary>
    /// An applied 2099 sheet (deadline 31/12/2099): one regular group of two criteria (10 and 10, the first needs evidence), a bonus and a penalty item.
    /// With <paramref name="reuse"/>, the one an earlier test of the class made (the shared tests only read it or are refused).
    /// </summary>
    public static async Task<(int Sheet, int C1, int C2, int Bonus, int Penalty)> AppliedSheetAsync(TestApp app, bool reuse = false)
    {
        (int, int, int, int, int) result = default;
        await app.ExecuteAsync(async db =>
        {
            var existing = reuse ? await db.ScoreSheets.Where(x => x.BlocId == 1 && x.Year == 2099).Select(x => (int?)x.Id).SingleOrDefaultAsync() : null;
            var id = existing ?? await CreateAppliedSheetAsync(db);
            var c = await db.ScoreCriteria.Where(x => x.Group!.SheetId == id).OrderBy(x => x.Group!.Order).ThenBy(x => x.Order).Select(x => x.Id).ToListAsync();
            result = (id, c[0], c[1], c[2], c[3]);
        });
        return result;
    }

    private static async Task<int> CreateAppliedSheetAsync(ThiDua.Data.AppDbContext db)
    {
        var s = new ScoringService(db, TimeProvider.System);
        var id = (await s.CreateSheetAsync(Sec, 1, 2099, "Bảng thử năm 2099", new DateOnly(2099, 12, 31), default)).Id!.Value;
        Assert.True((await s.AddGroupAsync(Sec, id, await VersionAsync(db, id), "Nhiệm vụ", GroupKind.Regular, "20", default)).Ok);
        Assert.True((await s.AddGroupAsync(Sec, id, await VersionAsync(db, id), "Thưởng", GroupKind.Bonus, "5", default)).Ok);
        Assert.True((await s.AddGroupAsync(Sec, id, await VersionAsync(db, id), "Trừ", GroupKind.Penalty, "5", default)).Ok);
        var groups = await db.ScoreGroups.Where(g => g.SheetId == id).OrderBy(g => g.Order).Select(g => g.Id).ToListAsync();
        Assert.True((await s.AddCriterionAsync(Sec, id, groups[0], await VersionAsync(db, id), "Tiêu chí một", "10", true, default)).Ok);
        Assert.True((await s.AddCriterionAsync(Sec, id, groups[0], await VersionAsync(db, id), "Tiêu chí hai", "10", false, default)).Ok);
        Assert.True((await s.AddCriterionAsync(Sec, id, groups[1], await VersionAsync(db, id), "Sáng kiến", "5", false, default)).Ok);
        Assert.True((await s.AddCriterionAsync(Sec, id, groups[2], await VersionAsync(db, id), "Chậm báo cáo", "5", false, default)).Ok);
        var apply = await s.ApplyAsync(Sec, id, await VersionAsync(db, id), default);
        Assert.True(apply.Ok, string.Join(" ", apply.Errors));
        return id;
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    public static void AssertDenied(HttpResponseMessage r) =>
        Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("/Account/AccessDenied"), $"{(int)r.StatusCode} {r.Headers.Location}");
}

/// <summary>The scoring pages over HTTP: the sheet's life, bounds, authorization by unit, audit, concurrency.</summary>
/// <remarks>One app for the class: these tests read or are refused (the 2099 sheet is made once and only read); the two that save edit the 2020 sheet's title and bonus group, which no other test here reads.</remarks>
public sealed class ScoringPageTests(SharedApp shared) : SharedAppTest(shared, "thuongtruc.khoi@thidua.vn")
{
    private Task<int> SheetIdAsync(int year) => ScoringSteps.SheetIdAsync(App, year);
    private Task<int> CardIdAsync(int sheetId, string unitCode) => ScoringSteps.CardIdAsync(App, sheetId, unitCode);
    private Task<int> CardVersionAsync(int cardId) => ScoringSteps.CardVersionAsync(App, cardId);
    private Task<(int Sheet, int C1, int C2, int Bonus, int Penalty)> AppliedSheetAsync() => ScoringSteps.AppliedSheetAsync(App, reuse: true);

    [Fact]
    public async Task AddCriterion_MaximaAboveGroup_RefusedNamingTheGroup()
    {
        var sheet = await SheetIdAsync(2020);
        var group = await App.QueryAsync(db => db.ScoreGroups.Where(g => g.SheetId == sheet && g.Name == "Công tác khối").Select(g => g.Id).SingleAsync());
        var version = await App.QueryAsync(db => VersionAsync(db, sheet));
        var page = $"/Scoring/Sheet/{sheet}";
        var response = await Client.PostFormAsync(page + "?handler=AddCriterion", new() { ["Version"] = S(version), ["ItemId"] = S(group), ["Name"] = "Tiêu chí thêm", ["Max"] = "0,5" }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nhóm \"Công tác khối\": tổng điểm tối đa của các tiêu chí (10,5) vượt điểm tối đa của nhóm (10).", await HtmlAsync(response));
        Assert.Equal(2, await App.QueryAsync(db => db.ScoreCriteria.CountAsync(c => c.GroupId == group)));
    }

    [Fact]
    public async Task AddCriterion_VietnameseDecimal_SavedAndAudited()
    {
        var sheet = await SheetIdAsync(2020);
        var group = await App.QueryAsync(db => db.ScoreGroups.Where(g => g.SheetId == sheet && g.Name == "Điểm thưởng").Select(g => g.Id).SingleAsync());
        // Make room: the bonus group's one criterion has 5 of 5; raise the group to 7,5 first.
        var page = $"/Scoring/Sheet/{sheet}";
        var r1 = await Client.PostFormAsync(page + "?handler=Group", new() { ["Version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["ItemId"] = S(group), ["Name"] = "Điểm thưởng", ["Max"] = "7,5" }, page);
        Assert.Equal(HttpStatusCode.Redirect, r1.StatusCode);
        var r2 = await Client.PostFormAsync(page + "?handler=AddCriterion", new() { ["Version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["ItemId"] = S(group), ["Name"] = "Giải thưởng báo chí", ["Max"] = "2,5" }, page);
        Assert.Equal(HttpStatusCode.Redirect, r2.StatusCode);
        Assert.Equal(2.5m, await App.QueryAsync(db => db.ScoreCriteria.Where(c => c.Name == "Giải thưởng báo chí").Select(c => c.MaxPoints).SingleAsync()));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Sửa nhóm tiêu chí" && a.EntityId == S(sheet)).SingleAsync());
        Assert.Equal("trước: \"Điểm thưởng\", tối đa 5 điểm → sau: \"Điểm thưởng\", tối đa 7,5 điểm", audit.Details);
    }

    [Theory]
    [InlineData("abc", "Điểm tối đa của tiêu chí: \"abc\" không phải là số điểm hợp lệ")]
    [InlineData("99999999999999999999999", "không phải là số điểm hợp lệ")]
    [InlineData("2,3", "không phải là số điểm hợp lệ")]
    public async Task AddCriterion_BadMaximum_RefusedInVietnameseNot500(string max, string message)
    {
        var sheet = await SheetIdAsync(2020);
        var group = await App.QueryAsync(db => db.ScoreGroups.Where(g => g.SheetId == sheet).Select(g => g.Id).FirstAsync());
        var page = $"/Scoring/Sheet/{sheet}";
        var response = await Client.PostFormAsync(page + "?handler=AddCriterion", new() { ["Version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["ItemId"] = S(group), ["Name"] = "X", ["Max"] = max }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await HtmlAsync(response));
    }

    [Fact]
    public async Task EditSheet_StaleVersion_ConflictMessageKeepsInput()
    {
        var sheet = await SheetIdAsync(2020);
        var page = $"/Scoring/Sheet/{sheet}";
        var stale = await App.QueryAsync(db => VersionAsync(db, sheet));
        var first = await Client.PostFormAsync(page + "?handler=Sheet", new() { ["Version"] = S(stale), ["Title"] = "Bảng 2020 (lần 1)", ["Deadline"] = "15/01/2021", ["Tie1"] = "FewerPenalty" }, page);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await Client.PostFormAsync(page + "?handler=Sheet", new() { ["Version"] = S(stale), ["Title"] = "Bảng 2020 (lần 2)", ["Deadline"] = "15/01/2021" }, page);
        var html = await HtmlAsync(second);
        Assert.Contains("Dữ liệu vừa được người khác thay đổi.", html);
        Assert.Contains("value=\"Bảng 2020 (lần 2)\"", html);
        Assert.Equal(("Bảng 2020 (lần 1)", "FewerPenalty"), await App.QueryAsync(db => db.ScoreSheets.Where(s => s.Id == sheet).Select(s => new ValueTuple<string, string>(s.Title, s.TieBreaks)).SingleAsync()));
    }

    [Fact]
    public async Task ClosedSheet_EditRefused_AndUnitsSeePublishedRankingWithRules()
    {
        var sheet = await SheetIdAsync(2019);
        var c = await App.QueryAsync(db => db.ScoreCriteria.Where(x => x.Group!.SheetId == sheet).Select(x => x.Id).FirstAsync());
        var page = $"/Scoring/Sheet/{sheet}";
        var response = await Client.PostFormAsync(page + "?handler=Criterion", new() { ["Version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["ItemId"] = S(c), ["Name"] = "X", ["Max"] = "1", ["Reason"] = "thử" }, "/Scoring");
        Assert.Contains("Bảng tiêu chí đã khóa sau hội nghị tổng kết", await HtmlAsync(response));

        var officer = await Shared.As("tdkt.hvctqg@thidua.vn");
        var ranking = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Scoring/Ranking/{sheet}"));
        Assert.Contains("Bằng điểm thì tổng điểm các tiêu chí thường cao hơn.", ranking);
        Assert.Contains("Quy chế hoạt động của Khối (chưa có bản chính thức)", ranking);
        Assert.True(ranking.IndexOf("Ban Tổ chức Trung ương", StringComparison.Ordinal) < ranking.IndexOf("Học viện Chính trị quốc gia Hồ Chí Minh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ranking_NotPublished_DeniedToMembers_PreviewForSecretariat()
    {
        var (sheet, _, _, _, _) = await AppliedSheetAsync();
        Assert.Contains("Bản xem trước, chưa công bố", await HtmlAsync(await Client.GetAsync($"/Scoring/Ranking/{sheet}")));
        foreach (var who in new[] { "tdkt.btctw@thidua.vn", "lanhdao.btctw@thidua.vn" })
            AssertDenied(await (await Shared.As(who)).GetAsync($"/Scoring/Ranking/{sheet}"));
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        var publish = await officer.PostFormAsync($"/Scoring/Ranking/{sheet}?handler=Publish", new() { ["version"] = "1" }, "/Account/ChangePassword");
        AssertDenied(publish);
        Assert.Null(await App.QueryAsync(db => db.ScoreSheets.Where(s => s.Id == sheet).Select(s => s.PublishedUtc).SingleAsync()));
    }

    [Theory]
    [InlineData("10,5", "Tiêu chí \"Tiêu chí một\": 10,5 điểm vượt điểm tối đa 10.")]
    [InlineData("-1", "Tiêu chí \"Tiêu chí một\": \"-1\" không phải là số điểm hợp lệ")]
    [InlineData("7,25", "không phải là số điểm hợp lệ (bước 0,5; ví dụ 12,5)")]
    [InlineData("1e308", "không phải là số điểm hợp lệ")]
    public async Task SelfScore_OutOfBoundsOrNotANumber_RefusedNamingTheCriterion(string value, string message)
    {
        var (sheet, c1, _, _, _) = await AppliedSheetAsync();
        var card = await CardIdAsync(sheet, "BTCTW");
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        var response = await officer.PostFormAsync($"/Scoring/Card/{card}", new() { ["version"] = S(await CardVersionAsync(card)), ["p_" + S(c1)] = value }, $"/Scoring/Card/{card}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains(message, html);
        Assert.Contains($"value=\"{value}\"", html);
        Assert.Null(await App.QueryAsync(db => db.ScoreEntries.Where(e => e.CardId == card && e.CriterionId == c1).Select(e => e.SelfPoints).SingleAsync()));
    }

    [Fact]
    public async Task Card_OfAnotherAgency_DeniedByUrlAndByPost()
    {
        var (sheet, c1, _, _, _) = await AppliedSheetAsync();
        var hvCard = await CardIdAsync(sheet, "HVCTQG");
        var btCard = await CardIdAsync(sheet, "BTCTW");
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        AssertDenied(await officer.GetAsync($"/Scoring/Card/{hvCard}"));
        AssertDenied(await officer.GetAsync($"/Scoring/Card/{hvCard}?handler=File&criterion={c1}"));
        AssertDenied(await officer.GetAsync($"/Scoring/Reconcile/{hvCard}"));
        // The form of its own card posted to the other agency's card id.
        AssertDenied(await officer.PostFormAsync($"/Scoring/Card/{hvCard}", new() { ["version"] = S(await CardVersionAsync(hvCard)), ["p_" + S(c1)] = "1" }, $"/Scoring/Card/{btCard}"));
        Assert.Null(await App.QueryAsync(db => db.ScoreEntries.Where(e => e.CardId == hvCard && e.CriterionId == c1).Select(e => e.SelfPoints).SingleAsync()));
        // A leader reads its own agency's card but cannot score it.
        var leader = await Shared.As("lanhdao.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Scoring/Card/{btCard}")).StatusCode);
        AssertDenied(await leader.GetAsync($"/Scoring/Card/{hvCard}"));
        AssertDenied(await leader.PostFormAsync($"/Scoring/Card/{btCard}", new() { ["version"] = S(await CardVersionAsync(btCard)), ["p_" + S(c1)] = "1" }, $"/Scoring/Card/{btCard}"));
        // Sheet page: a unit sees only its own card in the list.
        var sheetHtml = await officer.GetStringAsync($"/Scoring/Sheet/{sheet}");
        Assert.Contains($"/Scoring/Card/{btCard}\"", sheetHtml);
        Assert.DoesNotContain($"/Scoring/Card/{hvCard}\"", sheetHtml);
        // The secretariat-only pages.
        AssertDenied(await officer.GetAsync($"/Scoring/Assignments/{sheet}"));
        AssertDenied(await officer.GetAsync($"/Scoring/Close/{sheet}"));
    }

    [Fact]
    public async Task Pages_UnknownIds_NotFound()
    {
        foreach (var url in new[] { "/Scoring/Sheet/999999", "/Scoring/Card/999999", "/Scoring/Check/999999", "/Scoring/Reconcile/999999", "/Scoring/Ranking/999999", "/Scoring/Apply/999999", "/Scoring/Close/999999", "/Scoring/Assignments/999999" })
            Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("99999", "Năm phải từ 2000 đến 2100.")]
    [InlineData("abc", "Năm: \"abc\" không phải là số năm.")]
    [InlineData("2019", "Khối đã có bảng tiêu chí năm 2019.")]
    public async Task CreateSheet_BadOrTakenYear_RefusedInVietnamese(string year, string message)
    {
        var response = await Client.PostFormAsync("/Scoring?handler=Create", new() { ["BlocId"] = "1", ["Year"] = year, ["Title"] = "Bảng", ["Deadline"] = "10/01/2020" }, "/Scoring");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await HtmlAsync(response));
    }

    [Fact]
    public async Task PublishAndClose_BeforeEverythingIsSettled_RefusedAndNothingChanges()
    {
        var (sheet, _, _, _, _) = await AppliedSheetAsync();
        var version = S(await App.QueryAsync(db => VersionAsync(db, sheet)));
        var publish = await Client.PostFormAsync($"/Scoring/Ranking/{sheet}?handler=Publish", new() { ["version"] = version }, $"/Scoring/Ranking/{sheet}");
        Assert.Contains("Chưa thống nhất xong điểm của 14 đơn vị:", await HtmlAsync(publish));
        var close = await Client.PostFormAsync($"/Scoring/Close/{sheet}", new() { ["Version"] = version }, "/Scoring");
        Assert.Contains("Chưa công bố kết quả xếp hạng; hãy công bố trước khi khóa.", await HtmlAsync(close));
        Assert.Equal((SheetState.Applied, (DateTime?)null), await App.QueryAsync(db => db.ScoreSheets.Where(s => s.Id == sheet).Select(s => new ValueTuple<SheetState, DateTime?>(s.State, s.PublishedUtc)).SingleAsync()));
    }
}

/// <summary>The scoring page tests that score, check, apply or delete, each over its own copy of the demo database.</summary>
public sealed class ScoringPageWriteTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    private Task<int> SheetIdAsync(int year) => ScoringSteps.SheetIdAsync(App, year);
    private Task<int> CardIdAsync(int sheetId, string unitCode) => ScoringSteps.CardIdAsync(App, sheetId, unitCode);
    private Task<int> CardVersionAsync(int cardId) => ScoringSteps.CardVersionAsync(App, cardId);
    private Task<(int Sheet, int C1, int C2, int Bonus, int Penalty)> AppliedSheetAsync() => ScoringSteps.AppliedSheetAsync(App);

    [Fact]
    public async Task EditCriterion_AppliedSheet_NeedsReasonThenAuditsOldAndNew()
    {
        var (sheet, c1, _, _, _) = await AppliedSheetAsync();
        var page = $"/Scoring/Sheet/{sheet}";
        var fields = new Dictionary<string, string> { ["Version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["ItemId"] = S(c1), ["Name"] = "Tiêu chí một (sửa)", ["Max"] = "9,5", ["Evidence"] = "true" };
        var refused = await Client.PostFormAsync(page + "?handler=Criterion", fields, page);
        Assert.Contains("Lý do thay đổi: bảng tiêu chí đã áp dụng, hãy nêu lý do thay đổi.", await HtmlAsync(refused));
        fields["Reason"] = "Theo kết luận hội nghị khối";
        var ok = await Client.PostFormAsync(page + "?handler=Criterion", fields, page);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Sửa tiêu chí" && a.EntityId == S(sheet)).SingleAsync());
        Assert.Equal("trước: \"Tiêu chí một\", tối đa 10 điểm, bắt buộc có minh chứng → sau: \"Tiêu chí một (sửa)\", tối đa 9,5 điểm, bắt buộc có minh chứng; lý do: Theo kết luận hội nghị khối", audit.Details);
    }

    [Fact]
    public async Task SelfScore_VietnameseDecimal_SavedWithEvidenceAndAudited_ThenSubmit()
    {
        var (sheet, c1, c2, bonus, penalty) = await AppliedSheetAsync();
        var card = await CardIdAsync(sheet, "BTCTW");
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var page = $"/Scoring/Card/{card}";
        var submitEarly = await officer.PostFormAsync(page + "?handler=Submit", new() { ["version"] = S(await CardVersionAsync(card)) }, page);
        Assert.Contains("Tiêu chí \"Tiêu chí một\": chưa tự chấm điểm.", await HtmlAsync(submitEarly));

        var response = await officer.PostFormAsync(page, new()
        {
            ["version"] = S(await CardVersionAsync(card)),
            ["p_" + S(c1)] = "8,5", ["e_" + S(c1)] = "Báo cáo tổng kết, mục 2",
            ["p_" + S(c2)] = "10", ["p_" + S(bonus)] = "1.5", ["p_" + S(penalty)] = "0",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var values = await App.QueryAsync(db => db.ScoreEntries.Where(e => e.CardId == card).ToDictionaryAsync(e => e.CriterionId, e => e.SelfPoints));
        Assert.Equal((8.5m, 10m, 1.5m, 0m), (values[c1], values[c2], values[bonus], values[penalty]));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Tự chấm điểm" && a.EntityId == S(card)));
        Assert.Equal("tdkt.btctw@thidua.vn", audit.UserName);
        Assert.Contains("Tiêu chí một: tự chấm trước: — → sau: 8,5", audit.Details);

        var submit = await officer.PostFormAsync(page + "?handler=Submit", new() { ["version"] = S(await CardVersionAsync(card)) }, page);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(CardState.Submitted, await App.QueryAsync(db => db.ScoreCards.Where(c => c.Id == card).Select(c => c.State).SingleAsync()));
        var again = await officer.PostFormAsync(page, new() { ["version"] = S(await CardVersionAsync(card)), ["p_" + S(c1)] = "10" }, page);
        Assert.Contains("Phiếu đã nộp; không sửa điểm tự chấm được nữa.", await HtmlAsync(again));
    }

    [Fact]
    public async Task SelfScore_StaleVersion_ConflictKeepsInput()
    {
        var (sheet, c1, _, _, _) = await AppliedSheetAsync();
        var card = await CardIdAsync(sheet, "BTCTW");
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var page = $"/Scoring/Card/{card}";
        var stale = S(await CardVersionAsync(card));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync(page, new() { ["version"] = stale, ["p_" + S(c1)] = "5" }, page)).StatusCode);
        var second = await officer.PostFormAsync(page, new() { ["version"] = stale, ["p_" + S(c1)] = "6,5" }, page);
        var html = await HtmlAsync(second);
        Assert.Contains("Dữ liệu vừa được người khác thay đổi.", html);
        Assert.Contains("value=\"6,5\"", html);
        Assert.Equal(5m, await App.QueryAsync(db => db.ScoreEntries.Where(e => e.CardId == card && e.CriterionId == c1).Select(e => e.SelfPoints).SingleAsync()));
    }

    [Fact]
    public async Task CrossCheck_OnlyTheAssignedUnit_ProposesWithComment_ThenSecretariatReconcilesWithOverrideReason()
    {
        var (sheet, c1, c2, bonus, penalty) = await AppliedSheetAsync();
        var hvCard = await CardIdAsync(sheet, "HVCTQG");
        var btUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync());
        // HVCTQG self-scores and submits.
        var hv = await App.SignInAsync("tdkt.hvctqg@thidua.vn");
        var hvPage = $"/Scoring/Card/{hvCard}";
        Assert.Equal(HttpStatusCode.Redirect, (await hv.PostFormAsync(hvPage, new() { ["version"] = S(await CardVersionAsync(hvCard)), ["p_" + S(c1)] = "9", ["e_" + S(c1)] = "Báo cáo", ["p_" + S(c2)] = "8", ["p_" + S(bonus)] = "2", ["p_" + S(penalty)] = "0" }, hvPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await hv.PostFormAsync(hvPage + "?handler=Submit", new() { ["version"] = S(await CardVersionAsync(hvCard)) }, hvPage)).StatusCode);

        // The secretariat assigns BTCTW to check HVCTQG.
        var assign = await Client.PostFormAsync($"/Scoring/Assignments/{sheet}", new() { ["version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["r_" + S(hvCard)] = S(btUnit) });
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        // A unit cannot check itself.
        var self = await Client.PostFormAsync($"/Scoring/Assignments/{sheet}", new() { ["version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))), ["r_" + S(hvCard)] = S(await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync())) });
        Assert.Contains("đơn vị không tự kiểm tra chéo phiếu của mình.", await HtmlAsync(self));

        AssertDenied(await hv.GetAsync($"/Scoring/Check/{hvCard}"));
        var bt = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var checkPage = $"/Scoring/Check/{hvCard}";
        Assert.Contains("Báo cáo", WebUtility.HtmlDecode(await bt.GetStringAsync(checkPage)));
        var noComment = await bt.PostFormAsync(checkPage, new() { ["version"] = S(await CardVersionAsync(hvCard)), ["p_" + S(c1)] = "8" }, checkPage);
        Assert.Contains("Tiêu chí \"Tiêu chí một\": đề xuất điểm khác điểm tự chấm thì hãy ghi nhận xét.", await HtmlAsync(noComment));
        var send = await bt.PostFormAsync(checkPage + "?handler=Send", new() { ["version"] = S(await CardVersionAsync(hvCard)), ["p_" + S(c1)] = "8", ["c_" + S(c1)] = "Thiếu số liệu" }, checkPage);
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        Assert.Equal(CardState.Checked, await App.QueryAsync(db => db.ScoreCards.Where(c => c.Id == hvCard).Select(c => c.State).SingleAsync()));

        var page = $"/Scoring/Reconcile/{hvCard}";
        var noReason = await Client.PostFormAsync(page, new() { ["version"] = S(await CardVersionAsync(hvCard)), ["s_" + S(c1)] = "Override", ["o_" + S(c1)] = "8,5" }, page);
        Assert.Contains("thường trực khối quyết định điểm khác thì phải nêu lý do.", await HtmlAsync(noReason));
        var ok = await Client.PostFormAsync(page, new()
        {
            ["version"] = S(await CardVersionAsync(hvCard)),
            ["s_" + S(c1)] = "Override", ["o_" + S(c1)] = "8,5", ["r_" + S(c1)] = "Bổ sung số liệu tại hội nghị",
            ["s_" + S(c2)] = "Self", ["s_" + S(bonus)] = "Peer", ["s_" + S(penalty)] = "Self",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync(page));
        Assert.Contains("Tiêu chí một: điểm thống nhất trước: — (—) → sau: 8,5 (thường trực khối quyết định); lý do: Bổ sung số liệu tại hội nghị", html);
        Assert.Contains("Tiêu chí một: kiểm tra chéo trước: — — → sau: 8 \"Thiếu số liệu\"", html);
        // The checked unit sees its own card's history; the checking unit does not reach it.
        AssertDenied(await bt.GetAsync($"/Scoring/Card/{hvCard}"));
    }

    [Fact]
    public async Task Apply_ConfirmPage_ThenCardsForEveryMember()
    {
        var sheet = await SheetIdAsync(2020);
        var confirm = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Scoring/Apply/{sheet}"));
        Assert.Contains("tạo phiếu chấm điểm cho 14 đơn vị thành viên của khối năm 2020", confirm);
        Assert.Equal(0, await App.QueryAsync(db => db.ScoreCards.CountAsync(c => c.SheetId == sheet)));
        var r = await Client.PostFormAsync($"/Scoring/Apply/{sheet}", new() { ["Version"] = S(await App.QueryAsync(db => VersionAsync(db, sheet))) });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(14, await App.QueryAsync(db => db.ScoreCards.CountAsync(c => c.SheetId == sheet)));
        Assert.Equal(SheetState.Applied, await App.QueryAsync(db => db.ScoreSheets.Where(s => s.Id == sheet).Select(s => s.State).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Áp dụng bảng tiêu chí chấm điểm" && a.EntityId == S(sheet))));
        var close = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Scoring/Close/{sheet}"));
        Assert.Contains("Chưa công bố kết quả xếp hạng; hãy công bố trước khi khóa.", close);
    }

    [Fact]
    public async Task CopyFromLastYear_NoSheetThatYear_Refused_Otherwise_CopiesGroups()
    {
        var missing = await Client.PostFormAsync("/Scoring?handler=Copy", new() { ["BlocId"] = "1", ["Year"] = "2030" }, "/Scoring");
        Assert.Contains("Khối chưa có bảng tiêu chí năm 2029 để sao chép.", await HtmlAsync(missing));
        var sheet = await SheetIdAsync(2020);
        await App.ExecuteAsync(db => db.ScoreSheets.Where(s => s.Id == sheet).ExecuteDeleteAsync());
        var ok = await Client.PostFormAsync("/Scoring?handler=Copy", new() { ["BlocId"] = "1", ["Year"] = "2020" }, "/Scoring");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var copy = await App.QueryAsync(db => db.ScoreSheets.Include(s => s.Groups).ThenInclude(g => g.Criteria).SingleAsync(s => s.BlocId == 1 && s.Year == 2020));
        Assert.Equal((SheetState.Draft, 6, 11, new DateOnly(2021, 1, 10)), (copy.State, copy.Groups.Count, copy.Groups.Sum(g => g.Criteria.Count), copy.SelfScoreDeadline));
    }
}
