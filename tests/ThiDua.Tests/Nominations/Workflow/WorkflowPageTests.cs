using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Calendar;
using ThiDua.Features.Nominations;
using ThiDua.Features.Nominations.Workflow;
using ThiDua.Features.Notifications;
using static ThiDua.Tests.Nominations.Workflow.WorkflowPages;
using ThiDua.Tests.Agreements;

namespace ThiDua.Tests.Nominations.Workflow;

/// <summary>What the workflow page tests share: ids as text, a page's decoded HTML, the flash after a redirect, a dossier reloaded.</summary>
internal static class WorkflowPages
{
    public static string S(int i) => i.ToString(CultureInfo.InvariantCulture);
    public static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    public static string Act(int id) => $"/Nominations/Workflow/Act/{S(id)}";
    public static Task<Nomination> ReloadAsync(TestApp app, int id) => app.QueryAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id));

    public static void AssertDenied(HttpResponseMessage r) =>
        Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal), $"{(int)r.StatusCode} {r.Headers.Location}");
}

/// <summary>The workflow through its pages, as Ban Tổ chức TW's council secretariat (the handler of its agency-level dossiers) and others.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>): these tests read the demo dossiers or are refused (nothing moves);
/// the one that saves adds its own public comment, found by its id and counted within the test.</remarks>
public sealed class WorkflowPageTests(SharedApp shared) : SharedAppTest(shared, "hoidong.btctw@thidua.vn")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WorkflowTestData.SeedDemoAsync(App);
    }

    [Fact]
    public async Task Demo2019_BlocLeadersBangKhen_FortyEightDossiersThroughTheCouncilToTheDecision()
    {
        var rows = await App.QueryAsync(db => db.Nominations.AsNoTracking().Where(n => n.Year == 2019 && n.Code == "BK_BO").Include(n => n.Transitions).ToListAsync());
        Assert.Equal(48, rows.Count);
        Assert.Equal(13, rows.Count(n => n.Subject == NominationSubject.Collective));
        Assert.Equal(35, rows.Count(n => n.Subject == NominationSubject.Person));
        Assert.All(rows, n =>
        {
            // Then the councils and decisions steps take them on: approved by the bloc council, decided by the bloc leader.
            Assert.Equal((NominationLevel.Bloc, NominationState.Decided, NominationsDemo.Achievement2019, 2019, 2019), (n.Level, n.State, n.Achievement, n.PeriodFrom!.Value, n.PeriodTo!.Value));
            Assert.NotNull(n.BlocId);
            Assert.Equal(new[] { NominationState.Submitted, NominationState.Appraised, NominationState.ReadyForCouncil, NominationState.CouncilApproved, NominationState.Decided },
                n.Transitions.OrderBy(t => t.AtUtc).ThenBy(t => t.Id).Select(t => t.To));
            var submitted = n.Transitions.Single(t => t.To == NominationState.Submitted).AtUtc;
            Assert.True(submitted.Year == 2020 && submitted.Month <= 2, submitted.ToString("O", CultureInfo.InvariantCulture));
            Assert.Equal("thuongtruc.khoi@thidua.vn", n.Transitions.Single(t => t.To == NominationState.Appraised).UserName);
        });
    }

    [Theory]
    [InlineData("BTCTW")]
    [InlineData("HVCTQG")]
    public async Task DemoUnitLevel_EachAgency_HasEveryReachableState(string agency)
    {
        var states = await App.QueryAsync(db => db.Nominations.Where(n => n.Agency!.Code == agency && n.Year >= 2025).Select(n => new { n.State, n.RecallRequest, n.Year }).ToListAsync());
        foreach (var s in new[] { NominationState.Draft, NominationState.Submitted, NominationState.Returned, NominationState.Rejected, NominationState.PublicComment, NominationState.ReadyForCouncil })
            Assert.Contains(states, x => x.State == s);
        Assert.Contains(states, x => x.State == NominationState.Submitted && x.RecallRequest != null);
        Assert.Contains(states, x => x.Year == 2025 && x.State == NominationState.ReadyForCouncil);
        var returned = await WorkflowTestData.DossierAsync(App, agency, NominationState.Returned);
        Assert.Equal(NominationsDemo.ReturnReason, await App.QueryAsync(db => db.NominationTransitions.Where(t => t.NominationId == returned.Id && t.To == NominationState.Returned).Select(t => t.Reason).SingleAsync()));
    }

    [Fact]
    public async Task DemoPublicComment_Btctw_HasAPendingCommentAndIsOnThePublicList()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.PublicComment, code: "CSTDTQ");
        Assert.True(await App.QueryAsync(db => db.PublicComments.AnyAsync(c => c.NominationId == n.Id && c.Ruling == CommentRuling.Pending)));
        var html = await HtmlAsync(await App.Browser().GetAsync("/Nominations/PublicList"));
        Assert.Contains($"id=\"comment-{S(n.Id)}\"", html);
        Assert.Contains($"đến hết ngày {n.PublicCommentUntil!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}", html);
    }

    [Fact]
    public async Task PublicList_Anonymous_ShowsOnlyPublicCommentDossiersWithoutIdentifiers()
    {
        var open = await App.QueryAsync(db => db.Nominations.Where(n => n.State == NominationState.PublicComment).Select(n => n.Id).ToListAsync());
        var other = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted);
        var person = await App.QueryAsync(db => db.Nominations.Where(n => n.Id == open[0]).Select(n => n.Person!).SingleAsync());
        var html = await HtmlAsync(await App.Browser().GetAsync("/Nominations/PublicList"));
        Assert.All(open, id => Assert.Contains($"id=\"dossier-{S(id)}\"", html));
        Assert.DoesNotContain($"id=\"dossier-{S(other.Id)}\"", html);
        Assert.DoesNotContain(person.PersonalCode, html);
        if (person.BirthDate is { } b) Assert.DoesNotContain(b.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), html);
        Assert.DoesNotContain("@thidua.vn", html);
    }

    [Fact]
    public async Task PublicComment_Anonymous_StoredPendingAuditedAndHandlersNotified()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.PublicComment, code: "CSTDTQ");
        var browser = App.Browser();
        var tooShort = await browser.PostFormAsync("/Nominations/PublicList", new() { ["Id"] = S(n.Id), ["AuthorName"] = "Lê Văn An", ["Text"] = "ngắn" });
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("Nội dung góp ý: từ 10 đến 4.000 ký tự.", await HtmlAsync(tooShort));
        var before = await App.QueryAsync(db => db.PublicComments.CountAsync(c => c.NominationId == n.Id));
        var ok = await browser.PostFormAsync("/Nominations/PublicList", new() { ["Id"] = S(n.Id), ["AuthorName"] = "Lê Văn An", ["AuthorContact"] = "an@example.vn", ["Text"] = "Tôi xác nhận thành tích của đồng chí là đúng sự thật." });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var c = await App.QueryAsync(db => db.PublicComments.OrderByDescending(c => c.Id).FirstAsync(c => c.NominationId == n.Id));
        Assert.Equal(before + 1, await App.QueryAsync(db => db.PublicComments.CountAsync(c => c.NominationId == n.Id)));
        Assert.Equal((CommentRuling.Pending, "Lê Văn An"), (c.Ruling, c.AuthorName));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Nhận ý kiến góp ý công khai" && a.EntityId == S(n.Id) && a.UserName == NominationActions.PublicUser)));
        var handler = await App.QueryAsync(db => db.Users.Where(u => u.Email == "hoidong.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(x => x.UserId == handler && x.Text.StartsWith("Có ý kiến góp ý mới"))));
    }

    [Fact]
    public async Task PublicComment_DossierNotInPublicComment_IsRefusedByName()
    {
        var other = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted);
        var r = await App.Browser().PostFormAsync("/Nominations/PublicList", new() { ["Id"] = S(other.Id), ["AuthorName"] = "X", ["Text"] = "Một ý kiến đủ dài để gửi." });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Hồ sơ: không có hồ sơ này trong danh sách đang lấy ý kiến.", await HtmlAsync(r));
        Assert.False(await App.QueryAsync(db => db.PublicComments.AnyAsync(c => c.NominationId == other.Id)));
    }

    [Fact]
    public async Task Submit_OfficerOfAnotherAgencyByPost_IsDeniedAndNothingChanges()
    {
        var hv = await WorkflowTestData.DossierAsync(App, "HVCTQG", NominationState.Draft);
        var own = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Draft);
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        AssertDenied(await officer.GetAsync(Act(hv.Id)));
        AssertDenied(await officer.PostFormAsync($"{Act(hv.Id)}?handler=Submit", new() { ["Version"] = S(hv.Version) }, Act(own.Id)));
        Assert.Equal(NominationState.Draft, (await ReloadAsync(App, hv.Id)).State);
    }

    [Fact]
    public async Task Accept_HandlerOfAnotherAgencyByPost_IsDenied()
    {
        var hv = await WorkflowTestData.DossierAsync(App, "HVCTQG", NominationState.Submitted, code: "CSTDCS");
        var own = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        AssertDenied(await Client.PostFormAsync($"{Act(hv.Id)}?handler=Accept", new() { ["Version"] = S(hv.Version) }, Act(own.Id)));
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, hv.Id)).State);
    }

    [Fact]
    public async Task Accept_OfficerWhoIsNotAHandler_IsDenied()
    {
        var own = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var draft = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Draft);
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        AssertDenied(await officer.PostFormAsync($"{Act(own.Id)}?handler=Accept", new() { ["Version"] = S(own.Version) }, Act(draft.Id)));
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, own.Id)).State);
    }

    [Fact]
    public async Task BlocSecretariat_AgencyLevelDossier_ReadsButMayNotAppraise()
    {
        var own = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var secretariat = await Shared.As("thuongtruc.khoi@thidua.vn");
        var html = await HtmlAsync(await secretariat.GetAsync(Act(own.Id)));
        Assert.DoesNotContain("id=\"wf-accept\"", html);
        var bloc = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, NominationLevel.Bloc);
        Assert.Contains("id=\"wf-accept\"", await HtmlAsync(await secretariat.GetAsync(Act(bloc.Id))));
        AssertDenied(await secretariat.PostFormAsync($"{Act(own.Id)}?handler=Accept", new() { ["Version"] = S(own.Version) }, Act(bloc.Id)));
    }

    [Fact]
    public async Task Return_StaleVersion_ShowsConflictAndKeepsTheReason()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var r = await Client.PostFormAsync($"{Act(n.Id)}?handler=Return", new() { ["Version"] = S(n.Version - 1), ["Reason"] = "Lý do tôi đã gõ" }, Act(n.Id));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await HtmlAsync(r);
        Assert.Contains(WorkflowConflictException.Text, html);
        Assert.Contains(">Lý do tôi đã gõ</textarea>", html);
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, n.Id)).State);
    }

    [Theory]
    [InlineData("Version", "abc", "Phiên bản hồ sơ")]
    [InlineData("Version", "99999999999999", "Phiên bản hồ sơ")]
    public async Task Post_HostileVersion_VietnameseMessageNamingTheField(string field, string value, string label)
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var r = await Client.PostFormAsync($"{Act(n.Id)}?handler=Reject", new() { [field] = value, ["Reason"] = "x" }, Act(n.Id));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(label, await HtmlAsync(r));
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, n.Id)).State);
    }

    [Fact]
    public async Task Reject_ReasonTooLong_IsRefusedByName()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var r = await Client.PostFormAsync($"{Act(n.Id)}?handler=Reject", new() { ["Version"] = S(n.Version), ["Reason"] = new string('x', 2001) }, Act(n.Id));
        Assert.Contains("Lý do không chấp nhận: tối đa 2.000 ký tự.", await HtmlAsync(r));
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, n.Id)).State);
    }

    [Fact]
    public async Task Act_UnknownId_IsNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Nominations/Workflow/Act/999999")).StatusCode);

    [Fact]
    public async Task Overdue_Handler_SeesOwnAgencysOverdueWithWorkingDays_NotAnotherAgencys()
    {
        var html = await HtmlAsync(await Client.GetAsync("/Nominations/Workflow/Overdue"));
        var overdue = await App.QueryAsync(db => db.Nominations.Where(n => n.Agency!.Code == "BTCTW" && n.State == NominationState.Submitted && n.DueOn != null)
            .OrderBy(n => n.DueOn).Select(n => n.Id).FirstAsync());
        var hv = await App.QueryAsync(db => db.Nominations.Where(n => n.Agency!.Code == "HVCTQG" && n.State == NominationState.Submitted && n.DueOn != null)
            .OrderBy(n => n.DueOn).Select(n => n.Id).FirstAsync());
        Assert.Contains($"href=\"/Nominations/Workflow/Act/{S(overdue)}\"", html);
        Assert.DoesNotContain($"href=\"/Nominations/Workflow/Act/{S(hv)}\"", html);
        Assert.Matches("<td class=\"num\">[1-9][0-9]*</td>", html);
    }

    [Fact]
    public async Task Rule_CommentOfAnotherDossierByHiddenId_IsRefused()
    {
        var open = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.PublicComment, code: "CSTDTQ");
        var foreign = await App.QueryAsync(db => db.PublicComments.Where(c => db.Nominations.Any(n => n.Id == c.NominationId && n.Agency!.Code == "HVCTQG")).Select(c => c.Id).FirstAsync());
        var r = await Client.PostFormAsync($"{Act(open.Id)}?handler=Rule", new() { ["Version"] = S(open.Version), ["CommentId"] = S(foreign), ["Ruling"] = "Dismissed", ["Reason"] = "x" }, Act(open.Id));
        Assert.Contains("Ý kiến góp ý: không có trong hồ sơ này.", await HtmlAsync(r));
        Assert.Equal(CommentRuling.Dismissed, await App.QueryAsync(db => db.PublicComments.Where(c => c.Id == foreign).Select(c => c.Ruling).SingleAsync()));
    }

    [Fact]
    public async Task Bulk_AgencyHandlerPostsAnotherAgencysId_IsSkippedNotAccepted()
    {
        var hv = await WorkflowTestData.DossierAsync(App, "HVCTQG", NominationState.Submitted, code: "CSTDCS");
        var token = await Client.AntiforgeryTokenAsync("/Nominations/Workflow/Bulk");
        var r = await Client.PostAsync("/Nominations/Workflow/Bulk?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["Selected"] = $"{S(hv.Id)}-{S(hv.Version)}", ["__RequestVerificationToken"] = token }));
        Assert.Contains("không thuộc quyền xử lý của bạn", await HtmlAsync(r));
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, hv.Id)).State);
        var bad = await Client.PostAsync("/Nominations/Workflow/Bulk?handler=Review", new FormUrlEncodedContent(new Dictionary<string, string> { ["Selected"] = "1;DROP", ["__RequestVerificationToken"] = token }));
        Assert.Contains("Hồ sơ được chọn: giá trị không hợp lệ", await HtmlAsync(bad));
    }
}

