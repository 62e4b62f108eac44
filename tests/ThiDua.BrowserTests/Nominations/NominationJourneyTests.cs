using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ThiDua.Features.Nominations;

namespace ThiDua.BrowserTests.Nominations;

/// <summary>
/// A nomination end to end, through the pages: the unit's officer files a dossier and submits it → the council's
/// secretariat appraises it → it is published for public comment, a citizen comments on the portal, the
/// secretariat rules → the council votes by secret ballot → the leader issues the decision → its certificate is
/// verified at /xac-minh/{code} by someone signed out.
/// </summary>
public sealed class NominationJourneyTests(NominationJourneyTests.Fixture fx) : IClassFixture<NominationJourneyTests.Fixture>
{
    /// <summary>The browser fixture of an agency whose regulation publishes its CSTĐCS candidates for comment too.</summary>
    public sealed class Fixture : BrowserFixture
    {
        public Fixture() : base(new() { ["Nominations:PublicCommentAlso"] = "CSTDCS" }) { }
    }

    private const string Officer = "tdkt.btctw@thidua.vn";
    private const string Secretary = "hoidong.btctw@thidua.vn";
    private const string Leader = "lanhdao.btctw@thidua.vn";
    private static readonly string[] Members = ["chutich.btctw@thidua.vn", "phochutich.btctw@thidua.vn", "uyvien1.btctw@thidua.vn", "thanhvien.btctw@thidua.vn", Secretary];


    [Fact]
    public async Task Nomination_DraftAppraisalCommentBallotDecision_CertificateVerifiedSignedOut()
    {
        var year = DateTime.UtcNow.Year;
        // A BTCTW person with no dossier of this year: the demo files some, the journey takes another.
        var person = await fx.App.QueryAsync(async db =>
        {
            var agency = await db.Units.Where(u => u.Code == "BTCTW").Select(u => u.Id).SingleAsync();
            var units = await ThiDua.Infrastructure.UnitScopeService.SubtreeAsync(db, agency);
            var taken = db.Nominations.Where(n => n.PersonId != null).Select(n => n.PersonId!.Value);
            return await db.People.Where(p => p.IsActive && p.CurrentUnitId != null && units.Contains(p.CurrentUnitId.Value) && !taken.Contains(p.Id))
                .OrderBy(p => p.Id).Select(p => new { p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName }).FirstAsync();
        });
        var fullName = string.Join(' ', new[] { person.FamilyName, person.MiddleName, person.GivenName }.Where(s => !string.IsNullOrEmpty(s)));
        var achievement = $"Đã hoàn thành xuất sắc nhiệm vụ năm {year} (kiểm thử)";

        // 1. The officer files the dossier (the report comes pre-filled from the registry) and submits it.
        var officer = await fx.SignedInPageAsync(Officer);
        await MainMenu.GoAsync(officer, "Hồ sơ đề nghị");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Lập hồ sơ đề nghị" }).ClickAsync();
        await officer.Locator("#year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await officer.Locator("#q").FillAsync(person.PersonalCode);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await officer.Locator("#create-form input[name='Input.PersonId']").First.CheckAsync();
        await officer.Locator("#code").SelectOptionAsync("CSTDCS");
        await officer.Locator("#achievement").FillAsync(achievement);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lập hồ sơ (dự thảo)" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#state")).ToHaveTextAsync("Dự thảo");
        var dossierUrl = officer.Url;
        var id = int.Parse(Regex.Match(dossierUrl, @"/Nominations/Details/(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await officer.Locator($"#wf-justification-{id}").FillAsync("Đơn vị đề nghị theo kết quả bình xét của Hội đồng cơ quan (kiểm thử).");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gửi để thẩm định" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#wf-state")).ToHaveTextAsync(NominationWorkflow.StateName(NominationState.Submitted));

        // 2. The council's standing secretariat appraises it: the form goes to public comment first.
        var secretary = await fx.SignedInPageAsync(Secretary);
        await secretary.GotoAsync($"/Nominations/Details/{id}");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Thẩm định đạt, lấy ý kiến công khai" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#wf-state")).ToHaveTextAsync(NominationWorkflow.StateName(NominationState.PublicComment));
        await Assertions.Expect(secretary.Locator("#wf-council-why")).ToContainTextAsync("Chưa hết thời gian lấy ý kiến công khai");

