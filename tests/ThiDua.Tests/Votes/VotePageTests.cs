using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Awards;
using ThiDua.Features.Votes;
using ThiDua.Tests.Agreements;

namespace ThiDua.Tests.Votes;

/// <summary>The vote through its pages: the secretariat runs a session, delegates cast with tokens, the count, proposals, secrecy of the stored rows, access by unit.</summary>
/// <remarks>One app for the class: these tests read the demo 2019 session or are refused; those that save create, open and close their own 2024 session, found by its own id.</remarks>
public sealed partial class VotePageTests(SharedApp shared) : SharedAppTest(shared, "thuongtruc.khoi@thidua.vn")
{
    [GeneratedRegex("class=\"vote-token\">([A-Z0-9-]+)<")]
    private static partial Regex TokenPattern();

    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());
    private Task<int> VersionAsync(int id) => App.QueryAsync(db => db.VoteSessions.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());

    private async Task<int> CreateSessionAsync(int year = 2024)
    {
        var response = await Client.PostFormAsync("/Votes/Edit", new()
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = S(year), ["Input.Title"] = "Bỏ phiếu thử", ["Input.MeetingDate"] = "05/03/2025",
            ["Input.Place"] = "Hà Nội", ["Input.CountingBoard"] = "Người A\nNgười B", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> PostQuestionAsync(int id, string[] candidates, int places, string code = "CO_CP", HttpClient? as_ = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.AwardCode"] = code, ["Input.Places"] = S(places), ["Input.QuorumPercent"] = "50", ["Input.ThresholdPercent"] = "50",
            ["Input.ThresholdOf"] = "Present", ["Input.LegalBasis"] = VoteService.DefaultBasis, ["Input.Version"] = S(await VersionAsync(id)),
        };
        for (var i = 0; i < candidates.Length; i++) fields[$"Input.Orders[{await UnitIdAsync(candidates[i])}]"] = S(i + 1);
        return await (as_ ?? Client).PostFormAsync($"/Votes/Question/{id}", fields, $"/Votes/Question/{id}");
    }

    private async Task AddDelegateAsync(int id, string agency, string name) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Votes/Details/{id}?handler=Delegate", new()
        {
            ["DelegateUnitId"] = S(await UnitIdAsync(agency)), ["DelegateName"] = name, ["DelegatePosition"] = "Đại biểu", ["Version"] = S(await VersionAsync(id)),
        }, $"/Votes/Details/{id}")).StatusCode);

    private async Task<List<string>> OpenAsync(int id)
    {
        var response = await Client.PostFormAsync($"/Votes/Open/{id}", new() { ["Version"] = S(await VersionAsync(id)) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TokenPattern().Matches(await response.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>A session with CO_CP over four agencies (3 places) and <paramref name="delegates"/> delegates, opened; returns its id and tokens.</summary>
    private async Task<(int Id, List<string> Tokens, Dictionary<string, int> Candidates)> OpenSessionAsync(int delegates)
    {
        var id = await CreateSessionAsync();
        string[] agencies = ["BTCTW", "HVCTQG", "DUKCQTW", "VPTW", "UBKTTW", "BTGTW", "BDNTW", "BKTTW"];
        Assert.Equal(HttpStatusCode.Redirect, (await PostQuestionAsync(id, agencies[..4], 3)).StatusCode);
        for (var i = 0; i < delegates; i++) await AddDelegateAsync(id, agencies[i], $"Đại biểu {i + 1}");
        var tokens = await OpenAsync(id);
        Assert.Equal(delegates, tokens.Count);
        var candidates = await App.QueryAsync(db => db.VoteCandidates.Where(c => c.Question!.SessionId == id).Select(c => new { c.Unit!.Code, c.Id }).ToDictionaryAsync(c => c.Code, c => c.Id));
        return (id, tokens, candidates);
    }

    private async Task<HttpResponseMessage> CastAsync(HttpClient voter, string token, params int[] candidateIds)
    {
        var token_ = await voter.AntiforgeryTokenAsync("/Votes/Cast");
        var fields = new List<KeyValuePair<string, string>> { new("Token", token), new("__RequestVerificationToken", token_) };
        fields.AddRange(candidateIds.Select(c => new KeyValuePair<string, string>("Choices", S(c))));
        return await voter.PostAsync("/Votes/Cast?handler=Cast", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Demo2019_ConferenceVoteIsClosedWithThreeUnanimousCoCpProposals()
    {
        var s = await App.QueryAsync(db => db.VoteSessions.Include(x => x.Questions).ThenInclude(q => q.Candidates).SingleAsync(x => x.Year == 2019));
        Assert.Equal((VoteState.Closed, new DateOnly(2020, 3, 4), "Hà Nội"), (s.State, s.MeetingDate, s.Place));
        var q = Assert.Single(s.Questions);
        Assert.Equal(("CO_CP", 3), (q.AwardCode, q.Places));
        Assert.Equal(14, await App.QueryAsync(db => db.VoteDelegates.CountAsync(d => d.SessionId == s.Id && d.Used && d.TokenHash == null && d.FullName.EndsWith("(minh họa)"))));
        Assert.Equal(14, await App.QueryAsync(db => db.Ballots.CountAsync(b => b.SessionId == s.Id && !b.Spoiled && b.Marks.Count == 3)));
        var flags = await App.QueryAsync(db => db.Awards.Where(a => a.Year == 2019 && a.Code == "CO_CP").Select(a => new { a.Unit!.Code, a.Status, a.DecisionDate, a.Note }).ToListAsync());
        Assert.Equal(["BTCTW", "DUKCQTW", "HVCTQG"], flags.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.All(flags, f => Assert.Equal((AwardStatus.Proposed, (DateOnly?)new DateOnly(2020, 3, 4)), (f.Status, f.DecisionDate)));
        Assert.All(flags, f => Assert.Contains("14/14 phiếu", f.Note));
        Assert.Equal(3, await App.QueryAsync(db => db.VoteProposals.CountAsync(p => p.SessionId == s.Id)));
        // The home page reads the 2019 CO_CP awards.
        var home = WebUtility.HtmlDecode(await App.Browser().GetStringAsync("/"));
        Assert.Contains("Học viện Chính trị quốc gia Hồ Chí Minh", home);
        Assert.Contains("Đảng ủy Khối các cơ quan Trung ương", home);
    }

    [Fact]
    public async Task Demo2019_Results_OfficerOfAMemberAgencySeesThemAndDownloadsValidMinutes()
    {
        var id = await App.QueryAsync(db => db.VoteSessions.Where(x => x.Year == 2019).Select(x => x.Id).SingleAsync());
        var officer = await Shared.As("tdkt.hvctqg@thidua.vn");
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Votes/Details/{id}"));
        Assert.Contains("Trúng", html);
        Assert.DoesNotContain("id=\"delegates\"", html);
        Assert.Contains($"/Votes/Details/{id}", await officer.GetStringAsync("/Votes"));
        var docx = await officer.GetAsync($"/Votes/Details/{id}?handler=Minutes");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        Assert.Contains("BIÊN BẢN KIỂM PHIẾU", doc.MainDocumentPart!.Document!.Body!.InnerText);
        Assert.Contains("Ban Tổ chức Trung ương", doc.MainDocumentPart.Document.Body.InnerText);
    }

    [Fact]
    public async Task FullVote_CastTwiceOverTickedAndClosed_RefusesWhatItMustAndRecordsProposalsWithAudit()
    {
        var (id, tokens, c) = await OpenSessionAsync(3);
        var voter = App.Browser();
        // More ticks than places: refused, the token still works.
        var over = WebUtility.HtmlDecode(await (await CastAsync(voter, tokens[0], c["BTCTW"], c["HVCTQG"], c["DUKCQTW"], c["VPTW"])).Content.ReadAsStringAsync());
        Assert.Contains("chỉ được chọn tối đa 3 đơn vị, phiếu đang chọn 4", over);
        Assert.Contains("id=\"cast-done\"", await (await CastAsync(voter, tokens[0], c["BTCTW"], c["HVCTQG"])).Content.ReadAsStringAsync());
        // The same token again: refused.
        Assert.Contains("Mã phiếu này đã được dùng", WebUtility.HtmlDecode(await (await CastAsync(voter, tokens[0], c["BTCTW"])).Content.ReadAsStringAsync()));
        Assert.Contains("id=\"cast-done\"", await (await CastAsync(voter, tokens[1].ToLowerInvariant(), c["BTCTW"])).Content.ReadAsStringAsync());
        Assert.Equal(2, await App.QueryAsync(db => db.Ballots.CountAsync(b => b.SessionId == id)));
        // A candidate of another session: refused.
        Assert.Contains("không thuộc danh sách giới thiệu", WebUtility.HtmlDecode(await (await CastAsync(voter, tokens[2], 999999)).Content.ReadAsStringAsync()));

        Assert.Contains("Đã kết thúc bỏ phiếu: thu 2/3 phiếu; ghi 1 đề nghị", await Client.FlashAfterAsync(await Client.PostFormAsync($"/Votes/Close/{id}", [])));
        // After closing the unused token no longer works.
        Assert.Contains("Mã phiếu không đúng", WebUtility.HtmlDecode(await (await CastAsync(voter, tokens[2], c["BTCTW"])).Content.ReadAsStringAsync()));
        var award = await App.QueryAsync(db => db.Awards.SingleAsync(a => a.Year == 2024 && a.Code == "CO_CP" && a.Note!.Contains($"phiên bỏ phiếu số {id} ")));
        Assert.Equal((await UnitIdAsync("BTCTW"), AwardStatus.Proposed, (DateOnly?)new DateOnly(2025, 3, 5)), (award.UnitId, award.Status, award.DecisionDate));
        Assert.StartsWith("Hội nghị tổng kết Khối thi đua các cơ quan Đảng Trung ương đề nghị Thủ tướng Chính phủ", award.Authority);
        var actions = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "VoteSession" && a.EntityId == S(id)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["Tạo phiên bỏ phiếu", "Thêm câu hỏi bỏ phiếu", "Thêm đại biểu bỏ phiếu", "Thêm đại biểu bỏ phiếu", "Thêm đại biểu bỏ phiếu", "Mở bỏ phiếu", "Kết thúc bỏ phiếu"], actions);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "AwardRecord" && a.EntityId == S(award.Id) && a.Action == "Đề nghị khen thưởng theo kết quả bỏ phiếu")));
        // Closed twice: refused.
        var again = WebUtility.HtmlDecode(await (await Client.PostFormAsync($"/Votes/Close/{id}", [], "/Votes/Edit")).Content.ReadAsStringAsync());
        Assert.Contains("chỉ kết thúc được phiên đang bỏ phiếu", again);
    }

    [Fact]
    public async Task StoredBallots_AfterClosing_HoldNoVoterNoTimeAndNoCastingOrder()
    {
        // The ballot and mark columns: a random key, the session, spoiled; a mark: its key, the ballot, the candidate. No link to delegates.
        var (ballotColumns, markColumns, delegateLinks) = await App.QueryAsync(db =>
        {
            var b = db.Model.FindEntityType(typeof(Ballot))!;
            var m = db.Model.FindEntityType(typeof(BallotMark))!;
            var links = b.GetForeignKeys().Concat(m.GetForeignKeys()).Count(f => f.PrincipalEntityType.ClrType == typeof(VoteDelegate));
            return Task.FromResult((b.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), m.GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToList(), links));
        });
        Assert.Equal(["Id", "SessionId", "Spoiled"], ballotColumns);
        Assert.Equal(["BallotId", "CandidateId", "Id"], markColumns);
        Assert.Equal(0, delegateLinks);
        Assert.DoesNotContain(await App.QueryAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(VoteDelegate))!.GetProperties().Select(p => p.Name).ToList())), n => n.Contains("Ballot", StringComparison.Ordinal) || n.Contains("Utc", StringComparison.Ordinal));

        // Six ballots, each recognisable by its choices, cast in a known order.
        var (id, tokens, c) = await OpenSessionAsync(6);
        int[][] patterns = [[c["BTCTW"]], [c["HVCTQG"]], [c["DUKCQTW"]], [c["VPTW"]], [c["BTCTW"], c["HVCTQG"]], [c["DUKCQTW"], c["VPTW"]]];
        var voter = App.Browser();
        for (var i = 0; i < 6; i++) Assert.Contains("id=\"cast-done\"", await (await CastAsync(voter, tokens[i], patterns[i])).Content.ReadAsStringAsync());
        string Key(IEnumerable<int> marks) => string.Join(',', marks.Order());
        var castOrder = patterns.Select(Key).ToList();
        var before = await App.QueryAsync(db => db.Ballots.Where(b => b.SessionId == id).Select(b => b.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Votes/Close/{id}", [])).StatusCode);
        var stored = await App.QueryAsync(db => db.Ballots.Where(b => b.SessionId == id).Select(b => new { b.Id, Marks = b.Marks.Select(m => m.CandidateId).ToList() }).ToListAsync());
        Assert.Equal(castOrder.Order(StringComparer.Ordinal), stored.Select(b => Key(b.Marks)).Order(StringComparer.Ordinal));
        // New keys, and neither the key order nor the stored order (no ORDER BY) follows the order of casting.
        Assert.Empty(stored.Select(b => b.Id).Intersect(before));
        var byKey = stored.OrderBy(b => b.Id).Select(b => Key(b.Marks)).ToList();
        var physical = stored.Select(b => Key(b.Marks)).ToList();
        Assert.False(byKey.SequenceEqual(castOrder) && physical.SequenceEqual(castOrder), "the stored ballots follow the casting order");
        if (TestApp.Provider == ThiDua.Data.DatabaseProvider.Postgres)
        {
            // One transaction rewrote every ballot and every delegate row: they share one xmin, which dates nobody's ballot.
            var xmins = await App.QueryAsync(db => db.Database.SqlQuery<string>($"SELECT DISTINCT xmin::text AS \"Value\" FROM \"Ballots\" WHERE \"SessionId\" = {id}").ToListAsync());
            Assert.Single(xmins);
            var delegateXmins = await App.QueryAsync(db => db.Database.SqlQuery<string>($"SELECT DISTINCT xmin::text AS \"Value\" FROM \"VoteDelegates\" WHERE \"SessionId\" = {id}").ToListAsync());
            Assert.Single(delegateXmins);
        }
        // Tokens are gone; only the used flags remain.
        Assert.Equal(6, await App.QueryAsync(db => db.VoteDelegates.CountAsync(d => d.SessionId == id && d.TokenHash == null && d.Used)));
        // Casting is not audited (an audit row's time would date the ballot).
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action.Contains("Bỏ phiếu") && a.EntityType == "Ballot")));
    }

    [Fact]
    public async Task Spoil_PaperBallotByToken_CountsAsCastAndInvalid()
    {
        var (id, tokens, c) = await OpenSessionAsync(3);
        Assert.Equal("Đã ghi một phiếu hỏng.", await Client.FlashAfterAsync(await Client.PostFormAsync($"/Votes/Details/{id}?handler=Spoil", new() { ["token"] = tokens[0] }, $"/Votes/Details/{id}")));
        Assert.Contains("id=\"cast-done\"", await (await CastAsync(App.Browser(), tokens[1], c["BTCTW"])).Content.ReadAsStringAsync());
        Assert.Contains("id=\"cast-done\"", await (await CastAsync(App.Browser(), tokens[2], c["BTCTW"])).Content.ReadAsStringAsync());
        await Client.PostFormAsync($"/Votes/Close/{id}", []);
        var tally = await App.QueryAsync(db => new VoteService(db).TallyAsync(id, default));
        var q = tally.Questions.Single();
        Assert.Equal((3, 3, 1, 2, 1), (tally.Issued, tally.Cast, tally.Spoiled, q.Valid, q.Invalid));
        Assert.Equal(["Ban Tổ chức Trung ương"], q.Elected.Select(e => e.Unit));
    }

    [Fact]
    public async Task StateMachine_OpenWithoutDelegatesOrQuestionAfterOpening_IsRefusedInVietnamese()
    {
        var id = await CreateSessionAsync();
        var empty = WebUtility.HtmlDecode(await (await Client.PostFormAsync($"/Votes/Open/{id}", new() { ["Version"] = S(await VersionAsync(id)) })).Content.ReadAsStringAsync());
        Assert.Contains("Phiên chưa có câu hỏi nào", empty);
        var closeDraft = WebUtility.HtmlDecode(await (await Client.PostFormAsync($"/Votes/Close/{id}", [], "/Votes/Edit")).Content.ReadAsStringAsync());
        Assert.Contains("Chỉ kết thúc được phiên đang bỏ phiếu.", closeDraft);
        Assert.Equal(VoteState.Draft, await App.QueryAsync(db => db.VoteSessions.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));

        var (open, _, _) = await OpenSessionAsync(1);
        var late = await Client.PostFormAsync($"/Votes/Question/{open}", new()
        {
            ["Input.AwardCode"] = "BK_TTG", ["Input.Places"] = "1", ["Input.QuorumPercent"] = "50", ["Input.ThresholdPercent"] = "50", ["Input.ThresholdOf"] = "Present",
            ["Input.LegalBasis"] = "x", ["Input.Orders[" + S(await UnitIdAsync("BTCTW")) + "]"] = "1", ["Input.Version"] = S(await VersionAsync(open)),
        }, $"/Votes/Details/{open}");
        Assert.Contains("chỉ sửa được khi còn là dự thảo", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.VoteQuestions.CountAsync(q => q.SessionId == open)));
    }

    [Fact]
    public async Task Edit_StaleVersion_SaysSoAndKeepsTheInput()
    {
        var id = await CreateSessionAsync();
        var stale = await VersionAsync(id);
        await AddDelegateAsync(id, "BTCTW", "Người thêm trước");
        var response = await Client.PostFormAsync($"/Votes/Edit/{id}", new()
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = "2024", ["Input.Title"] = "Tên mới của tôi", ["Input.MeetingDate"] = "05/03/2025",
            ["Input.Place"] = "Hà Nội", ["Input.Version"] = S(stale),
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Phiên bỏ phiếu vừa được người khác thay đổi", html);
        Assert.Contains("value=\"Tên mới của tôi\"", html);
        Assert.Equal("Bỏ phiếu thử", await App.QueryAsync(db => db.VoteSessions.Where(s => s.Id == id).Select(s => s.Title).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.Year", "99999", "Năm bình xét")]
    [InlineData("Input.Year", "abc", "Năm bình xét")]
    [InlineData("Input.MeetingDate", "31/02/2025", "Ngày hội nghị")]
    [InlineData("Input.BlocId", "999999", "Hãy chọn khối thi đua.")]
    public async Task Edit_HostileField_IsRefusedNamingTheFieldNotA500(string field, string value, string message)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = "2024", ["Input.Title"] = "T", ["Input.MeetingDate"] = "05/03/2025", ["Input.Place"] = "Hà Nội", ["Input.Version"] = "0",
        };
        fields[field] = value;
        var response = await Client.PostFormAsync("/Votes/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("1000", "Số thứ tự giới thiệu phải từ 1 đến 100")]
    [InlineData("0", "Số thứ tự giới thiệu phải từ 1 đến 100")]
    public async Task Question_OrderOutOfRange_IsRefused(string order, string message)
    {
        var id = await CreateSessionAsync();
        var response = await Client.PostFormAsync($"/Votes/Question/{id}", new()
        {
            ["Input.AwardCode"] = "CO_CP", ["Input.Places"] = "1", ["Input.QuorumPercent"] = "50", ["Input.ThresholdPercent"] = "50", ["Input.ThresholdOf"] = "Present",
            ["Input.LegalBasis"] = "x", ["Input.Orders[" + S(await UnitIdAsync("BTCTW")) + "]"] = order, ["Input.Version"] = S(await VersionAsync(id)),
        }, $"/Votes/Question/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Question_CandidateOutsideTheBlocOrTooManyPlaces_IsRefused()
    {
        var id = await CreateSessionAsync();
        var department = await UnitIdAsync("BTCTW-D01");
        var response = await Client.PostFormAsync($"/Votes/Question/{id}", new()
        {
            ["Input.AwardCode"] = "CO_CP", ["Input.Places"] = "1", ["Input.QuorumPercent"] = "50", ["Input.ThresholdPercent"] = "50", ["Input.ThresholdOf"] = "Present",
            ["Input.LegalBasis"] = "x", [$"Input.Orders[{department}]"] = "1", ["Input.Version"] = S(await VersionAsync(id)),
        }, $"/Votes/Question/{id}");
        Assert.Contains("phải là thành viên của khối trong năm 2024", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var places = await PostQuestionAsync(id, ["BTCTW", "HVCTQG"], 3);
        Assert.Contains("Số suất phải từ 1 đến số đơn vị được giới thiệu (2)", WebUtility.HtmlDecode(await places.Content.ReadAsStringAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.VoteQuestions.CountAsync(q => q.SessionId == id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA-BBBB-CCCC")]
    [InlineData("' OR 1=1 --")]
    public async Task Cast_WrongOrHostileToken_SaysSoInVietnameseNotA500(string token)
    {
        var voter = App.Browser();
        var response = await voter.PostFormAsync("/Votes/Cast?handler=Open", new() { ["Token"] = token }, "/Votes/Cast");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã phiếu không đúng", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var longToken = await voter.PostFormAsync("/Votes/Cast?handler=Cast", new() { ["Token"] = new string('A', 5000), ["Choices"] = "abc" }, "/Votes/Cast");
        Assert.Equal(HttpStatusCode.OK, longToken.StatusCode);
    }

    [Fact]
    public async Task Cast_OpenWithToken_ShowsTheQuestionsWithoutSigningIn()
    {
        var (_, tokens, _) = await OpenSessionAsync(1);
        var response = await App.Browser().PostFormAsync("/Votes/Cast?handler=Open", new() { ["Token"] = tokens[0] }, "/Votes/Cast");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Cờ thi đua của Chính phủ — chọn tối đa 3 đơn vị", html);
        Assert.Contains("Ban Tổ chức Trung ương", html);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task UnitOfficer_DraftOrOpenSessionAndSecretariatActions_AreRefusedByUrlAndPost()
    {
        var (id, _, _) = await OpenSessionAsync(1);
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        foreach (var url in new[] { $"/Votes/Details/{id}", $"/Votes/Close/{id}", $"/Votes/Open/{id}", $"/Votes/Question/{id}", $"/Votes/Edit/{id}", "/Votes/Edit" })
        {
            var r = await officer.GetAsync(url);
            Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().Contains("/Account/AccessDenied"), $"{url}: {(int)r.StatusCode}");
        }
        Assert.DoesNotContain($"/Votes/Details/{id}", await officer.GetStringAsync("/Votes"));
        // A post with a valid anti-forgery token (from a page the officer may open) is refused too.
        var close = await officer.PostFormAsync($"/Votes/Close/{id}", [], "/Votes/Cast");
        Assert.Contains("/Account/AccessDenied", close.Headers.Location?.ToString());
        var spoil = await officer.PostFormAsync($"/Votes/Details/{id}?handler=Spoil", new() { ["token"] = "x" }, "/Votes/Cast");
        Assert.Contains("/Account/AccessDenied", spoil.Headers.Location?.ToString());
        Assert.Equal(VoteState.Open, await App.QueryAsync(db => db.VoteSessions.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task Reissue_UnusedDelegate_NewCodeWorksOldOneNoLongerDoes()
    {
        var (id, tokens, c) = await OpenSessionAsync(2);
        var delegateId = await App.QueryAsync(db => db.VoteDelegates.Where(d => d.SessionId == id).OrderBy(d => d.Unit!.Name).Select(d => d.Id).FirstAsync());
        var response = await Client.PostFormAsync($"/Votes/Details/{id}?handler=Reissue&delegateId={delegateId}", [], $"/Votes/Details/{id}");
        var fresh = TokenPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(fresh);
        var voter = App.Browser();
        var results = new List<string>();
        foreach (var t in tokens.Append(fresh)) results.Add(WebUtility.HtmlDecode(await (await CastAsync(voter, t, c["BTCTW"])).Content.ReadAsStringAsync()));
        Assert.Equal(1, results.Count(r => r.Contains("Mã phiếu không đúng", StringComparison.Ordinal)));
        Assert.Equal(2, results.Count(r => r.Contains("id=\"cast-done\"", StringComparison.Ordinal)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Cấp lại mã phiếu" && a.EntityId == S(id))));
    }

    [Theory]
    [InlineData("thanhvien.btctw@thidua.vn")]
    [InlineData("lanhdao.btctw@thidua.vn")]
    [InlineData("hoidong.btctw@thidua.vn")]
    public async Task ClosedDemoSession_ReadersOfAMemberAgency_SeeTheResultsButNoDelegatesOrActions(string who)
    {
        var id = await App.QueryAsync(db => db.VoteSessions.Where(x => x.Year == 2019).Select(x => x.Id).SingleAsync());
        var html = WebUtility.HtmlDecode(await (await Shared.As(who)).GetStringAsync($"/Votes/Details/{id}"));
        Assert.Contains("Kết quả kiểm phiếu", html);
        Assert.DoesNotContain("id=\"delegates\"", html);
        Assert.DoesNotContain("/Votes/Close/", html);
    }
}

/// <summary>The vote test that changes the demo bloc's membership, over its own copy of the demo database.</summary>
public sealed class VotePageWriteTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task ClosedSession_OfficerOfAnAgencyOutsideTheBloc_IsRefused()
    {
        var id = await App.QueryAsync(db => db.VoteSessions.Where(x => x.Year == 2019).Select(x => x.Id).SingleAsync());
        // Take HVCTQG out of the bloc before 2019: its officer no longer reads the bloc's 2019 results.
        var hv = await UnitIdAsync("HVCTQG");
        await App.ExecuteAsync(db => db.BlocMemberships.Where(m => m.UnitId == hv).ExecuteUpdateAsync(m => m.SetProperty(x => x.ToYear, 2015)));
        var officer = await App.SignInAsync("tdkt.hvctqg@thidua.vn");
        var r = await officer.GetAsync($"/Votes/Details/{id}?handler=Minutes");
        Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Votes/Details/999999")).StatusCode);
    }
}
