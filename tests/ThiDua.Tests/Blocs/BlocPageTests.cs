using System.Globalization;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Blocs;
using ThiDua.Tests.Agreements;

namespace ThiDua.Tests.Blocs;

/// <summary>The bloc page: members must be agencies, years are bounded, leaving and removals are confirmed first.</summary>
/// <remarks>One app for the class: these tests read the bloc page or are refused (the refusals check that nothing changed).</remarks>
public sealed class BlocPageTests(SharedApp shared) : SharedAppTest(shared, "thuongtruc.khoi@thidua.vn")
{
    private const string Page = "/Blocs/Details/1";

    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task AddMember_UnknownUnitOrADepartment_IsRefusedInVietnameseNotA500()
    {
        var count = await App.QueryAsync(db => db.BlocMemberships.CountAsync());
        var department = await UnitIdAsync("BTCTW-D01");
        foreach (var unit in new[] { "999999", department.ToString(CultureInfo.InvariantCulture), "" })
        {
            var response = await Client.PostFormAsync($"{Page}?handler=Member", new() { ["unitId"] = unit, ["fromYear"] = "2024" }, Page);
            Assert.Equal("Thành viên của khối phải là một cơ quan có trong danh sách đơn vị (loại \"Cơ quan\"). Hãy chọn cơ quan trong danh sách.", await Client.FlashAfterAsync(response));
        }
        Assert.Equal(count, await App.QueryAsync(db => db.BlocMemberships.CountAsync()));
    }

    [Theory]
    [InlineData("?year=99999")]
    [InlineData("?year=2147483647")]
    [InlineData("?year=abc")]
    [InlineData("?year=0")]
    public async Task Details_YearOutOfRange_SaysSoAndShowsThisYear(string query)
    {
        var response = await Client.GetAsync(Page + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Năm phải từ 1990 đến 2100. Đang hiển thị năm", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("", "Năm phân công phải từ 1990 đến 2100.")]
    [InlineData("2147483647", "Năm phân công phải từ 1990 đến 2100.")]
    public async Task Leadership_YearMissingOrOutOfRange_IsRefusedInVietnamese(string year, string message)
    {
        var response = await Client.PostFormAsync($"{Page}?handler=Leadership", new() { ["year"] = year, ["leaderId"] = "4" }, Page);
        Assert.Equal(message, await Client.FlashAfterAsync(response));
    }

    [Theory]
    [InlineData("2147483647", "Năm cuối là thành viên phải từ 1990 đến 2100.")]
    [InlineData("2009", "Năm cuối là thành viên (2009) không được trước năm tham gia (2010).")]
    [InlineData("2020", "được phân công khối trưởng hoặc khối phó năm 2021, 2022")]
    public async Task Leave_BadYearOrLaterLeadership_IsRefusedAndChangesNothing(string year, string message)
    {
        var membership = await App.QueryAsync(db => db.BlocMemberships.Where(m => m.BlocId == 1 && m.Unit!.Code == "TCCS").Select(m => m.Id).SingleAsync());
        var response = await Client.PostFormAsync($"/Blocs/Leave/{membership}", new() { ["toYear"] = year }, Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await App.QueryAsync(db => db.BlocMemberships.Where(m => m.Id == membership).Select(m => m.ToYear).SingleAsync()));
    }

    [Fact]
    public async Task LeaveAndRemoveLeader_ByAgencyOfficer_AreRefused()
    {
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        var responses = new[]
        {
            await officer.GetAsync("/Blocs/Leave/1?toYear=2025"),
            await officer.PostFormAsync("/Blocs/Leave/1", new() { ["toYear"] = "2025" }, "/Account/ChangePassword"),
            await officer.GetAsync("/Blocs/RemoveLeader/1"),
            await officer.PostFormAsync("/Blocs/RemoveLeader/1", new(), "/Account/ChangePassword"),
        };
        Assert.All(responses, r => Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString() ?? $"status {(int)r.StatusCode}"));
        Assert.True(await App.QueryAsync(db => db.BlocLeaderships.AnyAsync(l => l.Id == 1)));
        Assert.Null(await App.QueryAsync(db => db.BlocMemberships.Where(m => m.Id == 1).Select(m => m.ToYear).SingleAsync()));
    }

    [Fact]
    public async Task Details_ListsTheLeaderBeforeTheDeputies_AndPicksDeputiesWithCheckboxes()
    {
        var doc = new HtmlParser().ParseDocument(await Client.GetStringAsync(Page));
        var roles = doc.QuerySelectorAll("#leaders tbody tr").Select(tr => (Year: tr.Children[0].TextContent, Role: tr.GetAttribute("data-role"))).ToList();
        foreach (var year in roles.Select(r => r.Year).Distinct())
        {
            Assert.Equal("Leader", roles.First(r => r.Year == year).Role);
        }
        Assert.Empty(doc.QuerySelectorAll("select[multiple]"));
        Assert.Equal(14, doc.QuerySelectorAll("input[type=checkbox][name=deputyIds]").Length);
    }

    [Theory]
    [InlineData("/Blocs/Details/1")]
    [InlineData("/Blocs/Edit/1")]
    [InlineData("/Blocs/Leave/1")]
    [InlineData("/Blocs/Leave/1?toYear=2009")]
    public async Task BlocPages_EveryInput_HasALabel(string url)
    {
        var doc = new HtmlParser().ParseDocument(await Client.GetStringAsync(url));
        var fields = doc.QuerySelectorAll("main input:not([type=hidden]), main select, main textarea").ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, f => Assert.True(
            f.Closest("label") is not null || (f.Id is { Length: > 0 } id && doc.QuerySelector($"label[for='{id}']") is not null),
            $"{f.OuterHtml} on {url} has no label"));
    }
}

