using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;
using static ThiDua.Tests.Nominations.DossierPages;

namespace ThiDua.Tests.Nominations;

/// <summary>Correcting a dossier's level, movement, basis and period (/Nominations/Terms), signed in as the BTCTW emulation officer.</summary>
/// <remarks>One app for the class: each test creates its own dossiers and reads only those.</remarks>
public sealed class DossierTermsTests(SharedApp shared) : SharedAppTest(shared, Officer)
{
    private static string S(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(int version, string level = "Agency", string basis = "DotXuat", string from = "2018", string to = "2019", string movement = "") => new()
    {
        ["Input.Version"] = S(version), ["Input.Level"] = level, ["Input.Basis"] = basis, ["Input.PeriodFrom"] = from, ["Input.PeriodTo"] = to, ["Input.MovementId"] = movement,
    };

    private Task<Nomination> ReadAsync(int id) => App.QueryAsync(db => db.Nominations.AsNoTracking().SingleAsync(x => x.Id == id));

    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    private Task MoveAsync(int id, params NominationState[] path) => App.ExecuteAsync(async db =>
    {
        var x = await db.Nominations.SingleAsync(y => y.Id == id);
        foreach (var to in path) Assert.True(NominationWorkflow.Move(db, x, to, Officer, "cần bổ sung", DateTime.UtcNow));
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task ChangeTerms_Draft_SavedAuditedBeforeAfter()
    {
        var n = await CreateAsync(App, "BTCTW");
        Assert.Contains($"/Nominations/Terms/{n.Id}", await Client.GetStringAsync($"/Nominations/Details/{n.Id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/Nominations/Terms/{n.Id}")).StatusCode);
        var r = await Client.PostFormAsync($"/Nominations/Terms/{n.Id}", Form(n.Version));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var after = await ReadAsync(n.Id);
        Assert.Equal((AwardBasis.DotXuat, 2018, 2019, NominationLevel.Agency), (after.Basis, after.PeriodFrom, after.PeriodTo, after.Level));
        Assert.True(after.Version > n.Version);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Nomination" && a.EntityId == S(n.Id) && a.Action == "Sửa cấp xét, phong trào, loại thành tích, thời gian").Select(a => a.Details!).SingleAsync());
        Assert.Contains("trước: Cấp cơ quan", audit, StringComparison.Ordinal);
        Assert.Contains("Thành tích đột xuất; thành tích 2018–2019", audit, StringComparison.Ordinal);
        // The checks are computed from the stored values: the dossier page shows the new basis and period.
        var details = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Nominations/Details/{n.Id}"));
        Assert.Contains("Thành tích đột xuất", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeTerms_Returned_Saved()
    {
        var n = await CreateAsync(App, "BTCTW", personId: await PersonOfAsync(App, "BTCTW", 3));
        await MoveAsync(n.Id, NominationState.Submitted, NominationState.Returned);
        var v = (await ReadAsync(n.Id)).Version;
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Nominations/Terms/{n.Id}", Form(v, basis: "ChuyenDe", from: "2019"))).StatusCode);
        Assert.Equal(AwardBasis.ChuyenDe, (await ReadAsync(n.Id)).Basis);
    }

    [Fact]
    public async Task ChangeTerms_StaleVersion_ConflictMessageKeepsInput()
    {
        var n = await CreateAsync(App, "BTCTW", personId: await PersonOfAsync(App, "BTCTW", 4));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Nominations/Terms/{n.Id}", Form(n.Version, basis: "DotXuat"))).StatusCode);
        var r = await Client.PostFormAsync($"/Nominations/Terms/{n.Id}", Form(n.Version, basis: "ChuyenDe", from: "2017"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = await HtmlAsync(r);
        Assert.Contains(DossierConflictException.Text, html, StringComparison.Ordinal);
        Assert.Contains("value=\"2017\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"ChuyenDe\" selected", html);
        Assert.Equal(AwardBasis.DotXuat, (await ReadAsync(n.Id)).Basis);
    }

    [Fact]
    public async Task ChangeTerms_Submitted_RefusedByPageAndPost()
    {
        var n = await CreateAsync(App, "BTCTW", personId: await PersonOfAsync(App, "BTCTW", 5));
        await MoveAsync(n.Id, NominationState.Submitted);
        var v = (await ReadAsync(n.Id)).Version;
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Nominations/Terms/{n.Id}"));
        Assert.Contains("chỉ sửa được cấp xét", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"terms-form\"", page, StringComparison.Ordinal);
        var r = await Client.PostFormAsync($"/Nominations/Terms/{n.Id}", Form(v), $"/Nominations/Details/{n.Id}");
        Assert.Contains("chỉ sửa được cấp xét", await HtmlAsync(r), StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<DossierRefusedException>(() => App.QueryAsync(db => new DossierService(db).ChangeTermsAsync(n.Id, v, new DossierTerms(NominationLevel.Agency, null, AwardBasis.DotXuat, null, null), Officer, DateTime.UtcNow)));
        Assert.Contains("Đã gửi", e.Message, StringComparison.Ordinal);
        Assert.Equal(AwardBasis.Merit, (await ReadAsync(n.Id)).Basis);
    }

    [Fact]
    public async Task ChangeTerms_OtherAgency_DeniedByUrlPostAndChangedId()
    {
        var foreign = await CreateAsync(App, "HVCTQG");
        var own = await CreateAsync(App, "BTCTW", personId: await PersonOfAsync(App, "BTCTW", 6));
        Assert.Contains("/Account/AccessDenied", (await Client.GetAsync($"/Nominations/Terms/{foreign.Id}")).Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        // Its own form (token and version), posted to the other agency's route: the route's dossier is checked, not the form.
        var post = await Client.PostFormAsync($"/Nominations/Terms/{foreign.Id}", Form(foreign.Version), $"/Nominations/Terms/{own.Id}");
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        // A smuggled id field is not read (the handler binds the id from the route only).
        var smuggled = Form(own.Version);
        smuggled["id"] = S(foreign.Id);
        smuggled["Input.Id"] = S(foreign.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Nominations/Terms/{own.Id}", smuggled)).StatusCode);
        Assert.Equal(AwardBasis.Merit, (await ReadAsync(foreign.Id)).Basis);
        Assert.Equal(AwardBasis.DotXuat, (await ReadAsync(own.Id)).Basis);
        // A reader of the same agency (leader) may not edit.
        var leader = await Shared.As("lanhdao.btctw@thidua.vn");
        Assert.Contains("/Account/AccessDenied", (await leader.GetAsync($"/Nominations/Terms/{own.Id}")).Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Nominations/Terms/99999999")).StatusCode);
    }

    [Fact]
    public async Task ChangeTerms_HostileInput_RefusedNamingTheFieldWithoutError()
    {
        var n = await CreateAsync(App, "BTCTW", personId: await PersonOfAsync(App, "BTCTW", 7));
        async Task<string> PostAsync(Dictionary<string, string> f)
        {
            var r = await Client.PostFormAsync($"/Nominations/Terms/{n.Id}", f);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return await HtmlAsync(r);
        }
        var html = await PostAsync(Form(n.Version, level: "9", basis: "<script>", from: new string('9', 5000), to: "-1", movement: "abc"));
        Assert.Contains("Cấp xét: hãy chọn", html, StringComparison.Ordinal);
        Assert.Contains("Loại thành tích: hãy chọn", html, StringComparison.Ordinal);
        Assert.Contains("Thời gian lập thành tích (từ năm): giá trị không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Thời gian lập thành tích (đến năm): giá trị không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Phong trào: giá trị không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("Phiên bản hồ sơ không hợp lệ", await PostAsync(new() { ["Input.Version"] = "x", ["Input.Level"] = "Agency", ["Input.Basis"] = "Merit", ["Input.PeriodFrom"] = "2019", ["Input.PeriodTo"] = "2019" }), StringComparison.Ordinal);
        // The create checks, with their messages.
        Assert.Contains("năm kết thúc không được sau năm đề nghị (2019)", await PostAsync(Form(n.Version, to: "2020")), StringComparison.Ordinal);
        Assert.Contains("năm bắt đầu phải không sau năm kết thúc", await PostAsync(Form(n.Version, from: "2019", to: "2018")), StringComparison.Ordinal);
        Assert.Contains("Thời gian lập thành tích", await PostAsync(Form(n.Version, from: "1999")), StringComparison.Ordinal);
        Assert.Contains("do Hội đồng TĐKT của cơ quan xét", await PostAsync(Form(n.Version, level: "Bloc")), StringComparison.Ordinal);
        Assert.Contains("Phong trào: không có phong trào này", await PostAsync(Form(n.Version, movement: "99999999")), StringComparison.Ordinal);
        var same = await ReadAsync(n.Id);
        Assert.Equal((n.Version, AwardBasis.Merit, NominationLevel.Agency), (same.Version, same.Basis, same.Level));
    }
}
