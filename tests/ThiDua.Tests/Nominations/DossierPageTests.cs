using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Nominations;
using ThiDua.Infrastructure;
using static ThiDua.Tests.Nominations.DossierPages;

namespace ThiDua.Tests.Nominations;

/// <summary>What the dossier page tests share: an agency's id, one of its people, a dossier created through the service.</summary>
internal static class DossierPages
{
    public const string Officer = "tdkt.btctw@thidua.vn";
    public const string FormPage = "/Nominations/Create?year=2019&subject=Collective";

    public static Task<int> AgencyAsync(TestApp app, string code) => app.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    public static async Task<int> PersonOfAsync(TestApp app, string agencyCode, int skip = 0)
    {
        var agency = await AgencyAsync(app, agencyCode);
        return await app.QueryAsync(async db =>
        {
            var units = await UnitScopeService.SubtreeAsync(db, agency);
            return await db.People.Where(p => p.IsActive && p.CurrentUnitId != null && units.Contains(p.CurrentUnitId.Value)).OrderBy(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync();
        });
    }

    public static async Task<Nomination> CreateAsync(TestApp app, string agencyCode, string code = "CSTDCS", int? personId = null, NominationLevel level = NominationLevel.Agency,
        string achievement = "", AwardBasis basis = AwardBasis.Merit, int year = 2019)
    {
        var agency = await AgencyAsync(app, agencyCode);
        var person = personId ?? await PersonOfAsync(app, agencyCode);
        return await app.QueryAsync(db => new DossierService(db).CreateAsync(
            new NewDossier(agency, NominationSubject.Person, person, null, code, year, level, null, basis, null, null, achievement), Officer, DateTime.UtcNow));
    }
}

/// <summary>The dossier through its pages and its service, signed in as the BTCTW emulation officer.</summary>
/// <remarks>One app for the class (<see cref="SharedApp"/>): each test creates its own dossiers and finds them by their ids
/// (the duplicate checks use a person no other test here files for); the two that look up a person's dossiers by person have their own app.</remarks>
public sealed class DossierPageTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task Create_BadCodeLevelOrYear_RefusedNamingTheField()
    {
        var e1 = await Assert.ThrowsAsync<DossierRefusedException>(() => CreateAsync(App, "BTCTW", code: "TTLDTT"));
        Assert.StartsWith("Danh hiệu, hình thức", e1.Message, StringComparison.Ordinal);
        var e2 = await Assert.ThrowsAsync<DossierRefusedException>(() => CreateAsync(App, "BTCTW", code: "CSTDCS", level: NominationLevel.Bloc));
        Assert.StartsWith("Cấp xét", e2.Message, StringComparison.Ordinal);
        var e3 = await Assert.ThrowsAsync<DossierRefusedException>(() => CreateAsync(App, "BTCTW", year: 1999));
        Assert.Contains("2000", e3.Message, StringComparison.Ordinal);
        var page = await Client.PostFormAsync("/Nominations/Create", new() { ["year"] = "abc", ["subject"] = "Person", ["Input.PersonId"] = "x", ["Input.Level"] = "9" }, FormPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("Năm đề nghị phải từ 2000 đến 2100", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherAgencysDossier_UrlAndPosts_DeniedAndUnchanged()
    {
        var n = await CreateAsync(App, "HVCTQG");
        foreach (var url in new[] { $"/Nominations/Details/{n.Id}", $"/Nominations/Edit/{n.Id}", $"/Nominations/Report/{n.Id}" })
            Assert.Contains("/Account/AccessDenied", (await Client.GetAsync(url)).Headers.Location?.ToString() ?? "");
        var own = await CreateAsync(App, "BTCTW");
        // The form of its own dossier, posted to the other agency's route.
        var post = await Client.PostFormAsync($"/Nominations/Edit/{n.Id}", new() { ["Version"] = "0", ["Input.ReportMeasures"] = "chiếm quyền" }, $"/Nominations/Edit/{own.Id}");
        Assert.Contains("/Account/AccessDenied", post.Headers.Location?.ToString() ?? "");
        var upload = await Client.PostFormAsync($"/Nominations/Details/{n.Id}?handler=Upload", new() { ["kind"] = "CoverLetter" }, $"/Nominations/Details/{own.Id}");
        Assert.Contains("/Account/AccessDenied", upload.Headers.Location?.ToString() ?? "");
        Assert.Equal("", await App.QueryAsync(db => db.Nominations.Where(x => x.Id == n.Id).Select(x => x.ReportMeasures).SingleAsync()));
        var list = await Client.GetStringAsync("/Nominations");
        Assert.Contains($"/Nominations/Details/{own.Id}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Nominations/Details/{n.Id}\"", list, StringComparison.Ordinal);
        var leader = await Shared.As("lanhdao.btctw@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/Nominations/Details/{own.Id}")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await leader.GetAsync($"/Nominations/Edit/{own.Id}")).Headers.Location?.ToString() ?? "");
        var secretariat = await Shared.As("thuongtruc.khoi@thidua.vn");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync($"/Nominations/Details/{n.Id}")).StatusCode);
    }

    [Fact]
    public async Task Edit_StaleVersion_ConflictMessageKeepsTheTypedTextAndAudits()
    {
        var n = await CreateAsync(App, "BTCTW");
        var first = await Client.PostFormAsync($"/Nominations/Edit/{n.Id}", new() { ["Version"] = n.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.ReportMeasures"] = "Bản của người thứ nhất", ["Input.ReportBackground"] = n.ReportBackground, ["Input.ReportAchievements"] = n.ReportAchievements, ["Input.ReportPriorAwards"] = n.ReportPriorAwards });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await Client.PostFormAsync($"/Nominations/Edit/{n.Id}", new() { ["Version"] = n.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.ReportMeasures"] = "Bản của người thứ hai", ["Input.ReportBackground"] = n.ReportBackground, ["Input.ReportAchievements"] = n.ReportAchievements, ["Input.ReportPriorAwards"] = n.ReportPriorAwards });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains(DossierConflictException.Text, html, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ hai", html, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ nhất", html, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", await App.QueryAsync(db => db.Nominations.Where(x => x.Id == n.Id).Select(x => x.ReportMeasures).SingleAsync()));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "Nomination" && a.EntityId == n.Id.ToString() && a.Action == "Sửa hồ sơ đề nghị khen thưởng").Select(a => a.Details).ToListAsync());
        Assert.Single(audit);
        Assert.Contains("II.1.", audit[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_TooLongOrNotEditable_RefusedNamingTheSectionOrState()
    {
        var n = await CreateAsync(App, "BTCTW");
        var response = await Client.PostFormAsync($"/Nominations/Edit/{n.Id}", new() { ["Version"] = "0", ["Input.ReportPriorAwards"] = new string('x', DossierRules.MaxPriorAwards + 1) });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("III. Các hình thức đã được khen thưởng: tối đa 10.000 ký tự", html, StringComparison.Ordinal);
        await App.ExecuteAsync(async db =>
        {
            var x = await db.Nominations.SingleAsync(y => y.Id == n.Id);
            Assert.True(NominationWorkflow.Move(db, x, NominationState.Submitted, Officer, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var version = await App.QueryAsync(db => db.Nominations.Where(x => x.Id == n.Id).Select(x => x.Version).SingleAsync());
        var e = await Assert.ThrowsAsync<DossierRefusedException>(() => App.QueryAsync(db => new DossierService(db).SaveReportAsync(n.Id, version, new DossierText("a", "b", "c", "d", "e", null), Officer, DateTime.UtcNow)));
        Assert.Contains("Đã gửi", e.Message, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Nominations/Edit/{n.Id}"));
        Assert.Contains("chỉ sửa được khi là dự thảo", page, StringComparison.Ordinal);
        Assert.Contains("Lập hồ sơ", WebUtility.HtmlDecode(await Client.GetStringAsync($"/Nominations/Details/{n.Id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Docx_PassesTheValidatorWithTitleFormAndPartyHeading()
    {
        var n = await CreateAsync(App, "BTCTW", achievement: "Hoàn thành xuất sắc nhiệm vụ");
        var response = await Client.GetAsync($"/Nominations/Report/{n.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"bao-cao-thanh-tich-{n.Id}.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var ms = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(ms, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("BÁO CÁO THÀNH TÍCH", text, StringComparison.Ordinal);
        Assert.Contains("ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ", text, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Mẫu số 03", text, StringComparison.Ordinal);
        Assert.Contains("Nghị định", text, StringComparison.Ordinal);
        Assert.Contains("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", text, StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Upload(string token, string kind, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(kind), "kind" } };
        form.Add(new ByteArrayContent(content), "file", fileName);
        return form;
    }

    [Fact]
    public async Task Upload_PdfAndXlsx_AcceptedChecklistUpdatesDownloadAndConfirmedRemoval()
    {
        var n = await CreateAsync(App, "BTCTW");
        var url = $"/Nominations/Details/{n.Id}";
        var token = await Client.AntiforgeryTokenAsync(url);
        var pdf = "%PDF-1.4\n%test\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostAsync(url + "?handler=Upload", Upload(token, "CoverLetter", pdf, "to-trinh.pdf"))).StatusCode);
        byte[] xlsx;
        using (var ms = new MemoryStream())
        {
            using (var x = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Create(ms, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook)) { x.AddWorkbookPart().Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(); }
            xlsx = ms.ToArray();
        }
        // A workbook sent under a Word name is kept and served as what its content is.
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostAsync(url + "?handler=Upload", Upload(token, "Minutes", xlsx, "bien-ban.docx"))).StatusCode);
        var fake = await Client.PostAsync(url + "?handler=Upload", Upload(token, "AchievementReport", "not a pdf"u8.ToArray(), "bao-cao.pdf"));
        Assert.Contains("không phải", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var badKind = await Client.PostAsync(url + "?handler=Upload", Upload(token, "Nope", pdf, "a.pdf"));
        Assert.Contains("Loại tài liệu", WebUtility.HtmlDecode(await badKind.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var docs = await App.QueryAsync(db => db.DossierDocuments.Where(d => d.NominationId == n.Id).OrderBy(d => d.Id).ToListAsync());
        Assert.Equal([DossierDocumentKind.CoverLetter, DossierDocumentKind.Minutes], docs.Select(d => d.Kind));
        Assert.EndsWith("spreadsheetml.sheet", docs[1].ContentType, StringComparison.Ordinal);
        Assert.Equal("bien-ban.xlsx", docs[1].FileName);
        var check = await App.QueryAsync(async db => await DossierChecks.RunAsync(db, await db.Nominations.SingleAsync(x => x.Id == n.Id)));
        Assert.Equal([DossierDocumentKind.AchievementReport], check.Missing);
        var download = await Client.GetAsync($"/Nominations/Document/{n.Id}/{docs[0].Id}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var other = await CreateAsync(App, "HVCTQG");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/Nominations/Document/{n.Id}/999999")).StatusCode);
        Assert.Contains("/Account/AccessDenied", (await Client.GetAsync($"/Nominations/Document/{other.Id}/{docs[0].Id}")).Headers.Location?.ToString() ?? "");
        Assert.Contains("Xác nhận xóa", WebUtility.HtmlDecode(await Client.GetStringAsync($"/Nominations/RemoveDocument/{n.Id}/{docs[0].Id}")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Nominations/RemoveDocument/{n.Id}/{docs[0].Id}", [])).StatusCode);
        Assert.False(await App.QueryAsync(db => db.DossierDocuments.AnyAsync(d => d.Id == docs[0].Id)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == n.Id.ToString() && a.Action == "Xóa tài liệu hồ sơ đề nghị")));
    }

    [Fact]
    public async Task Checks_DuplicateOneAchievementAndUnregistered_WarnedWithVerdict()
    {
        var person = await PersonOfAsync(App, "BTCTW", skip: 1);
        var a = await CreateAsync(App, "BTCTW", code: "BK_BO", personId: person, achievement: "Thành tích xuất sắc trong công tác tổ chức Đại hội");
        var b = await CreateAsync(App, "BTCTW", code: "BK_BO", personId: person, level: NominationLevel.Bloc);
        var c = await CreateAsync(App, "BTCTW", code: "CSTDCS", personId: person, achievement: "thành tích xuất sắc trong công tác  tổ chức đại hội");
        var checks = await App.QueryAsync(async db => await DossierChecks.RunAsync(db, await db.Nominations.SingleAsync(x => x.Id == a.Id)));
        Assert.Contains(checks.Warnings, w => w.StartsWith("Trùng đề nghị", StringComparison.Ordinal) && w.Contains($"hồ sơ số {b.Id}", StringComparison.Ordinal));
        Assert.Contains(checks.Warnings, w => w.StartsWith("Một thành tích đề nghị hai hình thức", StringComparison.Ordinal) && w.Contains($"hồ sơ số {c.Id}", StringComparison.Ordinal));
        var cs = await App.QueryAsync(async db => await DossierChecks.RunAsync(db, await db.Nominations.SingleAsync(x => x.Id == c.Id)));
        Assert.NotNull(cs.Verdict);
        Assert.NotEmpty(cs.Reasons);
        Assert.Equal(cs.Verdict == "Chưa đủ điều kiện", cs.NotEligible);
        var registered = await App.QueryAsync(db => ThiDua.Features.Registrations.RegistrationQueries.IsRegisteredAsync(db, 2019, null, person, "CSTDCS"));
        Assert.Equal(!registered, cs.Warnings.Any(w => w.StartsWith("Chưa đăng ký", StringComparison.Ordinal)));
        // A rejected dossier no longer counts.
        await App.ExecuteAsync(async db =>
        {
            var x = await db.Nominations.SingleAsync(y => y.Id == b.Id);
            NominationWorkflow.Move(db, x, NominationState.Submitted, Officer, null, DateTime.UtcNow);
            NominationWorkflow.Move(db, x, NominationState.Rejected, Officer, "trùng", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var after = await App.QueryAsync(async db => await DossierChecks.RunAsync(db, await db.Nominations.SingleAsync(x => x.Id == a.Id)));
        Assert.DoesNotContain(after.Warnings, w => w.StartsWith("Trùng đề nghị", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_HostileFilters_VietnameseMessagesNever500()
    {
        var response = await Client.GetAsync("/Nominations?year=99999&state=Nope&level=7&code=XYZ&agency=abc&p=zz&q=" + new string('a', 300));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Năm phải từ 2000 đến 2100", html, StringComparison.Ordinal);
        Assert.Contains("Trạng thái: không có trong danh sách", html, StringComparison.Ordinal);
        Assert.Contains("Tìm theo tên: tối đa 100 ký tự", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Nominations/Details/2147483647")).StatusCode);
        var create = await Client.GetAsync("/Nominations/Create?year=1800&subject=Robot&q=" + new string('b', 300));
        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
    }
}

/// <summary>Creating a dossier by the page and refusing another agency's person: both look a person's dossiers up by person, which the shared tests file for.</summary>
public sealed class DossierPageCreateTests() : AppTest("tdkt.btctw@thidua.vn")
{
    [Fact]
    public async Task Create_ByOfficerPage_DerivesAgencyFromAccountAndPrefillsTheReport()
    {
        var hv = await AgencyAsync(App, "HVCTQG");
        var bt = await AgencyAsync(App, "BTCTW");
        var person = await PersonOfAsync(App, "BTCTW");
        var response = await Client.PostFormAsync("/Nominations/Create", new()
        {
            ["year"] = "2019", ["subject"] = "Person", ["agency"] = hv.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PersonId"] = person.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Code"] = "CSTDCS", ["Input.Level"] = "Agency",
            ["Input.Basis"] = "Merit", ["Input.PeriodFrom"] = "2019", ["Input.PeriodTo"] = "2019", ["Input.Achievement"] = "Hoàn thành xuất sắc nhiệm vụ năm 2019",
        }, FormPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var n = await App.QueryAsync(db => db.Nominations.SingleAsync(x => x.PersonId == person && x.Code == "CSTDCS"));
        Assert.Equal(bt, n.AgencyId);
        Assert.Equal(NominationState.Draft, n.State);
        Assert.Contains("Họ và tên:", n.ReportBackground, StringComparison.Ordinal);
        Assert.Contains("xếp loại", n.ReportAchievements, StringComparison.Ordinal);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Nomination" && a.EntityId == n.Id.ToString() && a.Action == "Tạo hồ sơ đề nghị khen thưởng")));
        var details = await Client.GetStringAsync($"/Nominations/Details/{n.Id}");
        Assert.Contains("Kết quả xét điều kiện", details, StringComparison.Ordinal);
        Assert.Contains("Còn thiếu", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_PersonOfAnotherAgency_RefusedWithMessageAndNothingSaved()
    {
        var hvPerson = await PersonOfAsync(App, "HVCTQG");
        var response = await Client.PostFormAsync("/Nominations/Create", new()
        {
            ["year"] = "2019", ["subject"] = "Person", ["Input.PersonId"] = hvPerson.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Code"] = "CSTDCS", ["Input.Level"] = "Agency", ["Input.Basis"] = "Merit",
        }, FormPage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await App.QueryAsync(db => db.Nominations.AnyAsync(x => x.PersonId == hvPerson)));
        await Assert.ThrowsAsync<DossierRefusedException>(() => CreateAsync(App, "BTCTW", personId: hvPerson));
    }
}