/// <summary>The bloc tests that add a member, record a leaving or remove a leader, each over its own copy of the demo database.</summary>
public sealed class BlocPageWriteTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    private const string Page = "/Blocs/Details/1";

    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task AddMember_NewAgency_IsAuditedByBlocIdWithCode()
    {
        var agency = new ThiDua.Features.Units.Unit { Name = "Ban Mới", Code = "BANMOI", Kind = ThiDua.Features.Units.UnitKind.Agency };
        await App.ExecuteAsync(async db => { agency.Normalize(); db.Units.Add(agency); await db.SaveChangesAsync(); });
        var response = await Client.PostFormAsync($"{Page}?handler=Member", new() { ["unitId"] = agency.Id.ToString(CultureInfo.InvariantCulture), ["fromYear"] = "2024" }, Page);
        Assert.Equal("Đã thêm Ban Mới vào khối từ năm 2024.", await Client.FlashAfterAsync(response));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Thêm thành viên khối"));
        Assert.Equal(("EmulationBloc", "1", "KHOI-CQD-TW", "Ban Mới (BANMOI): trước: — → sau: thành viên từ năm 2024"), (audit.EntityType, audit.EntityId, audit.EntityCode, audit.Details));
    }

    [Fact]
    public async Task Leave_GetShowsWhatItWillDo_PostRecordsItAndAudits()
    {
        var agency = await UnitIdAsync("TCCS");
        var membership = await App.QueryAsync(db => db.BlocMemberships.Where(m => m.BlocId == 1 && m.UnitId == agency).Select(m => m.Id).SingleAsync());
        Assert.Contains($"href=\"/Blocs/Leave/{membership}\"", await Client.GetStringAsync(Page));

        var ask = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Blocs/Leave/{membership}"));
        Assert.Contains("<label for=\"toYear\">Năm cuối là thành viên</label>", ask);
        var confirm = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Blocs/Leave/{membership}?toYear=2025"));
        Assert.Contains("Tạp chí Cộng sản là thành viên của khối đến hết năm 2025. Từ năm 2026", confirm);
        Assert.Contains("Xác nhận rời khối", confirm);
        Assert.Null(await App.QueryAsync(db => db.BlocMemberships.Where(m => m.Id == membership).Select(m => m.ToYear).SingleAsync()));

        var response = await Client.PostFormAsync($"/Blocs/Leave/{membership}", new() { ["toYear"] = "2025" }, Page);
        Assert.Equal("Đã ghi Tạp chí Cộng sản rời khối sau năm 2025.", await Client.FlashAfterAsync(response));
        Assert.Equal(2025, await App.QueryAsync(db => db.BlocMemberships.Where(m => m.Id == membership).Select(m => m.ToYear).SingleAsync()));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Thành viên rời khối"));
        Assert.Equal(("1", "KHOI-CQD-TW", "Tạp chí Cộng sản (TCCS): trước: thành viên từ năm 2010, chưa rời khối → sau: thành viên từ năm 2010 đến hết năm 2025"),
            (audit.EntityId, audit.EntityCode, audit.Details));
    }

    [Fact]
    public async Task RemoveLeader_GetShowsWhatItWillDo_PostRemovesAndAuditsBeforeAndAfter()
    {
        var deputy = await App.QueryAsync(db => db.BlocLeaderships.Where(l => l.BlocId == 1 && l.Year == 2019 && l.Role == BlocRole.Deputy).OrderBy(l => l.Id).Select(l => new { l.Id, l.Unit!.Name }).FirstAsync());
        var confirm = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Blocs/RemoveLeader/{deputy.Id}"));
        Assert.Contains($"{deputy.Name} sẽ không còn là khối phó năm 2019.", confirm);
        Assert.True(await App.QueryAsync(db => db.BlocLeaderships.AnyAsync(l => l.Id == deputy.Id)));

        var response = await Client.PostFormAsync($"/Blocs/RemoveLeader/{deputy.Id}", new());
        Assert.Equal($"Đã bỏ phân công Khối phó năm 2019: {deputy.Name}.", await Client.FlashAfterAsync(response));
        Assert.False(await App.QueryAsync(db => db.BlocLeaderships.AnyAsync(l => l.Id == deputy.Id)));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Bỏ phân công khối trưởng, khối phó"));
        Assert.Equal(("1", "KHOI-CQD-TW"), (audit.EntityId, audit.EntityCode));
        Assert.StartsWith("năm 2019: trước: khối trưởng: ", audit.Details);
        Assert.Contains($"khối phó: {deputy.Name} (", audit.Details!.Split(" → sau: ")[0]);
        Assert.DoesNotContain(deputy.Name, audit.Details.Split(" → sau: ")[1]);
    }
}
