using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Data;
using ThiDua.DemoData;
using ThiDua.Features.Awards;
using ThiDua.Features.Decisions;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;
using ThiDua.Infrastructure;

namespace ThiDua.Tests.Decisions;

/// <summary>Decisions through their pages: isolation between agencies and the draft's conflict message.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>): each test files its own dossiers and draft and looks only at those;
/// nothing here issues a decision, so the register's numbers the others assert are not touched.</remarks>
public sealed class DecisionPageTests(SharedApp shared) : SharedAppTest(shared)
{
    /// <summary>Files a CouncilApproved dossier for each subject, as the councils step leaves them (created directly, as the brief allows).</summary>
    internal static async Task<List<int>> ApprovedDossiersAsync(AppDbContext db, int? blocId, string code, IEnumerable<int> unitIds, IEnumerable<int> personIds, int? agencyLevel = null)
    {
        var ids = new List<int>();
        var now = new DateTime(2020, 2, 20, 2, 0, 0, DateTimeKind.Utc);
        foreach (var (unit, person) in unitIds.Select(u => ((int?)u, (int?)null)).Concat(personIds.Select(p => ((int?)null, (int?)p))))
        {
            var at = unit ?? await db.People.Where(p => p.Id == person).Select(p => p.CurrentUnitId).FirstAsync();
            var agency = agencyLevel ?? (await UnitScopeService.AgencyOfAsync(db, at!.Value))!.Value;
            var n = new Nomination
            {
                Year = 2019, Code = code, Subject = unit is null ? NominationSubject.Person : NominationSubject.Collective, UnitId = unit, PersonId = person, AgencyId = agency,
                Level = blocId is null ? NominationLevel.Agency : NominationLevel.Bloc, BlocId = blocId, Basis = AwardBasis.Merit, PeriodFrom = 2019, PeriodTo = 2019,
                Achievement = "Đã có thành tích xuất sắc trong công tác năm 2019", State = NominationState.CouncilApproved, StateChangedUtc = now, CreatedUtc = now, CreatedBy = "test",
            };
            db.Nominations.Add(n);
            await db.SaveChangesAsync();
            ids.Add(n.Id);
        }
        return ids;
    }

