using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Councils;
using ThiDua.Features.Nominations;
using ThiDua.Features.Notifications;

namespace ThiDua.Tests.Councils;

/// <summary>Councils through their pages and service: founding, members, sessions, agenda, quorum, ballots, recusal, written votes, closing, minutes, access by unit.</summary>
public sealed class CouncilPageTests() : AppTest("hoidong.btctw@thidua.vn")
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);
    private static readonly DateTime Now = new(2024, 3, 1, 2, 0, 0, DateTimeKind.Utc);

    private static readonly string[] BtMembers = ["thanhvien.btctw@thidua.vn", "hoidong.btctw@thidua.vn", "lanhdao.btctw@thidua.vn", "tdkt.btctw@thidua.vn", "canbo.btctw@thidua.vn"];

    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private async Task<List<int>> DossiersAsync(string agency, int count, NominationLevel level = NominationLevel.Agency, string code = "BK_BO")
    {
        var unit = await UnitIdAsync(agency);
        var bloc = await App.QueryAsync(db => db.Blocs.Select(b => b.Id).FirstAsync());
        return await App.QueryAsync(async db =>
        {
            var list = Enumerable.Range(0, count).Select(_ => new Nomination
            {
                Year = 2024, Code = code, Subject = NominationSubject.Collective, UnitId = unit, AgencyId = unit, Level = level, BlocId = level == NominationLevel.Bloc ? bloc : null,
                State = NominationState.ReadyForCouncil, CreatedBy = "test", CreatedUtc = Now, StateChangedUtc = Now,
            }).ToList();
            db.Nominations.AddRange(list);
            await db.SaveChangesAsync();
            return list.Select(n => n.Id).ToList();
        });
    }

    private async Task<int> FoundViaPageAsync()
    {
        // The demo year founds BTCTW's council and the bloc's; these tests found their own on a clean slate.
        await App.QueryAsync(async db =>
        {
            await db.CouncilBallots.ExecuteDeleteAsync();
            await db.CouncilParticipations.ExecuteDeleteAsync();
            await db.CouncilRecusals.ExecuteDeleteAsync();
            await db.CouncilAgendaItems.ExecuteDeleteAsync();
            await db.CouncilAttendances.ExecuteDeleteAsync();
            await db.CouncilSessions.ExecuteDeleteAsync();
            await db.CouncilThresholds.ExecuteDeleteAsync();
            await db.CouncilMembers.ExecuteDeleteAsync();
            return await db.Councils.ExecuteDeleteAsync();
        });
        var r = await Client.PostFormAsync("/Councils?handler=Found", new() { ["Name"] = "Hội đồng TĐKT Ban Tổ chức TW (thử)", ["kind"] = "agency" }, "/Councils");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return int.Parse(r.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private async Task AddMemberViaPageAsync(int council, string email, string role = "Member") =>
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Councils/Details/{council}?handler=Member", new()
        {
            ["email"] = email, ["fullName"] = "TV " + email, ["position"] = "Vụ trưởng", ["role"] = role, ["from"] = "01/01/2024",
        }, $"/Councils/Details/{council}")).StatusCode);

    /// <summary>A BTCTW council with five members and a draft session on 01/03/2024 whose agenda holds <paramref name="dossiers"/>.</summary>
    private async Task<(int Council, int Session, List<int> Dossiers)> DraftSessionAsync(int dossiers, string deadline = "31/12/2099 17:00")
    {
        var council = await FoundViaPageAsync();
        foreach (var e in BtMembers) await AddMemberViaPageAsync(council, e, e.StartsWith("hoidong", StringComparison.Ordinal) ? "Secretary" : "Member");
        var r = await Client.PostFormAsync($"/Councils/Details/{council}?handler=Session", new() { ["date"] = "01/03/2024", ["place"] = "Hà Nội", ["deadline"] = deadline }, $"/Councils/Details/{council}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var session = int.Parse(r.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
        var ids = await DossiersAsync("BTCTW", dossiers);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await Client.AntiforgeryTokenAsync($"/Councils/Agenda/{session}")) };
        fields.AddRange(ids.Select(i => new KeyValuePair<string, string>("ids", S(i))));
        var review = WebUtility.HtmlDecode(await (await Client.PostAsync($"/Councils/Agenda/{session}?handler=Review", new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
        Assert.Contains($"Đưa {dossiers} hồ sơ sau vào chương trình", review);
        fields.Add(new("version", S(await VersionAsync(session))));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostAsync($"/Councils/Agenda/{session}?handler=Confirm", new FormUrlEncodedContent(fields))).StatusCode);
        return (council, session, ids);
    }

    private Task<int> VersionAsync(int session) => App.QueryAsync(db => db.CouncilSessions.Where(s => s.Id == session).Select(s => s.Version).SingleAsync());

    private async Task<HttpResponseMessage> OpenAsync(int session) =>
        await Client.PostFormAsync($"/Councils/Open/{session}", new() { ["version"] = S(await VersionAsync(session)) });

    private Task<string> UserIdAsync(string email) => App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private async Task<HttpResponseMessage> CastViaPageAsync(HttpClient who, int session, int item, string choice, string? reason = null) =>
        await who.PostFormAsync($"/Councils/Ballot/{session}?handler=Cast", new() { ["itemId"] = S(item), ["choice"] = choice, ["reason"] = reason ?? "" }, $"/Councils/Ballot/{session}");

    private Task<List<int>> ItemsAsync(int session) => App.QueryAsync(db => db.CouncilAgendaItems.Where(i => i.SessionId == session).OrderBy(i => i.Order).Select(i => i.Id).ToListAsync());

    private async Task CastAsync(string email, int session, int item, CouncilChoice c, string? reason = null)
    {
        var uid = await UserIdAsync(email);
        await App.ExecuteAsync(db => new CouncilService(db).CastAsync(email, uid, session, item, c, reason, Now, CancellationToken.None));
    }

    [Fact]
    public async Task Open_BelowQuorum_RefusedWithVietnameseMessage()
    {
        var (_, session, _) = await DraftSessionAsync(1);
        var members = await App.QueryAsync(db => db.CouncilAttendances.Where(a => a.SessionId == session).Select(a => a.MemberId).ToListAsync());
        // 3 of 5 present: 3×3 = 9 < 10 → below two thirds.
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await Client.AntiforgeryTokenAsync($"/Councils/Session/{session}")), new("version", S(await VersionAsync(session))) };
        fields.AddRange(members.Take(3).Select(m => new KeyValuePair<string, string>("present", S(m))));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostAsync($"/Councils/Session/{session}?handler=Attendance", new FormUrlEncodedContent(fields))).StatusCode);
        var html = WebUtility.HtmlDecode(await (await OpenAsync(session)).Content.ReadAsStringAsync());
        Assert.Contains("Không đủ túc số: có mặt 3/5 thành viên, cần ít nhất 4", html);
        Assert.Equal(CouncilSessionState.Draft, await App.QueryAsync(db => db.CouncilSessions.Where(s => s.Id == session).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task FullSession_BallotsRecusalWrittenVote_ClosesWhenCompleteMovesDossiersAndNotifies()
    {
        var (_, session, dossiers) = await DraftSessionAsync(2);
        // canbo.btctw absent: votes in writing.
        var members = await App.QueryAsync(db => db.CouncilAttendances.Where(a => a.SessionId == session).Select(a => new { a.MemberId, a.Member!.UserId }).ToListAsync());
        var absentUser = await UserIdAsync("canbo.btctw@thidua.vn");
        var absent = members.Single(m => m.UserId == absentUser).MemberId;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await Client.AntiforgeryTokenAsync($"/Councils/Session/{session}")), new("version", S(await VersionAsync(session))) };
        fields.AddRange(members.Where(m => m.MemberId != absent).Select(m => new KeyValuePair<string, string>("present", S(m.MemberId))));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostAsync($"/Councils/Session/{session}?handler=Attendance", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(session)).StatusCode);
        // Every member notified with the ballot page.
        Assert.Equal(5, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.BallotToCast && n.Url == $"/Councils/Ballot/{session}")));
        var items = await ItemsAsync(session);

        var member = await App.SignInAsync("thanhvien.btctw@thidua.vn");
        Assert.Contains($"ballot-item-{items[0]}", await member.GetStringAsync($"/Councils/Ballot/{session}"));
        // "Other" and "disagree" need a reason.
        Assert.Contains("cần ghi lý do", WebUtility.HtmlDecode(await (await CastViaPageAsync(member, session, items[0], "Other")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await CastViaPageAsync(member, session, items[0], "Agree")).StatusCode);
        // A second ballot on the same item: refused.
        Assert.Contains("mỗi thành viên một phiếu", WebUtility.HtmlDecode(await (await CastViaPageAsync(member, session, items[0], "Disagree", "đổi ý")).Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await CastViaPageAsync(member, session, items[1], "Disagree", "Chưa đủ thành tích")).StatusCode);
        // Recusal: lanhdao declares a conflict on item 0 and cannot vote on it.
        var leader = await App.SignInAsync("lanhdao.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await leader.PostFormAsync($"/Councils/Ballot/{session}?handler=Recuse", new() { ["itemId"] = S(items[0]), ["reason"] = "Người thân công tác tại đơn vị" }, $"/Councils/Ballot/{session}")).StatusCode);
        Assert.Contains("không biểu quyết", WebUtility.HtmlDecode(await (await CastViaPageAsync(leader, session, items[0], "Agree")).Content.ReadAsStringAsync()));
        await CastAsync("lanhdao.btctw@thidua.vn", session, items[1], CouncilChoice.Disagree, "Không đạt");
        foreach (var e in new[] { "hoidong.btctw@thidua.vn", "tdkt.btctw@thidua.vn" })
            foreach (var i in items) await CastAsync(e, session, i, i == items[0] ? CouncilChoice.Agree : CouncilChoice.Other, i == items[0] ? null : "Cần bổ sung hồ sơ");
        // The absent member cannot vote in person; the secretariat enters the written ballot, once.
        var absentClient = await App.SignInAsync("canbo.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await absentClient.GetAsync("/Councils")).StatusCode); // Staff is refused the folder
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Councils/Session/{session}?handler=Written", new() { ["itemId"] = S(items[0]), ["memberId"] = S(absent), ["choice"] = "Agree", ["reference"] = "Phiếu giấy số 1" }, $"/Councils/Session/{session}")).StatusCode);
        Assert.Contains("mỗi thành viên một phiếu", WebUtility.HtmlDecode(await (await Client.PostFormAsync($"/Councils/Session/{session}?handler=Written", new() { ["itemId"] = S(items[0]), ["memberId"] = S(absent), ["choice"] = "Agree", ["reference"] = "Phiếu giấy số 2" }, $"/Councils/Session/{session}")).Content.ReadAsStringAsync()));
        Assert.Equal(CouncilSessionState.Open, await App.QueryAsync(db => db.CouncilSessions.Where(s => s.Id == session).Select(s => s.State).SingleAsync()));
        // The last written ballot completes the session: it closes by itself.
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Councils/Session/{session}?handler=Written", new() { ["itemId"] = S(items[1]), ["memberId"] = S(absent), ["choice"] = "Agree", ["reference"] = "Phiếu giấy số 1" }, $"/Councils/Session/{session}")).StatusCode);
        var s = await App.QueryAsync(db => db.CouncilSessions.SingleAsync(x => x.Id == session));
        Assert.Equal((CouncilSessionState.Closed, CouncilService.ClosedComplete), (s.State, s.ClosedHow));
        // Item 0: 4 agree of 5 (> half) → approved; item 1: 1 agree of 5 → refused.
        var states = await App.QueryAsync(db => db.Nominations.Where(n => dossiers.Contains(n.Id)).OrderBy(n => n.Id).Select(n => n.State).ToListAsync());
        Assert.Equal([NominationState.CouncilApproved, NominationState.CouncilRefused], states);
        var reason = await App.QueryAsync(db => db.NominationTransitions.Where(t => t.NominationId == dossiers[0] && t.To == NominationState.CouncilApproved).Select(t => t.Reason).SingleAsync());
        Assert.Contains("Đồng ý 4/5", reason);
        // The proposing agency's officers are told the results, with a link to their own dossiers (two here: the list), which they can open.
        var officer = await UserIdAsync("tdkt.btctw@thidua.vn");
        var result = await App.QueryAsync(db => db.Notifications.SingleAsync(n => n.UserId == officer && n.DedupKey!.StartsWith($"council-result-{session}-")));
        Assert.Contains("Hội đồng không đồng ý", result.Text, StringComparison.Ordinal);
        Assert.Equal("/Nominations", result.Url);
        Assert.Equal(HttpStatusCode.OK, (await (await App.SignInAsync("tdkt.btctw@thidua.vn")).GetAsync(result.Url)).StatusCode);
        // The results page lists the recusal with its name and the reasons without names; the minutes are valid.
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Councils/Session/{session}"));
        Assert.Contains("Người thân công tác tại đơn vị", html);
        Assert.Contains("Cần bổ sung hồ sơ", html);
        var docx = await Client.GetAsync($"/Councils/Session/{session}?handler=Minutes");
        Assert.Equal($"bien-ban-hop-hoi-dong-2024-03-01-{session}.docx", docx.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.Contains("-BB/HĐTĐKT", text);
        Assert.Contains("có phiếu bằng văn bản", text);
        Assert.Contains("Người thân công tác tại đơn vị", text);
        // Audit rows.
        var actions = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "CouncilSession" && a.EntityId == S(session)).Select(a => a.Action).ToListAsync());
        Assert.Contains("Mở bỏ phiếu phiên họp Hội đồng TĐKT", actions);
        Assert.Contains("Khai xung đột lợi ích", actions);
        Assert.Contains("Kết thúc bỏ phiếu phiên họp Hội đồng TĐKT", actions);
        // Nothing in the audit names a choice next to a member.
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CouncilSession" && a.EntityId == S(session) && (a.Details!.Contains("Đồng ý") && a.Action == "Nhập phiếu bằng văn bản"))));
    }

    [Fact]
    public async Task StoredBallots_HaveNoMemberNoTime_AndAreRekeyedAtClosing()
    {
        var (ballotColumns, partColumns) = await App.QueryAsync(db => Task.FromResult((
            db.Model.FindEntityType(typeof(CouncilBallot))!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList(),
            db.Model.FindEntityType(typeof(CouncilParticipation))!.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList())));
        Assert.Equal(["Choice", "Id", "ItemId", "Reason"], ballotColumns);
        Assert.Equal(["Id", "ItemId", "MemberId", "Written", "WrittenReference"], partColumns);
        Assert.Equal(0, await App.QueryAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(CouncilBallot))!.GetForeignKeys().Count(f => f.PrincipalEntityType.ClrType != typeof(CouncilAgendaItem)))));

        var (_, session, _) = await DraftSessionAsync(1);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(session)).StatusCode);
        var item = (await ItemsAsync(session))[0];
        foreach (var e in BtMembers.Take(4)) await CastAsync(e, session, item, CouncilChoice.Agree);
        var before = await App.QueryAsync(db => db.CouncilBallots.Where(b => b.ItemId == item).Select(b => b.Id).ToListAsync());
        var beforeParts = await App.QueryAsync(db => db.CouncilParticipations.Where(b => b.ItemId == item).Select(b => b.Id).ToListAsync());
        await CastAsync(BtMembers[4], session, item, CouncilChoice.Agree);
        var after = await App.QueryAsync(db => db.CouncilBallots.Where(b => b.ItemId == item).Select(b => b.Id).ToListAsync());
        Assert.Equal(5, after.Count);
        Assert.Empty(after.Intersect(before));
        Assert.Empty((await App.QueryAsync(db => db.CouncilParticipations.Where(b => b.ItemId == item).Select(b => b.Id).ToListAsync())).Intersect(beforeParts));
        // No page shows a member's choice: the secretariat's session page shows counts only.
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Councils/Session/{session}"));
        var attendance = Regex.Match(html, "id=\"attendance\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("1/1", attendance);
        Assert.DoesNotContain("Đồng ý", attendance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_BeforeDeadlineIncomplete_RefusedThenByDeadlineCountsWhatWasCast()
    {
        var (_, session, dossiers) = await DraftSessionAsync(1);
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(session)).StatusCode);
        var item = (await ItemsAsync(session))[0];
        foreach (var e in BtMembers.Take(4)) await CastAsync(e, session, item, CouncilChoice.Agree);
        var ex = await Assert.ThrowsAsync<CouncilException>(() => App.QueryAsync(db => new CouncilService(db).CloseAsync("x", session, Now, CancellationToken.None).ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; })));
        Assert.Contains("Chưa đến hạn bỏ phiếu", ex.Message);
        Assert.Contains("id=\"not-yet\"", await Client.GetStringAsync($"/Councils/Close/{session}"));
        await App.QueryAsync(async db => { await new CouncilService(db).CloseAsync("hoidong.btctw@thidua.vn", session, new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None); return 0; });
        var s = await App.QueryAsync(db => db.CouncilSessions.SingleAsync(x => x.Id == session));
        Assert.Equal((CouncilSessionState.Closed, CouncilService.ClosedDeadline), (s.State, s.ClosedHow));
        Assert.Equal(NominationState.CouncilApproved, await App.QueryAsync(db => db.Nominations.Where(n => n.Id == dossiers[0]).Select(n => n.State).SingleAsync()));
        // After closing no ballot is accepted.
        var late = await Assert.ThrowsAsync<CouncilException>(() => CastAsync(BtMembers[4], session, item, CouncilChoice.Agree));
        Assert.Contains("không ở trạng thái đang bỏ phiếu", late.Message);
    }

    [Fact]
    public async Task OtherAgency_GetsNothingByUrlPostOrChangedId()
    {
        var (council, session, _) = await DraftSessionAsync(1);
        var hv = await App.SignInAsync("tdkt.hvctqg@thidua.vn");
        foreach (var url in new[] { $"/Councils/Details/{council}", $"/Councils/Session/{session}", $"/Councils/Agenda/{session}", $"/Councils/Open/{session}", $"/Councils/Close/{session}", $"/Councils/Ballot/{session}" })
            Assert.Equal(HttpStatusCode.Redirect, (await hv.GetAsync(url)).StatusCode);
        Assert.DoesNotContain($"/Councils/Details/{council}", await hv.GetStringAsync("/Councils"));
        // Posts by another agency's officer: refused, nothing changed.
        var r = await hv.PostFormAsync($"/Councils/Details/{council}?handler=Member", new() { ["email"] = "tdkt.hvctqg@thidua.vn", ["fullName"] = "X", ["role"] = "Member", ["from"] = "01/01/2024" }, "/Votes/Cast");
        Assert.Contains("AccessDenied", r.Headers.Location?.ToString() ?? "");
        Assert.Equal(5, await App.QueryAsync(db => db.CouncilMembers.CountAsync(m => m.CouncilId == council)));
        // BTCTW's officer reads but does not manage; a HVCTQG dossier cannot be put on BTCTW's agenda (changed id).
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Councils/Session/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync($"/Councils/Open/{session}")).StatusCode);
        var foreign = (await DossiersAsync("HVCTQG", 1))[0];
        var html = WebUtility.HtmlDecode(await (await Client.PostFormAsync($"/Councils/Agenda/{session}?handler=Confirm", new() { ["ids"] = S(foreign), ["version"] = S(await VersionAsync(session)) }, $"/Councils/Session/{session}")).Content.ReadAsStringAsync());
        Assert.Contains("không thể đưa vào chương trình", html);
        // Bounds: a hostile date, threshold and text get a Vietnamese message, not a 500.
        var bad = await Client.PostFormAsync($"/Councils/Details/{council}?handler=Session", new() { ["date"] = "31/02/99999", ["place"] = "x", ["deadline"] = "x" }, $"/Councils/Details/{council}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Ngày họp", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var t = await Client.PostFormAsync($"/Councils/Details/{council}?handler=Threshold", new() { ["code"] = "BK_BO", ["percent"] = "150", ["source"] = "x" }, $"/Councils/Details/{council}");
        Assert.Contains("Ngưỡng đồng ý phải lớn hơn 0", WebUtility.HtmlDecode(await t.Content.ReadAsStringAsync()));
        var longName = await Client.PostFormAsync($"/Councils/Details/{council}?handler=Member", new() { ["email"] = "tdkt.hvctqg@thidua.vn", ["fullName"] = new string('a', 5000), ["role"] = "Member", ["from"] = "01/01/2024" }, $"/Councils/Details/{council}");
        Assert.Contains("tối đa 200 ký tự", WebUtility.HtmlDecode(await longName.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task EditCouncil_StaleVersion_ConflictMessageKeepsInput()
    {
        var council = await FoundViaPageAsync();
        var v = await App.QueryAsync(db => db.Councils.Where(c => c.Id == council).Select(c => c.Version).SingleAsync());
        Dictionary<string, string> Form(string name) => new() { ["Name"] = name, ["QuorumNumerator"] = "2", ["QuorumDenominator"] = "3", ["QuorumSource"] = "Quy chế", ["Version"] = S(v) };
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Councils/Details/{council}?handler=Edit", Form("Tên mới 1"), $"/Councils/Details/{council}")).StatusCode);
        var html = WebUtility.HtmlDecode(await (await Client.PostFormAsync($"/Councils/Details/{council}?handler=Edit", Form("Tên mới 2"), $"/Councils/Details/{council}")).Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác sửa", html);
        Assert.Contains("value=\"Tên mới 2\"", html);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Council" && a.Action == "Sửa Hội đồng TĐKT")));
    }

    [Fact]
    public async Task Demo_CouncilsStep_BlocSessionAllApprovedBtctwClosedAndOpenSessions()
    {
        // The demo year as seeded: the bloc council's session of 04/03/2020 took every 2019 bloc dossier (13 + 35),
        // one member absent voting in writing on each; all passed and were then decided by the bloc leader.
        var blocSession = await App.QueryAsync(db => db.CouncilSessions.Include(s => s.Council).SingleAsync(s => s.Council!.BlocId != null));
        Assert.Equal((CouncilSessionState.Closed, new DateOnly(2020, 3, 4), CouncilsDemo.BlocCouncilName), (blocSession.State, blocSession.MeetingDate, blocSession.Council!.Name));
        var items = await App.QueryAsync(db => db.CouncilAgendaItems.Where(i => i.SessionId == blocSession.Id).Select(i => new { i.Id, i.NominationId }).ToListAsync());
        Assert.Equal(48, items.Count);
        var itemIds = items.Select(i => i.Id).ToList();
        var dossierIds = items.Select(i => i.NominationId).ToList();
        Assert.Equal(48, await App.QueryAsync(db => db.CouncilParticipations.CountAsync(p => itemIds.Contains(p.ItemId) && p.Written)));
        Assert.All(await App.QueryAsync(db => db.Nominations.Where(n => dossierIds.Contains(n.Id)).Select(n => new { n.Year, n.Code, n.State }).ToListAsync()),
            n => Assert.Equal((2019, "BK_BO", NominationState.Decided), (n.Year, n.Code, n.State)));
        Assert.Equal(48, await App.QueryAsync(db => db.NominationTransitions.CountAsync(t => dossierIds.Contains(t.NominationId) && t.To == NominationState.CouncilApproved)));

        // BTCTW's council: a closed session with one dossier approved and one refused, and an open one where
        // thanhvien.btctw still has a ballot to cast.
        var btSessions = await App.QueryAsync(db => db.CouncilSessions.Where(s => s.Council!.AgencyId != null).Select(s => new { s.Id, s.State }).ToListAsync());
        var closed = btSessions.Where(s => s.State == CouncilSessionState.Closed).Select(s => s.Id).ToList();
        var closedStates = await App.QueryAsync(db => db.CouncilAgendaItems.Where(i => closed.Contains(i.SessionId)).Select(i => i.NominationId)
            .SelectMany(id => db.NominationTransitions.Where(t => t.NominationId == id && (t.To == NominationState.CouncilApproved || t.To == NominationState.CouncilRefused)).Select(t => t.To)).ToListAsync());
        Assert.Contains(NominationState.CouncilApproved, closedStates);
        Assert.Contains(NominationState.CouncilRefused, closedStates);
        var open = Assert.Single(btSessions, s => s.State == CouncilSessionState.Open);
        var member = await App.SignInAsync("thanhvien.btctw@thidua.vn");
        var page = await member.GetStringAsync($"/Councils/Ballot/{open.Id}");
        Assert.Contains("name=\"choice\"", page);
        Assert.Contains($"/Councils/Ballot/{open.Id}", await member.GetStringAsync("/Councils"));
        var uyvien = await App.SignInAsync("uyvien1.khoi@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await uyvien.GetAsync($"/Councils/Session/{blocSession.Id}")).StatusCode);
    }

    // ---------------------------------------------------------------- editing a session (date, place, deadline)

    private async Task<HttpResponseMessage> EditSessionAsync(HttpClient who, int session, string date, string place, string deadline, string? version = null, string? tokenPage = null) =>
        await who.PostFormAsync($"/Councils/EditSession/{session}", new()
        {
            ["date"] = date, ["place"] = place, ["deadline"] = deadline, ["version"] = version ?? S(await VersionAsync(session)),
        }, tokenPage ?? $"/Councils/EditSession/{session}");

    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    [Fact]
    public async Task EditSession_Draft_SavesDatePlaceDeadlineAndAuditsBeforeAfter()
    {
        var (_, session, _) = await DraftSessionAsync(1);
        Assert.Contains("Sửa ngày, địa điểm, hạn bỏ phiếu", WebUtility.HtmlDecode(await Client.GetStringAsync($"/Councils/Session/{session}")));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/Councils/EditSession/{session}")).StatusCode);
        var r = await EditSessionAsync(Client, session, "02/03/2024", "Hội trường A, 2 Hoàng Văn Thụ", "30/12/2099 16:30");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var s = await App.QueryAsync(db => db.CouncilSessions.AsNoTracking().SingleAsync(x => x.Id == session));
        Assert.Equal(new DateOnly(2024, 3, 2), s.MeetingDate);
        Assert.Equal("Hội trường A, 2 Hoàng Văn Thụ", s.Place);
        Assert.Equal(new DateTime(2099, 12, 30, 9, 30, 0, DateTimeKind.Utc), s.VoteDeadlineUtc);
        Assert.Equal(5, await App.QueryAsync(db => db.CouncilAttendances.CountAsync(a => a.SessionId == session)));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "CouncilSession" && a.EntityId == S(session) && a.Action == "Sửa phiên họp Hội đồng TĐKT").Select(a => a.Details!).SingleAsync());
        Assert.Contains("trước: họp ngày 01/03/2024 tại Hà Nội", audit);
        Assert.Contains("→ sau: họp ngày 02/03/2024 tại Hội trường A", audit);
    }

    [Fact]
    public async Task EditSession_StaleVersion_ConflictMessageKeepsInput()
    {
        var (_, session, _) = await DraftSessionAsync(1);
        var v = S(await VersionAsync(session));
        Assert.Equal(HttpStatusCode.Redirect, (await EditSessionAsync(Client, session, "01/03/2024", "Phòng họp 1", "31/12/2099 17:00", v)).StatusCode);
        var r = await EditSessionAsync(Client, session, "01/03/2024", "Phòng họp 2", "31/12/2099 17:00", v);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await HtmlAsync(r);
        Assert.Contains("vừa được người khác thay đổi", html);
        Assert.Contains("value=\"Phòng họp 2\"", html);
        Assert.Equal("Phòng họp 1", await App.QueryAsync(db => db.CouncilSessions.Where(x => x.Id == session).Select(x => x.Place).SingleAsync()));
    }

    [Fact]
    public async Task EditSession_Open_OnlyPlaceAndLaterDeadline()
    {
        var (_, session, _) = await DraftSessionAsync(1, "30/12/2099 17:00");
        Assert.Equal(HttpStatusCode.Redirect, (await OpenAsync(session)).StatusCode);
        var earlier = await HtmlAsync(await EditSessionAsync(Client, session, "01/03/2024", "Hà Nội", "29/12/2099 17:00"));
        Assert.Contains("chỉ được gia hạn", earlier);
        var moved = await HtmlAsync(await EditSessionAsync(Client, session, "05/03/2024", "Hà Nội", "30/12/2099 17:00"));
        Assert.Contains("Ngày họp: không sửa được khi đang bỏ phiếu", moved);
        Assert.Equal(HttpStatusCode.Redirect, (await EditSessionAsync(Client, session, "01/03/2024", "Phòng họp trực tuyến", "31/12/2099 17:00")).StatusCode);
        var s = await App.QueryAsync(db => db.CouncilSessions.AsNoTracking().SingleAsync(x => x.Id == session));
        Assert.Equal((new DateOnly(2024, 3, 1), "Phòng họp trực tuyến", CouncilSessionState.Open), (s.MeetingDate, s.Place, s.State));
        Assert.Equal(new DateTime(2099, 12, 31, 10, 0, 0, DateTimeKind.Utc), s.VoteDeadlineUtc);
    }

    [Fact]
    public async Task EditSession_Closed_RefusedByPageAndPost()
    {
        var (_, session, _) = await DraftSessionAsync(1);
        await App.QueryAsync(db => db.CouncilSessions.Where(x => x.Id == session).ExecuteUpdateAsync(x => x.SetProperty(p => p.State, CouncilSessionState.Closed)));
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Councils/EditSession/{session}"));
        Assert.Contains("Phiên họp đã kết thúc", page);
        Assert.DoesNotContain("id=\"edit-session\"", page);
        Assert.DoesNotContain("/Councils/EditSession/", WebUtility.HtmlDecode(await Client.GetStringAsync($"/Councils/Session/{session}")));
        var r = await EditSessionAsync(Client, session, "01/03/2024", "Nơi khác", "31/12/2099 17:00", tokenPage: $"/Councils/Session/{session}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("Phiên họp đã kết thúc", await HtmlAsync(r));
        Assert.Equal("Hà Nội", await App.QueryAsync(db => db.CouncilSessions.Where(x => x.Id == session).Select(x => x.Place).SingleAsync()));
    }

    [Fact]
    public async Task EditSession_OtherAgencyOrReader_RefusedByUrlAndPost()
    {
        var (_, session, _) = await DraftSessionAsync(1);
        foreach (var who in new[] { "tdkt.hvctqg@thidua.vn", "tdkt.btctw@thidua.vn", "thanhvien.btctw@thidua.vn" })
        {
            var c = await App.SignInAsync(who);
            var get = await c.GetAsync($"/Councils/EditSession/{session}");
            Assert.Contains("AccessDenied", get.Headers.Location?.ToString() ?? "");
            var post = await EditSessionAsync(c, session, "01/03/2024", "Bị sửa", "31/12/2099 17:00", tokenPage: "/Votes/Cast");
            Assert.Contains("AccessDenied", post.Headers.Location?.ToString() ?? "");
        }
        Assert.Equal("Hà Nội", await App.QueryAsync(db => db.CouncilSessions.Where(x => x.Id == session).Select(x => x.Place).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Councils/EditSession/999999")).StatusCode);
        // A posted "id" field is not read: the session is the route's.
        var r = await Client.PostFormAsync($"/Councils/EditSession/{session}", new() { ["id"] = "999999", ["date"] = "01/03/2024", ["place"] = "Phòng 3", ["deadline"] = "31/12/2099 17:00", ["version"] = S(await VersionAsync(session)) }, $"/Councils/EditSession/{session}");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("Phòng 3", await App.QueryAsync(db => db.CouncilSessions.Where(x => x.Id == session).Select(x => x.Place).SingleAsync()));
    }

    [Fact]
    public async Task EditSession_HostileValues_VietnameseMessagesNoError()
    {
        var (_, session, _) = await DraftSessionAsync(1);
        var bad = await EditSessionAsync(Client, session, "31/02/99999", new string('x', 5000), "<script>", "abc");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await HtmlAsync(bad);
        Assert.Contains("Ngày họp: hãy ghi theo dạng", html);
        Assert.Contains("Hạn bỏ phiếu: hãy ghi theo dạng", html);
        Assert.Contains("Địa điểm: tối đa 200 ký tự", html);
        Assert.Contains("Phiên bản phiên họp không hợp lệ", html);
        Assert.Contains("Hạn bỏ phiếu mới phải sau thời điểm hiện tại", await HtmlAsync(await EditSessionAsync(Client, session, "01/03/2024", "Hà Nội", "05/03/2024 08:00")));
        Assert.Contains("Hạn bỏ phiếu không được trước ngày họp", await HtmlAsync(await EditSessionAsync(Client, session, "01/03/2099", "Hà Nội", "31/12/2098 17:00")));
        Assert.Contains("Ngày họp phải trong các năm 2000–2100", await HtmlAsync(await EditSessionAsync(Client, session, "01/03/1999", "Hà Nội", "31/12/2099 17:00")));
        Assert.Contains("Địa điểm là bắt buộc", await HtmlAsync(await EditSessionAsync(Client, session, "01/03/2024", "   ", "31/12/2099 17:00")));
        Assert.Contains("không có thành viên nào", await HtmlAsync(await EditSessionAsync(Client, session, "01/03/2023", "Hà Nội", "31/12/2099 17:00")));
        Assert.Equal("Hà Nội", await App.QueryAsync(db => db.CouncilSessions.Where(x => x.Id == session).Select(x => x.Place).SingleAsync()));
    }
}