/// <summary>The workflow's moves that succeed (accept, submit, return, recall, rule, bulk): each on its own copy of the demo, as they change the dossiers the others pick.</summary>
public sealed class WorkflowPageWriteTests() : AppTest("hoidong.btctw@thidua.vn")
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await WorkflowTestData.SeedDemoAsync(App);
    }

    [Fact]
    public async Task Accept_OwnAgencySubmitted_TwoTransitionsToReadyForCouncilAndAudited()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var flash = await Client.FlashAfterAsync(await Client.PostFormAsync($"{Act(n.Id)}?handler=Accept", new() { ["Version"] = S(n.Version), ["Reason"] = "Đạt" }, Act(n.Id)));
        Assert.Contains("Chờ Hội đồng xét", flash);
        var after = await ReloadAsync(App, n.Id);
        Assert.Equal(NominationState.ReadyForCouncil, after.State);
        var moves = await App.QueryAsync(db => db.NominationTransitions.Where(t => t.NominationId == n.Id).OrderBy(t => t.Id).Select(t => t.To).ToListAsync());
        Assert.Equal(new[] { NominationState.Appraised, NominationState.ReadyForCouncil }, moves.TakeLast(2));
        Assert.Equal(2, await App.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Nomination" && a.EntityId == S(n.Id) && a.UserName == "hoidong.btctw@thidua.vn" && a.Action == "Chuyển trạng thái hồ sơ đề nghị")));
    }

    [Fact]
    public async Task Accept_PublicCommentForm_OpensWindowOfTenWorkingDays()
    {
        // A CSTĐTQ dossier of the agency, submitted again by its officer after a returned one: take a draft and make it CSTĐTQ.
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Draft);
        await App.ExecuteAsync(async db => { await db.Nominations.Where(x => x.Id == n.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Code, "CSTDTQ")); });
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Act(n.Id)}?handler=Submit", new() { ["Version"] = S(n.Version), ["Justification"] = "Đơn vị đề nghị theo kết quả bình xét (kiểm thử)." }, Act(n.Id))).StatusCode);
        var submitted = await ReloadAsync(App, n.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{Act(n.Id)}?handler=Accept", new() { ["Version"] = S(submitted.Version) }, Act(n.Id))).StatusCode);
        var after = await ReloadAsync(App, n.Id);
        Assert.Equal(NominationState.PublicComment, after.State);
        var cal = await App.QueryAsync(db => WorkingCalendar.LoadAsync(db));
        Assert.Equal(10, cal.WorkingDaysBetween(after.PublicCommentFrom!.Value, after.PublicCommentUntil!.Value));
        Assert.Equal(after.PublicCommentUntil, after.DueOn);
        // The window is open: the council must wait.
        var refused = await Client.PostFormAsync($"{Act(n.Id)}?handler=ToCouncil", new() { ["Version"] = S(after.Version) }, Act(n.Id));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Chưa hết thời gian lấy ý kiến công khai", await HtmlAsync(refused));
        Assert.Equal(NominationState.PublicComment, (await ReloadAsync(App, n.Id)).State);
    }

    [Fact]
    public async Task Submit_OfficerOwnDraft_DueInTenWorkingDaysAndHandlersNotified()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Draft);
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        // The dossier's subject may be "not eligible" by the engine (DossierChecks): the officer writes a justification.
        var flash = await officer.FlashAfterAsync(await officer.PostFormAsync($"{Act(n.Id)}?handler=Submit",
            new() { ["Version"] = S(n.Version), ["Justification"] = "Đơn vị đề nghị theo kết quả bình xét (kiểm thử)." }, Act(n.Id)));
        Assert.Equal("Đã gửi hồ sơ để thẩm định.", flash);
        var after = await ReloadAsync(App, n.Id);
        Assert.Equal(NominationState.Submitted, after.State);
        var cal = await App.QueryAsync(db => WorkingCalendar.LoadAsync(db));
        var today = NominationActions.VietnamDate(after.StateChangedUtc);
        Assert.Equal(cal.AddWorkingDays(today, 10), after.DueOn);
        var handler = await App.QueryAsync(db => db.Users.Where(u => u.Email == "hoidong.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(x => x.UserId == handler && x.Url == Act(n.Id))));
    }

    [Fact]
    public async Task Return_WithoutReason_IsRefusedInVietnamese_WithReason_NotifiesOfficers()
    {
        var n = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.Submitted, code: "CSTDCS");
        var refused = await Client.PostFormAsync($"{Act(n.Id)}?handler=Return", new() { ["Version"] = S(n.Version), ["Reason"] = "  " }, Act(n.Id));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Lý do trả lại: không được để trống.", await HtmlAsync(refused));
        Assert.Equal(NominationState.Submitted, (await ReloadAsync(App, n.Id)).State);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{Act(n.Id)}?handler=Return", new() { ["Version"] = S(n.Version), ["Reason"] = "Thiếu biên bản họp" }, Act(n.Id))).StatusCode);
        Assert.Equal(NominationState.Returned, (await ReloadAsync(App, n.Id)).State);
        var officer = await App.QueryAsync(db => db.Users.Where(u => u.Email == "tdkt.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(x => x.UserId == officer && x.Kind == NotificationKind.DossierReturned && x.Text.EndsWith("Thiếu biên bản họp"))));
    }

    [Fact]
    public async Task Recall_Refused_AuditedShownInHistoryAndRequestCleared_ThenGranted_BackToDraft()
    {
        var n = await App.QueryAsync(db => db.Nominations.AsNoTracking().FirstAsync(x => x.Agency!.Code == "BTCTW" && x.RecallRequest != null && x.Level == NominationLevel.Agency));
        var accept = await Client.PostFormAsync($"{Act(n.Id)}?handler=Accept", new() { ["Version"] = S(n.Version) }, Act(n.Id));
        Assert.Contains("đề nghị rút hồ sơ", await HtmlAsync(accept));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{Act(n.Id)}?handler=RefuseRecall", new() { ["Version"] = S(n.Version), ["Reason"] = "Hồ sơ đã đủ để xét" }, Act(n.Id))).StatusCode);
        var after = await ReloadAsync(App, n.Id);
        Assert.Null(after.RecallRequest);
        Assert.Equal(NominationState.Submitted, after.State);
        Assert.Contains("Hồ sơ đã đủ để xét", await HtmlAsync(await Client.GetAsync(Act(n.Id))));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == NominationActions.RefuseRecallAction && a.EntityId == S(n.Id))));
        // The unit asks again; this time it is granted.
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormAsync($"{Act(n.Id)}?handler=Recall", new() { ["Version"] = S(after.Version), ["Reason"] = "Cần bổ sung" }, Act(n.Id))).StatusCode);
        var asked = await ReloadAsync(App, n.Id);
        Assert.Equal("Cần bổ sung", asked.RecallRequest);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{Act(n.Id)}?handler=GrantRecall", new() { ["Version"] = S(asked.Version) }, Act(n.Id))).StatusCode);
        var granted = await ReloadAsync(App, n.Id);
        Assert.Equal((NominationState.Draft, (string?)null), (granted.State, granted.RecallRequest));
    }

    [Fact]
    public async Task RuleAndCouncil_WindowEndedAllRuled_AdminSendsToCouncil_AcceptedCommentReturnsToAppraisal()
    {
        var admin = await App.SignInAsync("admin@thidua.vn");
        var ended = await WorkflowTestData.DossierAsync(App, "HVCTQG", NominationState.PublicComment, code: "CSTDTQ");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{Act(ended.Id)}?handler=ToCouncil", new() { ["Version"] = S(ended.Version) }, Act(ended.Id))).StatusCode);
        Assert.Equal(NominationState.ReadyForCouncil, (await ReloadAsync(App, ended.Id)).State);

        var open = await WorkflowTestData.DossierAsync(App, "BTCTW", NominationState.PublicComment, code: "CSTDTQ");
        var pending = await App.QueryAsync(db => db.PublicComments.Where(c => c.NominationId == open.Id && c.Ruling == CommentRuling.Pending).Select(c => c.Id).FirstAsync());
        var noReason = await Client.PostFormAsync($"{Act(open.Id)}?handler=Rule", new() { ["Version"] = S(open.Version), ["CommentId"] = S(pending), ["Ruling"] = "Accepted" }, Act(open.Id));
        Assert.Contains("Lý do kết luận: không được để trống.", await HtmlAsync(noReason));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{Act(open.Id)}?handler=Rule",
            new() { ["Version"] = S(open.Version), ["CommentId"] = S(pending), ["Ruling"] = "Accepted", ["Reason"] = "Cần xác minh lại sáng kiến" }, Act(open.Id))).StatusCode);
        var after = await ReloadAsync(App, open.Id);
        Assert.Equal(NominationState.Submitted, after.State);
        Assert.Equal(CommentRuling.Accepted, await App.QueryAsync(db => db.PublicComments.Where(c => c.Id == pending).Select(c => c.Ruling).SingleAsync()));
    }

    [Fact]
    public async Task Bulk_Secretariat_ConfirmNamesThem_AcceptsAll_SkipsTheChangedOne()
    {
        var secretariat = await App.SignInAsync("thuongtruc.khoi@thidua.vn");
        var waiting = await App.QueryAsync(db => db.Nominations.AsNoTracking().Where(n => n.Level == NominationLevel.Bloc && n.State == NominationState.Submitted && n.RecallRequest == null).OrderBy(n => n.Id).ToListAsync());
        Assert.True(waiting.Count >= 3);
        var list = await HtmlAsync(await secretariat.GetAsync("/Nominations/Workflow/Bulk"));
        Assert.All(waiting, n => Assert.Contains($"id=\"pick-{S(n.Id)}\"", list));
        var chosen = waiting.Take(3).ToList();
        var content = new List<KeyValuePair<string, string>>(chosen.Select(n => new KeyValuePair<string, string>("Selected", $"{S(n.Id)}-{S(n.Version)}")));
        var token = await secretariat.AntiforgeryTokenAsync("/Nominations/Workflow/Bulk");
        var review = await secretariat.PostAsync("/Nominations/Workflow/Bulk?handler=Review", new FormUrlEncodedContent(content.Append(new("__RequestVerificationToken", token))));
        var confirm = await HtmlAsync(review);
        Assert.Contains("Thẩm định đạt 3 hồ sơ sau?", confirm);
        // Someone returns the first one meanwhile.
        var hoidong = await App.SignInAsync("thuongtruc.khoi@thidua.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await hoidong.PostFormAsync($"{Act(chosen[0].Id)}?handler=Return", new() { ["Version"] = S(chosen[0].Version), ["Reason"] = "Thiếu tờ trình" }, Act(chosen[0].Id))).StatusCode);
        var result = await secretariat.PostAsync("/Nominations/Workflow/Bulk?handler=Accept", new FormUrlEncodedContent(content.Append(new("__RequestVerificationToken", token))));
        var html = await HtmlAsync(result);
        Assert.Contains("Đã thẩm định 2 hồ sơ; bỏ qua 1 hồ sơ.", html);
        Assert.Matches("id=\"bulk-skipped\"><li>[^<]+: hồ sơ vừa được thay đổi", html);
        Assert.Equal(NominationState.Returned, (await ReloadAsync(App, chosen[0].Id)).State);
        Assert.Equal(NominationState.ReadyForCouncil, (await ReloadAsync(App, chosen[1].Id)).State);
        Assert.Equal(NominationState.ReadyForCouncil, (await ReloadAsync(App, chosen[2].Id)).State);
    }
}