    /// <summary>A draft decision of BTCTW for <paramref name="code"/> and as many CouncilApproved dossiers of its people (not yet on it).</summary>
    internal static async Task<(int DecisionId, List<int> Dossiers)> AgencyDraftAsync(TestApp app, string code = "CSTDCS", int dossiers = 2)
    {
        var bt = await app.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync());
        var ids = new List<int>();
        var id = 0;
        await app.ExecuteAsync(async db =>
        {
            var people = await db.People.Where(p => p.CurrentUnit!.ParentId == bt).OrderBy(p => p.Id).Select(p => p.Id).Take(dossiers).ToListAsync();
            ids = await ApprovedDossiersAsync(db, null, code, [], people, bt);
            var svc = new DecisionService(db, TimeProvider.System);
            var d = await svc.CreateDraftAsync(bt, null, DecisionKind.Decision, new DraftInput(2019, code, AwardBasis.Merit, 2019, 2019, "Về việc tặng", "Căn cứ", "Nguyễn Văn A", "Trưởng Ban", "Hà Nội", DocumentSystem.Party, ""), "test", default);
            id = d.Id;
        });
        return (id, ids);
    }

    [Fact]
    public async Task Isolation_AnotherAgency_NeitherReadsADraftNorAddsByHiddenId()
    {
        var (id, dossiers) = await AgencyDraftAsync(App);
        var hv = await Shared.As("tdkt.hvctqg@thidua.vn");
        Assert.Equal(HttpStatusCode.NotFound, (await hv.GetAsync($"/Decisions/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hv.GetAsync($"/Decisions/File/{id}/decision")).StatusCode);
        Assert.DoesNotContain($"/Decisions/Details/{id}\"", await hv.GetStringAsync("/Decisions"));
        var token = await hv.AntiforgeryTokenAsync("/People/Edit");
        var post = await hv.PostAsync($"/Decisions/Add/{id}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["Chosen"] = dossiers[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        // The agency's own officer who may not draft is refused; a dossier of another agency posted by a hidden id is refused.
        var officer = await Shared.As("tdkt.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync($"/Decisions/Add/{id}")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync($"/Decisions/Add/{id}")).Headers.Location!.ToString());
        var hvAgency = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var foreign = await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(x => x.CurrentUnit!.ParentId == hvAgency).Select(x => x.Id).FirstAsync();
            return (await ApprovedDossiersAsync(db, null, "CSTDCS", [], [p], hvAgency))[0];
        });
        var secretariat = await Shared.As("hoidong.btctw@thidua.vn");
        var t2 = await secretariat.AntiforgeryTokenAsync($"/Decisions/Add/{id}");
        var res = await secretariat.PostAsync($"/Decisions/Add/{id}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["Chosen"] = foreign.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = t2 }));
        Assert.Contains("không thuộc phạm vi", await res.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.QueryAsync(db => db.DecisionRecipients.CountAsync(r => r.DecisionId == id)));
        // Hostile ids and dates: a Vietnamese message, never a 500.
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/Decisions/Details/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/Decisions?year=99999")).StatusCode);
    }

    [Fact]
    public async Task Draft_StaleVersion_ConflictKeepsInput()
    {
        var (id, _) = await AgencyDraftAsync(App);
        var secretariat = await Shared.As("hoidong.btctw@thidua.vn");
        var fields = new Dictionary<string, string>
        {
            ["Input.Year"] = "2019", ["Input.Code"] = "CSTDCS", ["Input.Basis"] = "Merit", ["Input.System"] = "Party", ["Input.Subject"] = "Trích yếu mới của tôi", ["Input.Version"] = "0",
        };
        await App.ExecuteAsync(async db => await db.Decisions.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 5)));
        var r = await secretariat.PostFormAsync($"/Decisions/Edit/{id}", fields);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("vừa được người khác sửa", html);
        Assert.Contains("Trích yếu mới của tôi", html);
    }
}

/// <summary>Seeding the demo decisions and issuing: each on its own copy, as they assert the register's numbers from 1 and the demo's counts.</summary>
public sealed class DecisionPageIssueTests : AppTest
{
    private async Task<BlocYearDemoContext> DemoContextAsync(AppDbContext db, IServiceProvider sp)
    {
        var bloc = await db.Blocs.SingleAsync(b => b.Code == DemoSeeder.BlocCode);
        var codes = DemoSeeder.Agencies.Select(a => a.Code).ToList();
        var agencies = await db.Units.Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id);
        var bk = await db.Awards.AsNoTracking().Where(a => a.Year == 2019 && a.Code == "BK_BO" && a.DecisionNumber != null && a.DecisionNumber.StartsWith("15-QĐ/KTĐ")).ToListAsync();
        return new BlocYearDemoContext
        {
            Db = db, Services = sp, BlocId = bloc.Id, Agencies = agencies,
            BkCollectives2019 = bk.Where(a => a.UnitId != null).Select(a => a.UnitId!.Value).ToList(),
            BkIndividuals2019 = bk.Where(a => a.PersonId != null).Select(a => a.PersonId!.Value).ToList(),
        };
    }

    [Fact]
    public async Task Demo_BlocDossiersApproved_BlocLeaderDecisionGives13CollectivesAnd35Individuals()
    {
        int blocId = 0;
        await App.ExecuteAsync(async db =>
        {
            using var scope = App.Services.CreateScope();
            var ctx = await DemoContextAsync(db, scope.ServiceProvider);
            blocId = ctx.BlocId;
            await DecisionPageTests.ApprovedDossiersAsync(db, ctx.BlocId, "BK_BO", ctx.BkCollectives2019, ctx.BkIndividuals2019);
            var bt = ctx.Agencies["BTCTW"];
            var people = await db.People.Where(p => p.CurrentUnit!.ParentId == bt).Select(p => p.Id).Take(2).ToListAsync();
            await DecisionPageTests.ApprovedDossiersAsync(db, null, "CSTDCS", [], people, bt);
            await DecisionPageTests.ApprovedDossiersAsync(db, null, "BK_TTG", [], people.Take(1), bt);
            db.ChangeTracker.Clear();
            await DecisionsDemo.SeedAsync(ctx, CancellationToken.None);
        });
        var d = await App.QueryAsync(db => db.Decisions.Include(x => x.Recipients).ThenInclude(r => r.Award).Include(x => x.IssuerAgency).SingleAsync(x => x.BlocId == blocId));
        Assert.Equal(DecisionState.Issued, d.State);
        Assert.Equal(new DateOnly(2020, 3, 4), d.SignedOn);
        Assert.Equal("1-QĐ/KTĐ", d.NumberText);
        Assert.Equal(13, d.Recipients.Count(r => r.UnitId != null && r.PersonId == null));
        Assert.Equal(35, d.Recipients.Count(r => r.PersonId != null));
        Assert.Contains(d.Recipients, r => r.DisplayName.Contains("Đoàn", StringComparison.Ordinal) || r.Unit is null);
        Assert.Equal(Enumerable.Range(1, 48), d.Recipients.Select(r => r.CertificateNumber!.Value).Order());
        Assert.Equal(48, d.Recipients.Select(r => r.VerificationCode).Distinct().Count());
        Assert.All(d.Recipients, r => { Assert.Equal(AwardStatus.Conferred, r.Award!.Status); Assert.Equal(2019, r.Award.PeriodTo); Assert.Equal("1-QĐ/KTĐ", r.Award.DecisionNumber); });
        Assert.Equal(1_490_000, d.Recipients.First(r => r.PersonId != null).AmountVnd);
        Assert.Equal(2_980_000, d.Recipients.First(r => r.PersonId == null).AmountVnd);
        Assert.Single(d.Recipients, r => r.Award!.RevokedOn is not null);
        var youth = await App.QueryAsync(db => db.Units.Where(u => u.Code == "BTCTW-DTN").Select(u => u.Id).SingleAsync());
        Assert.Contains(d.Recipients, r => r.UnitId == youth);
        Assert.Equal(0, await App.QueryAsync(db => db.Nominations.CountAsync(n => n.BlocId == blocId && n.State == NominationState.CouncilApproved)));
        // BTCTW: its own decision for CSTĐCS, and a cover letter upward for the Prime Minister's Bằng khen.
        var own = await App.QueryAsync(db => db.Decisions.Where(x => x.BlocId == null).OrderBy(x => x.Code).Select(x => new { x.Code, x.Kind, x.NumberText, x.State }).ToListAsync());
        Assert.Contains(own, x => x.Code == "CSTDCS" && x.Kind == DecisionKind.Decision && x.NumberText == "1-QĐ/BTCTW");
        Assert.Contains(own, x => x.Code == "BK_TTG" && x.Kind == DecisionKind.Upward && x.NumberText == "1-TTr/BTCTW");
        Assert.Equal(1, await App.QueryAsync(db => db.Nominations.CountAsync(n => n.Code == "BK_TTG" && n.State == NominationState.SubmittedUpward)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Thu hồi khen thưởng")));
        Assert.True(await App.QueryAsync(db => db.Notifications.AnyAsync(n => n.Kind == Features.Notifications.NotificationKind.DecisionIssued)));
    }

    [Fact]
    public async Task Issue_TwoAtOnceInOneRegister_NeverShareANumber()
    {
        var (a, da) = await DecisionPageTests.AgencyDraftAsync(App, "CSTDCS", 2);
        var (b, db2) = await DecisionPageTests.AgencyDraftAsync(App, "LDTT", 2);
        await App.ExecuteAsync(async db =>
        {
            var svc = new DecisionService(db, TimeProvider.System);
            Assert.True((await svc.AddNominationsAsync(a, da, "test", default)).Ok);
            Assert.True((await svc.AddNominationsAsync(b, db2, "test", default)).Ok);
        });
        async Task Issue(int id)
        {
            using var scope = App.Services.CreateScope();
            var svc = scope.ServiceProvider.GetRequiredService<DecisionService>();
            var r = await svc.IssueAsync(id, new DateOnly(2020, 1, 10), "lanhdao.btctw@thidua.vn", default);
            Assert.True(r.Ok, r.Error);
        }
        await Task.WhenAll(Task.Run(() => Issue(a)), Task.Run(() => Issue(b)));
        var rows = await App.QueryAsync(db => db.Decisions.Where(x => x.Id == a || x.Id == b).Include(x => x.Recipients).ToListAsync());
        Assert.Equal(new[] { 1, 2 }, rows.Select(x => x.Number!.Value).Order());
        Assert.Equal(Enumerable.Range(1, 4), rows.SelectMany(x => x.Recipients).Select(r => r.CertificateNumber!.Value).Order());
    }

    [Fact]
    public async Task Pages_IssuedDecision_CannotBeEditedAndAwardsLocked()
    {
        var (id, dossiers) = await DecisionPageTests.AgencyDraftAsync(App);
        var secretariat = await App.SignInAsync("hoidong.btctw@thidua.vn");
        // The confirm step names how many, then adding them.
        var review = await secretariat.PostFormAsync($"/Decisions/Add/{id}?handler=Review", new() { ["Chosen"] = dossiers[0].ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Decisions/Add/{id}");
        Assert.Contains("consequence", await review.Content.ReadAsStringAsync());
        var add = await secretariat.PostAsync($"/Decisions/Add/{id}?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Chosen"] = dossiers[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = await secretariat.AntiforgeryTokenAsync($"/Decisions/Add/{id}"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        // The secretariat drafts, the leader issues.
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.GetAsync($"/Decisions/Issue/{id}")).StatusCode);
        var leader = await App.SignInAsync("lanhdao.btctw@thidua.vn");
        var confirm = await leader.GetStringAsync($"/Decisions/Issue/{id}?signedOn=10/01/2020");
        Assert.Contains("1-QĐ/BTCTW", confirm);
        var issued = await leader.PostFormAsync($"/Decisions/Issue/{id}", new() { ["signedOn"] = "10/01/2020" });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var d = await App.QueryAsync(db => db.Decisions.Include(x => x.Recipients).SingleAsync(x => x.Id == id));
        Assert.Equal(DecisionState.Issued, d.State);
        var before = d.Version;
        // Editing afterwards: refused by the page and by a post.
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.GetAsync($"/Decisions/Edit/{id}")).StatusCode);
        var token = await secretariat.AntiforgeryTokenAsync($"/Decisions/Edit?agency={d.IssuerAgencyId}");
        var post = await secretariat.PostAsync($"/Decisions/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Year"] = "2019", ["Input.Code"] = "CSTDCS", ["Input.Subject"] = "Đổi", ["Input.Version"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = token,
        }));
        Assert.Contains("không sửa được", await post.Content.ReadAsStringAsync());
        Assert.Equal("Về việc tặng", await App.QueryAsync(db => db.Decisions.Where(x => x.Id == id).Select(x => x.Subject).SingleAsync()));
        var rid = d.Recipients.Single().Id;
        // Removing a recipient afterwards: the page says why not, and a post changes nothing.
        Assert.Contains("Quyết định đã ban hành: không bỏ được ai khỏi danh sách.", System.Net.WebUtility.HtmlDecode(await secretariat.GetStringAsync($"/Decisions/Remove/{rid}")));
        var removePost = await secretariat.PostAsync($"/Decisions/Remove/{rid}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, removePost.StatusCode);
        Assert.Contains("Quyết định đã ban hành: không bỏ được ai khỏi danh sách.", System.Net.WebUtility.HtmlDecode(await removePost.Content.ReadAsStringAsync()));
        Assert.Equal(1, await App.QueryAsync(db => db.DecisionRecipients.CountAsync(r => r.DecisionId == id)));
        // The award is locked on the People pages.
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var awardId = d.Recipients.Single().AwardId!.Value;
        var edit = await officer.GetAsync($"/People/EditAward/{awardId}");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(2019, await App.QueryAsync(db => db.Awards.Where(a => a.Id == awardId).Select(a => a.PeriodTo).SingleAsync()));
        // Revocation: reviewed, confirmed, audited before → after, shown in the history and the list.
        var fields = new Dictionary<string, string> { ["Reason"] = "Kê khai không đúng", ["Ground"] = "Luật TĐKT 2022", ["RevokingDecision"] = "5-QĐ/BTCTW", ["RevokedOn"] = "01/06/2020" };
        var reviewRevoke = await secretariat.PostFormAsync($"/Decisions/Revoke/{rid}", fields);
        Assert.Contains("consequence", await reviewRevoke.Content.ReadAsStringAsync());
        Assert.Null(await App.QueryAsync(db => db.Awards.Where(a => a.Id == awardId).Select(a => a.RevokedOn).SingleAsync()));
        fields["Confirm"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await secretariat.PostFormAsync($"/Decisions/Revoke/{rid}", fields)).StatusCode);
        Assert.Equal(new DateOnly(2020, 6, 1), await App.QueryAsync(db => db.Awards.Where(a => a.Id == awardId).Select(a => a.RevokedOn).SingleAsync()));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Thu hồi khen thưởng" && a.EntityId == awardId.ToString(System.Globalization.CultureInfo.InvariantCulture)).SingleAsync());
        Assert.Contains("trước:", audit.Details);
        Assert.Contains("→ sau: đã thu hồi", audit.Details);
        var person = d.Recipients.Single().PersonId!.Value;
        Assert.Contains("Đã thu hồi", await officer.GetStringAsync($"/People/Details/{person}"));
        Assert.Contains("Đã thu hồi", await officer.GetStringAsync($"/Decisions/Details/{id}"));
        Assert.Equal(NominationState.Decided, await App.QueryAsync(db => db.Nominations.Where(n => n.Id == dossiers[0]).Select(n => n.State).SingleAsync()));
    }
}