        // 3. Someone signed out reads the portal's list and comments on the dossier.
        var citizenContext = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, Locale = "vi-VN" });
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync("/Nominations/PublicList");
        var form = citizen.Locator($"#comment-{id}");
        await citizen.Locator("details").Filter(new() { Has = form }).Locator("summary").ClickAsync();
        await form.Locator($"#name-{id}").FillAsync("Nguyễn Văn Góp Ý");
        await form.Locator($"#text-{id}").FillAsync("Đề nghị Hội đồng xem lại kết quả công tác quý IV của đồng chí (kiểm thử).");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi ý kiến" }).ClickAsync();
        Assert.Equal(1, await fx.App.QueryAsync(db => db.PublicComments.CountAsync(c => c.NominationId == id && c.Ruling == CommentRuling.Pending)));

        // The window lasts ten working days: the test lets them pass by moving the window into the past.
        await fx.App.QueryAsync(async db =>
        {
            var n = await db.Nominations.SingleAsync(x => x.Id == id);
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
            n.PublicCommentFrom = today.AddDays(-20);
            n.PublicCommentUntil = today.AddDays(-1);
            n.DueOn = n.PublicCommentUntil;
            return await db.SaveChangesAsync();
        });

        // 4. The secretariat dismisses the comment with a reason, then sends the dossier to the council.
        await secretary.GotoAsync($"/Nominations/Workflow/Act/{id}");
        var rule = secretary.Locator("form[id^='rule-']").First;
        await rule.Locator("select[name='Ruling']").SelectOptionAsync("Dismissed");
        await rule.Locator("textarea[name='Reason']").FillAsync("Đã xác minh: kết quả quý IV đạt yêu cầu (kiểm thử).");
        await rule.GetByRole(AriaRole.Button, new() { Name = "Ghi kết luận" }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Chuyển Hội đồng" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#wf-state")).ToHaveTextAsync(NominationWorkflow.StateName(NominationState.ReadyForCouncil));

        // 5. The secretariat holds a council session with the dossier on its agenda and opens the ballot.
        await MainMenu.GoAsync(secretary, "Hội đồng");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Hội đồng Thi đua – Khen thưởng Ban Tổ chức Trung ương", Exact = true }).ClickAsync();
        var vnNow = DateTime.UtcNow.AddHours(7);
        await secretary.Locator("#s-date").FillAsync(vnNow.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await secretary.Locator("#s-place").FillAsync("Phòng họp số 2 (kiểm thử)");
        await secretary.Locator("#s-deadline").FillAsync(vnNow.AddDays(2).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Tạo phiên họp" }).ClickAsync();
        var sessionUrl = secretary.Url;
        var sessionId = Regex.Match(sessionUrl, @"/Councils/Session/(\d+)").Groups[1].Value;
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Đưa hồ sơ vào chương trình" }).ClickAsync();
        await secretary.Locator($"#n-{id}").CheckAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#confirm-count")).ToContainTextAsync("1 hồ sơ");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await secretary.GotoAsync($"/Councils/Open/{sessionId}");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Xác nhận mở bỏ phiếu" }).ClickAsync();

        // 6. Every member casts a secret ballot; the last one closes the vote.
        foreach (var member in Members)
        {
            var page = member == Secretary ? secretary : await fx.SignedInPageAsync(member);
            await page.GotoAsync($"/Councils/Ballot/{sessionId}");
            var item = page.Locator("section.card").Filter(new() { HasText = fullName });
            await item.GetByLabel("Đồng ý", new() { Exact = true }).CheckAsync();
            await item.GetByRole(AriaRole.Button, new() { Name = "Gửi phiếu" }).ClickAsync();
            await Assertions.Expect(page.Locator("section.card").Filter(new() { HasText = fullName }).Locator(".voted")).ToBeVisibleAsync();
        }
        await officer.GotoAsync(dossierUrl);
        await Assertions.Expect(officer.Locator("#state")).ToHaveTextAsync(NominationWorkflow.StateName(NominationState.CouncilApproved));

        // 7. The secretariat drafts the agency's decision with the approved dossier; the leader issues it.
        await MainMenu.GoAsync(secretary, "Quyết định");
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Lập quyết định của cơ quan" }).ClickAsync();
        await secretary.Locator("#Input_Year").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await secretary.Locator("#Input_Code").SelectOptionAsync("CSTDCS");
        await secretary.Locator("#Input_Subject").FillAsync($"Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm {year}");
        await secretary.Locator("#Input_SignerName").FillAsync("Trần Văn Bình");
        await secretary.Locator("#Input_SignerTitle").FillAsync("Phó Trưởng Ban Thường trực");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        var decisionUrl = secretary.Url;
        Assert.Matches(@"/Decisions/Details/\d+", decisionUrl);
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Thêm từ hồ sơ đã được Hội đồng đồng ý" }).ClickAsync();
        var boxes = secretary.Locator("#candidates input[name='Chosen']");
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            var box = boxes.Nth(i);
            await box.SetCheckedAsync(await box.GetAttributeAsync("value") == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await Assertions.Expect(secretary.Locator("#review")).ToContainTextAsync(fullName);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "Xác nhận thêm" }).ClickAsync();

        var leader = await fx.SignedInPageAsync(Leader);
        await leader.GotoAsync(decisionUrl);
        await leader.GetByRole(AriaRole.Link, new() { Name = "Ban hành" }).ClickAsync();
        await Assertions.Expect(leader.Locator("#consequence")).ToContainTextAsync("1 cá nhân");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Xác nhận ban hành" }).ClickAsync();
        var row = leader.Locator("tr[id^='recipient-']").Filter(new() { HasText = fullName });
        var code = (await row.Locator("a.verify").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{12}$", code);

        // 8. The certificate is a PDF for the leader; anyone signed out verifies it from its code.
        var pdf = await leader.APIRequest.GetAsync($"/Certificates/{code}.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        await citizen.GotoAsync($"/xac-minh/{code}");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync(fullName);
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("CÒN HIỆU LỰC");
        await officer.GotoAsync(dossierUrl);
        await Assertions.Expect(officer.Locator("#state")).ToHaveTextAsync(NominationWorkflow.StateName(NominationState.Decided));
    }
}
