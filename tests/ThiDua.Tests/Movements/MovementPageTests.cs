using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;
using static ThiDua.Tests.Movements.MovementTestData;

namespace ThiDua.Tests.Movements;

/// <summary>The secretariat's movement pages: create, launch, end, clone, conflicts, bounds, directives, contests.</summary>
/// <remarks>One app for the class: these tests read demo movements or are refused; those that save create their own movements, contests, copy and directive, found by their own ids, names or numbers.</remarks>
public sealed class MovementPageTests(SharedApp shared) : SharedAppTest(shared, "thuongtruc.khoi@thidua.vn")
{
    [Fact]
    public async Task Launch_BlocMovement_ReachesTargetOfficerOnlyAndIsAudited()
    {
        var hv = await UnitAsync(App, "HVCTQG");
        var id = await CreateAsync(Client, Form("Phong trào thử nghiệm", 2024, hv));
        var hvClient = await Shared.As("tdkt.hvctqg@thidua.vn");
        Assert.DoesNotContain("Phong trào thử nghiệm", await hvClient.GetStringAsync("/Movements?year=2024"));

        Assert.Contains("Sau khi phát động, phong trào được gửi đến 1 đơn vị", WebUtility.HtmlDecode(await Client.GetStringAsync($"/Movements/Confirm/{id}?op=launch")));
        var flash = await FlashAsync(Client, await ConfirmAsync(Client, App, id, "launch"));
        Assert.StartsWith("Đã phát động phong trào", flash);

        var hvList = WebUtility.HtmlDecode(await hvClient.GetStringAsync("/Movements?year=2024"));
        var sent = hvList[hvList.IndexOf("Phong trào gửi đến đơn vị năm 2024", StringComparison.Ordinal)..];
        Assert.Contains("Phong trào thử nghiệm", sent);
        Assert.Contains("Tiêu chí:", sent);
        var bt = await Shared.As("tdkt.btctw@thidua.vn");
        Assert.DoesNotContain("Phong trào thử nghiệm", await bt.GetStringAsync("/Movements?year=2024"));
        AssertDenied(await bt.GetAsync($"/Movements/Details/{id}"));

        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Movement" && a.EntityId == S(id)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Thêm phong trào thi đua", "Phát động phong trào"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("thuongtruc.khoi@thidua.vn", a.UserName));
        Assert.Contains("dự thảo", audit[1].Details);
        Assert.Contains("→ sau: Phong trào thử nghiệm (năm 2024, thường xuyên, đã phát động", audit[1].Details);
    }

    [Fact]
    public async Task Launch_AlreadyLaunchedOrWithoutTargets_IsRefusedAndNothingChanges()
    {
        var id = await CreateAsync(Client, Form("Không có đơn vị", 2024));
        var page = WebUtility.HtmlDecode(await (await ConfirmAsync(Client, App, id, "launch")).Content.ReadAsStringAsync());
        Assert.Contains("Chưa chọn đơn vị được phát động", page);
        Assert.Equal(MovementState.Draft, await App.QueryAsync(db => db.Movements.Where(m => m.Id == id).Select(m => m.State).SingleAsync()));

        var m2019 = await Movement2019Async(App);
        var again = WebUtility.HtmlDecode(await (await ConfirmAsync(Client, App, m2019, "launch")).Content.ReadAsStringAsync());
        Assert.Contains("Phong trào không còn là dự thảo nên không phát động lại được.", again);
        var end = WebUtility.HtmlDecode(await (await ConfirmAsync(Client, App, id, "end")).Content.ReadAsStringAsync());
        Assert.Contains("Chỉ kết thúc được phong trào đang ở trạng thái đã phát động.", end);
        Assert.Equal(MovementState.Ended, await App.QueryAsync(db => db.Movements.Where(m => m.Id == m2019).Select(m => m.State).SingleAsync()));
    }

    [Fact]
    public async Task Edit_EndedMovement_IsRefused()
    {
        var m2019 = await Movement2019Async(App);
        var form = Form("Đổi tên", 2019);
        var response = await Client.PostFormAsync($"/Movements/Edit/{m2019}", form, "/Movements/Edit");
        Assert.Contains("Phong trào đã kết thúc, không sửa được nữa.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(MovementsDemo.Theme2019, await App.QueryAsync(db => db.Movements.Where(m => m.Id == m2019).Select(m => m.Theme).SingleAsync()));
    }

    [Fact]
    public async Task Clone_Movement_CopiesAsDraftOfNextYearWithDatesShiftedAndAudits()
    {
        var draft = await Draft2020Async(App);
        var flash = await FlashAsync(Client, await ConfirmAsync(Client, App, draft, "clone"));
        Assert.StartsWith("Đã sao chép phong trào sang năm sau", flash);
        var copy = await App.QueryAsync(db => db.Movements.Include(m => m.Targets).Include(m => m.Directives).SingleAsync(m => m.ClonedFromId == draft));
        Assert.Equal((2021, MovementState.Draft, new DateOnly(2021, 1, 1), 14, 3), (copy.Year, copy.State, copy.StartDate!.Value, copy.Targets.Count, copy.Directives.Count));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Sao chép phong trào sang năm sau" && a.EntityId == S(copy.Id))));
    }

    [Theory]
    [InlineData("?year=99999", "Năm: năm phải từ 2000 đến 2100.")]
    [InlineData("?year=abc", "Năm: năm phải từ 2000 đến 2100.")]
    [InlineData("?year=2019&kind=Bogus", "Loại phong trào: giá trị không hợp lệ")]
    [InlineData("?state=5", "Trạng thái: giá trị không hợp lệ")]
    public async Task Index_HostileFilter_SaysWhichFieldNotA500(string query, string message)
    {
        var response = await Client.GetAsync("/Movements" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Create_HostileValues_AreRefusedNamingTheField()
    {
        var form = Form(new string('x', 600), 2024);
        form["Input.StartDate"] = "31/02/2024";
        form["Input.Scope"] = "42";
        var html = WebUtility.HtmlDecode(await (await Client.PostFormAsync("/Movements/Edit", form)).Content.ReadAsStringAsync());
        Assert.Contains("Tên, chủ đề tối đa 500 ký tự.", html);
        Assert.Contains("Ngày bắt đầu", html);
        var thematic = Form("Chuyên đề", 2024);
        thematic["Input.Kind"] = "Thematic";
        html = WebUtility.HtmlDecode(await (await Client.PostFormAsync("/Movements/Edit", thematic)).Content.ReadAsStringAsync());
        Assert.Contains("phong trào chuyên đề phải có cả hai ngày", html);
        Assert.False(await App.QueryAsync(db => db.Movements.AnyAsync(m => m.Theme == "Chuyên đề")));
    }

    [Fact]
    public async Task Secretariat_TargetOutsideBloc_IsRefused()
    {
        var department = await UnitAsync(App, "BTCTW-D01");
        var html = WebUtility.HtmlDecode(await (await Client.PostFormAsync("/Movements/Edit", Form("Ngoài khối", 2024, department))).Content.ReadAsStringAsync());
        Assert.Contains("Đơn vị được phát động: chỉ chọn được các cơ quan thành viên của khối năm 2024.", html);
    }

    [Fact]
    public async Task Directive_UploadNotAPdf_IsRefused_PdfIsStoredAndAudited()
    {
        using var bad = new MultipartFormDataContent
        {
            { new StringContent(await Client.AntiforgeryTokenAsync("/Movements/Directives/Edit")), "__RequestVerificationToken" },
            { new StringContent("01-CT/TW"), "Input.Number" }, { new StringContent("01/02/2020"), "Input.IssuedOn" },
            { new StringContent("Ban Bí thư"), "Input.Issuer" }, { new StringContent("Thử"), "Input.Title" }, { new StringContent("0"), "Input.Version" },
            { new ByteArrayContent("<html>not a pdf</html>"u8.ToArray()), "Upload", "chi-thi.pdf" },
        };
        var html = WebUtility.HtmlDecode(await (await Client.PostAsync("/Movements/Directives/Edit", bad)).Content.ReadAsStringAsync());
        Assert.Contains("Tệp chỉ thị: nội dung tệp \"chi-thi.pdf\" không phải PDF.", html);
        Assert.False(await App.QueryAsync(db => db.Directives.AnyAsync(d => d.Number == "01-CT/TW")));

        using var good = new MultipartFormDataContent
        {
            { new StringContent(await Client.AntiforgeryTokenAsync("/Movements/Directives/Edit")), "__RequestVerificationToken" },
            { new StringContent("01-CT/TW"), "Input.Number" }, { new StringContent("01/02/2020"), "Input.IssuedOn" },
            { new StringContent("Ban Bí thư"), "Input.Issuer" }, { new StringContent("Thử"), "Input.Title" }, { new StringContent("0"), "Input.Version" },
            { new ByteArrayContent(ThiDua.Infrastructure.MinimalPdf.Create(["x"])), "Upload", "chi-thi.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostAsync("/Movements/Directives/Edit", good)).StatusCode);
        var d = await App.QueryAsync(db => db.Directives.SingleAsync(x => x.Number == "01-CT/TW"));
        Assert.Equal(("chi-thi.pdf", new DateOnly(2020, 2, 1)), (d.FileName, d.IssuedOn));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Thêm chỉ thị" && a.EntityCode == "01-CT/TW")));
    }

    [Fact]
    public async Task Directive_DuplicateNumber_IsRefused()
    {
        var response = await Client.PostFormAsync("/Movements/Directives/Edit", new()
        {
            ["Input.Number"] = "34-CT/TW", ["Input.IssuedOn"] = "07/04/2014", ["Input.Issuer"] = "Ban Bí thư", ["Input.Title"] = "Trùng", ["Input.Version"] = "0",
        });
        Assert.Contains("Số hiệu: chỉ thị \"34-CT/TW\" đã có trong thư viện.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task National_SecretariatSeesAll14Rows()
    {
        var id = await NationalAsync(App);
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Movements/Details/{id}?year=2019"));
        Assert.Equal(14, System.Text.RegularExpressions.Regex.Matches(html, "Ghi kết quả").Count);
        Assert.Contains("Học viện Chính trị quốc gia Hồ Chí Minh", html);
    }

    [Fact]
    public async Task Contest_PersonOutsideTargets_IsRefused_ResultsSavedAndAudited()
    {
        var hv = await UnitAsync(App, "HVCTQG");
        var id = await CreateAsync(Client, Form("Có hội thi", 2024, hv));
        var created = await Client.PostFormAsync($"/Movements/Contests/Edit?movement={id}", new() { ["Input.Name"] = "Hội thi thử", ["Input.ParticipantKind"] = "People", ["Input.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var contest = await App.QueryAsync(db => db.Contests.Where(c => c.MovementId == id).Select(c => c.Id).SingleAsync());
        var page = $"/Movements/Contests/Details/{contest}";
        var (hvCode, btCode) = await App.QueryAsync(async db =>
        {
            var hvUnits = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, hv);
            var bt = await db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync();
            var btUnits = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, bt);
            return (await db.People.Where(p => p.IsActive && hvUnits.Contains(p.CurrentUnitId!.Value)).Select(p => p.PersonalCode).FirstAsync(),
                await db.People.Where(p => p.IsActive && btUnits.Contains(p.CurrentUnitId!.Value)).Select(p => p.PersonalCode).FirstAsync());
        });
        var refused = await FlashAsync(Client, await Client.PostFormAsync($"{page}?handler=Participant", new() { ["personalCode"] = btCode }, "/Movements/Edit"));
        Assert.Equal($"Mã cá nhân: không có cán bộ mã \"{btCode}\" trong các đơn vị được phát động mà bạn quản lý.", refused);
        Assert.Equal("Đã thêm vào danh sách dự thi.", await FlashAsync(Client, await Client.PostFormAsync($"{page}?handler=Participant", new() { ["personalCode"] = hvCode }, "/Movements/Edit")));
        Assert.Equal("Thứ tự vòng thi: phải từ 1 đến 50.", await FlashAsync(Client, await Client.PostFormAsync($"{page}?handler=Round", new() { ["order"] = "99999999999", ["name"] = "x" }, "/Movements/Edit")));
        Assert.Equal("Đã thêm vòng thi.", await FlashAsync(Client, await Client.PostFormAsync($"{page}?handler=Round", new() { ["order"] = "1", ["name"] = "Sơ khảo", ["heldOn"] = "10/05/2024" }, "/Movements/Edit")));
        var (round, participant) = await App.QueryAsync(async db => (await db.ContestRounds.Where(r => r.ContestId == contest).Select(r => r.Id).SingleAsync(),
            await db.ContestParticipants.Where(p => p.ContestId == contest).Select(p => p.Id).SingleAsync()));
        var bad = await Client.PostFormAsync($"/Movements/Contests/Round/{round}", new() { ["Lines[0].ParticipantId"] = S(participant), ["Lines[0].Score"] = "abc" });
        Assert.Contains("Dòng 1, điểm: \"abc\" không phải là số", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        var ok = await Client.PostFormAsync($"/Movements/Contests/Round/{round}", new() { ["Lines[0].ParticipantId"] = S(participant), ["Lines[0].Score"] = "95,5", ["Lines[0].Rank"] = "1", ["Lines[0].Prize"] = "Giải Nhất" });
        Assert.Equal("Đã lưu kết quả vòng 1.", await FlashAsync(Client, ok));
        var result = await App.QueryAsync(db => db.ContestResults.SingleAsync(r => r.RoundId == round));
        Assert.Equal((95.5m, 1, "Giải Nhất"), (result.Score!.Value, result.Rank!.Value, result.Prize!));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Ghi kết quả hội thi" && a.EntityId == S(contest))));
    }

    [Fact]
    public async Task Contest_SearchByName_FindsPeopleOfTargetUnits_ForgedParticipantOfAnotherContestIsRefused()
    {
        var contest = await App.QueryAsync(db => db.Contests.Where(c => c.Name == MovementsDemo.Contest2019).Select(c => c.Id).SingleAsync());
        var person = await App.QueryAsync(db => db.ContestParticipants.Where(p => p.ContestId == contest).Select(p => new { p.Person!.GivenName, p.Person.FamilyName, p.Person.PersonalCode }).FirstAsync());
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Movements/Contests/Details/{contest}?q={Uri.EscapeDataString(person.FamilyName + " " + person.GivenName[..1])}"));
        Assert.Contains("<table id=\"found\">", html);
        Assert.Contains("Tìm cán bộ: hãy nhập từ 2 đến 100 ký tự.", WebUtility.HtmlDecode(await Client.GetStringAsync($"/Movements/Contests/Details/{contest}?q=a")));

        // A result posted for a participant of another contest (a changed hidden id) changes nothing.
        var hv = await UnitAsync(App, "HVCTQG");
        var id = await CreateAsync(Client, Form("Khác", 2024, hv));
        await Client.PostFormAsync($"/Movements/Contests/Edit?movement={id}", new() { ["Input.Name"] = "Hội thi khác", ["Input.ParticipantKind"] = "People", ["Input.Version"] = "0" });
        var other = await App.QueryAsync(db => db.Contests.Where(c => c.MovementId == id).Select(c => c.Id).SingleAsync());
        await Client.PostFormAsync($"/Movements/Contests/Details/{other}?handler=Round", new() { ["order"] = "1", ["name"] = "Một" }, "/Movements/Edit");
        var round = await App.QueryAsync(db => db.ContestRounds.Where(r => r.ContestId == other).Select(r => r.Id).SingleAsync());
        var foreign = await App.QueryAsync(db => db.ContestParticipants.Where(p => p.ContestId == contest).Select(p => p.Id).FirstAsync());
        var response = await Client.PostFormAsync($"/Movements/Contests/Round/{round}", new() { ["Lines[0].ParticipantId"] = S(foreign), ["Lines[0].Score"] = "10" });
        Assert.Contains("Dòng 1: người dự thi không thuộc hội thi này.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.False(await App.QueryAsync(db => db.ContestResults.AnyAsync(r => r.RoundId == round)));
    }
}

/// <summary>The movement test that rewrites the demo 2020 draft behind the form, over its own copy of the demo database.</summary>
public sealed class MovementPageWriteTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    [Fact]
    public async Task Edit_StaleVersion_SaysSoAndKeepsTheInput()
    {
        var draft = await Draft2020Async(App);
        var form = Form("Tên mới của tôi", 2020);
        form["Input.Version"] = "0";
        await App.ExecuteAsync(async db => { var m = await db.Movements.SingleAsync(x => x.Id == draft); m.Content = "Người khác sửa"; await db.SaveChangesAsync(); });
        var response = await Client.PostFormAsync($"/Movements/Edit/{draft}", form, "/Movements/Edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(MovementService.ConflictMessage, html);
        Assert.Contains("value=\"Tên mới của tôi\"", html);
        Assert.Equal("Người khác sửa", await App.QueryAsync(db => db.Movements.Where(m => m.Id == draft).Select(m => m.Content).SingleAsync()));
    }
}
