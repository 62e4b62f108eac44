using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;
using static ThiDua.Tests.Movements.MovementTestData;

namespace ThiDua.Tests.Movements;

/// <summary>Movements by role and unit: pages keyed by id, form posts with another agency's ids.</summary>
/// <remarks>One app for the class: these tests read or are refused; the two that save write their own movement and the BTCTW 2020 participation row, which no other test here reads.</remarks>
public sealed class MovementAccessTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task Details_BlocMovement2019_TargetReadersOk_DraftOfBlocDenied()
    {
        var m2019 = await Movement2019Async(App);
        var draft = await Draft2020Async(App);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/Movements/Details/{m2019}")).StatusCode);
        var member = await Shared.As("thanhvien.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/Movements/Details/{m2019}")).StatusCode);
        AssertDenied(await Client.GetAsync($"/Movements/Details/{draft}"));
        AssertDenied(await Client.GetAsync($"/Movements/Edit/{m2019}"));
        AssertDenied(await Client.GetAsync($"/Movements/Confirm/{draft}?op=launch"));
        AssertDenied(await Client.GetAsync($"/Movements/Confirm/{m2019}?op=clone"));
        var contest = await App.QueryAsync(db => db.Contests.Where(c => c.Name == MovementsDemo.Contest2019).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/Movements/Contests/Details/{contest}")).StatusCode);
        AssertDenied(await Client.GetAsync($"/Movements/Contests/Edit/{contest}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Movements/Details/999999")).StatusCode);
    }

    [Fact]
    public async Task Officer_PostsToBlocMovement_IsDeniedAndNothingChanges()
    {
        var draft = await Draft2020Async(App);
        AssertDenied(await Client.PostFormAsync($"/Movements/Edit/{draft}", Form("Chiếm quyền", 2020), "/Movements/Edit"));
        AssertDenied(await ConfirmAsync(Client, App, draft, "launch"));
        Assert.Equal((MovementsDemo.Theme2019, MovementState.Draft), await App.QueryAsync(db => db.Movements.Where(m => m.Id == draft).Select(m => new ValueTuple<string, MovementState>(m.Theme, m.State)).SingleAsync()));
    }

    [Fact]
    public async Task Officer_OwnAgencyMovement_TargetsOnlyOwnUnits_OthersCannotReadIt()
    {
        var bt = await UnitAsync(App, "BTCTW");
        var hv = await UnitAsync(App, "HVCTQG");
        var dept = await UnitAsync(App, "BTCTW-D01");
        // A forged target (another agency's id in the form) is refused and nothing is saved.
        var forged = await Client.PostFormAsync("/Movements/Edit", Form("Của Ban Tổ chức", 2024, hv));
        Assert.Contains("Đơn vị được phát động: chỉ chọn được cơ quan của bạn và các đơn vị trực thuộc.", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.False(await App.QueryAsync(db => db.Movements.AnyAsync(m => m.Theme == "Của Ban Tổ chức")));
        var national = Form("Giả toàn quốc", 2024, bt);
        national["Input.IsNational"] = "true";
        national["Input.NationalAuthority"] = "Thủ tướng Chính phủ";
        AssertDenied(await Client.PostFormAsync("/Movements/Edit", national));

        var id = await CreateAsync(Client, Form("Của Ban Tổ chức", 2024, bt, dept));
        Assert.Equal(bt, await App.QueryAsync(db => db.Movements.Where(m => m.Id == id).Select(m => m.LaunchedByUnitId).SingleAsync()));
        Assert.StartsWith("Đã phát động", await FlashAsync(Client, await ConfirmAsync(Client, App, id, "launch")));
        var hvClient = await Shared.As("tdkt.hvctqg@thidua.vn");
        AssertDenied(await hvClient.GetAsync($"/Movements/Details/{id}"));
        AssertDenied(await hvClient.GetAsync($"/Movements/Confirm/{id}?op=end"));
        var leader = await Shared.As("lanhdao.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Movements/Details/{id}")).StatusCode);
        AssertDenied(await leader.GetAsync($"/Movements/Edit/{id}"));
        // The secretariat reads every movement of the bloc.
        var secretariat = await Shared.As("thuongtruc.khoi@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/Movements/Details/{id}")).StatusCode);
    }

    [Fact]
    public async Task Participation_OfficerFillsOwnRowOnly_AnotherAgencysRowByUrlOrPostIsDenied()
    {
        var national = await NationalAsync(App);
        var bt = await UnitAsync(App, "BTCTW");
        var hv = await UnitAsync(App, "HVCTQG");
        AssertDenied(await Client.GetAsync($"/Movements/Participation/{national}?unit={hv}&year=2019"));
        var hvBefore = await App.QueryAsync(db => db.NationalParticipations.Where(p => p.MovementId == national && p.UnitId == hv && p.Year == 2019).Select(p => p.Result).SingleAsync());
        AssertDenied(await Client.PostFormAsync($"/Movements/Participation/{national}?unit={hv}&year=2019", new() { ["Input.Result"] = "Ghi hộ", ["Input.Version"] = "0" }, $"/Movements/Participation/{national}?unit={bt}&year=2019"));
        Assert.Equal(hvBefore, await App.QueryAsync(db => db.NationalParticipations.Where(p => p.MovementId == national && p.UnitId == hv && p.Year == 2019).Select(p => p.Result).SingleAsync()));

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Movements/Details/{national}?year=2019"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Ghi kết quả"));
        Assert.DoesNotContain("Học viện Chính trị quốc gia Hồ Chí Minh", html);

        var response = await Client.PostFormAsync($"/Movements/Participation/{national}?unit={bt}&year=2020",
            new() { ["Input.Participating"] = "true", ["Input.Activities"] = "Ủng hộ xã kết nghĩa", ["Input.Result"] = "Hoàn thành", ["Input.AmountVnd"] = "5500000", ["Input.Version"] = "0" });
        Assert.Equal("Đã lưu kết quả hưởng ứng của Ban Tổ chức Trung ương năm 2020.", await FlashAsync(Client, response));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Ghi kết quả hưởng ứng phong trào toàn quốc" && a.UserName == "tdkt.btctw@thidua.vn" && a.Details!.Contains("năm 2020")));
        Assert.Contains("trước: — → sau: tham gia: có; việc đã làm: Ủng hộ xã kết nghĩa; kết quả: Hoàn thành; đóng góp: 5.500.000 đồng", audit.Details);

        // A stale second save of the same row keeps the input and says so.
        var stale = await Client.PostFormAsync($"/Movements/Participation/{national}?unit={bt}&year=2020",
            new() { ["Input.Participating"] = "true", ["Input.Result"] = "Sửa muộn", ["Input.Version"] = "99" });
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains(MovementService.ConflictMessage, staleHtml);
        Assert.Contains("Sửa muộn", staleHtml);
    }

    [Theory]
    [InlineData("?year=99999")]
    [InlineData("?year=-1")]
    public async Task Participation_YearOutOfRange_IsRefusedInVietnamese(string query)
    {
        var national = await NationalAsync(App);
        var page = await Client.GetAsync($"/Movements/Participation/{national}{query}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Năm: năm phải từ 2000 đến 2100.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }
}
