using System.Globalization;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Movements;
using ThiDua.Features.Registrations;
using ThiDua.Tests.Models;

namespace ThiDua.Tests.Registrations;

/// <summary>The registration pages as a unit's emulation officer uses them: lines, hints, submission, and the walls between agencies.</summary>
/// <remarks>One app for the class: these tests read or are refused, except one that adds its own line to the BTCTW 2026 draft (the refusals count lines before and after) and one that adds 2027 movements no other test here reads.</remarks>
public sealed class RegistrationPageTests(SharedApp shared) : SharedAppTest(shared, "tdkt.btctw@thidua.vn")
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Id, int Version, int UnitId)> RegAsync(string unit, int year)
    {
        var r = await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == unit && r.Year == year).Select(r => new { r.Id, r.Version, r.UnitId }).SingleAsync());
        return (r.Id, r.Version, r.UnitId);
    }

    private Task<int> PersonOfAsync(string agency, int skip = 0) => App.QueryAsync(async db =>
    {
        var agencyId = await db.Units.Where(u => u.Code == agency).Select(u => u.Id).SingleAsync();
        var units = await db.Units.Where(u => u.ParentId == agencyId).Select(u => u.Id).ToListAsync();
        return await db.People.Where(p => p.IsActive && units.Contains(p.CurrentUnitId!.Value)).OrderBy(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync();
    });

    private Task<int> LinesAsync(int regId) => App.QueryAsync(db => db.RegistrationLines.CountAsync(l => l.RegistrationId == regId));

    [Fact]
    public async Task Edit_OwnDraft_ShowsLinesWithLastYearsHintAndAddForms()
    {
        var (id, _, _) = await RegAsync("BTCTW", 2026);
        var html = await HtmlAsync(await Client.GetAsync($"/Registrations/Edit/{id}"));
        Assert.Contains("Dự thảo", html);
        Assert.Contains("Gợi ý: kết quả xét năm 2025", html);
        Assert.Contains("id=\"add-agency\"", html);
        Assert.Contains("Nộp cho thường trực khối", html);
        Assert.Matches("reg-verdict reg-(eligible|noteligible|deferred)", html);
        Assert.DoesNotContain("id=\"approve\"", html);
    }

    [Fact]
    public async Task AddLine_PersonOfOwnAgency_IsAddedAndAudited()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var person = await PersonOfAsync("BTCTW", 7);
        var before = await LinesAsync(id);
        var search = await HtmlAsync(await Client.GetAsync($"/Registrations/Edit/{id}?q=" + Uri.EscapeDataString(await App.QueryAsync(db => db.People.Where(p => p.Id == person).Select(p => p.PersonalCode).SingleAsync()))));
        Assert.Contains($"name=\"Input.PersonId\" value=\"{person}\"", search);
        var response = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=AddLine",
            new() { ["Version"] = S(version), ["Input.Subject"] = "Person", ["Input.PersonId"] = S(person), ["Input.Code"] = "CSTDCS", ["Input.Note"] = "Phấn đấu" }, $"/Registrations/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await LinesAsync(id));
        var audit = await App.QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == "Thêm dòng đăng ký thi đua"));
        Assert.Equal(("Registration", S(id), "BTCTW-2026", "tdkt.btctw@thidua.vn"), (audit.EntityType, audit.EntityId, audit.EntityCode, audit.UserName));
        Assert.StartsWith("trước: — → sau: Cá nhân ", audit.Details);
        Assert.EndsWith(": Chiến sĩ thi đua cơ sở (CSTDCS); ghi chú: Phấn đấu", audit.Details);
        Assert.True(await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync()) > version);
    }

    [Fact]
    public async Task AddLine_PersonOfAnotherAgencyByHiddenId_IsRefusedAndNotShown()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var other = await PersonOfAsync("HVCTQG");
        var otherName = await App.QueryAsync(db => db.People.Where(p => p.Id == other).Select(p => p.PersonalCode).SingleAsync());
        var before = await LinesAsync(id);
        var response = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=AddLine",
            new() { ["Version"] = S(version), ["Input.Subject"] = "Person", ["Input.PersonId"] = S(other), ["Input.Code"] = "LDTT" }, $"/Registrations/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("Cá nhân phải là một cán bộ đang công tác tại cơ quan đăng ký.", html);
        Assert.DoesNotContain(otherName, html);
        Assert.Equal(before, await LinesAsync(id));
    }

    [Theory]
    [InlineData("Person", "TTLDXS", "không dùng được cho cá nhân")]
    [InlineData("Agency", "CSTDCS", "không dùng được cho cơ quan")]
    [InlineData("Agency", "=HYPERLINK(1)", "không dùng được cho cơ quan")]
    [InlineData("Nobody", "LDTT", "Trường \"Đối tượng\" không hợp lệ")]
    [InlineData("SubUnit", "TTLDTT", "Đơn vị trực thuộc phải là một đơn vị thuộc cơ quan đăng ký.")]
    public async Task AddLine_WrongCodeOrSubject_IsRefusedInVietnameseNotA500(string subject, string code, string message)
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var hvUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG-D01").Select(u => u.Id).SingleAsync());
        var before = await LinesAsync(id);
        var response = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=AddLine",
            new() { ["Version"] = S(version), ["Input.Subject"] = subject, ["Input.Code"] = code, ["Input.UnitId"] = S(hvUnit), ["Input.PersonId"] = "" }, $"/Registrations/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await HtmlAsync(response));
        Assert.Equal(before, await LinesAsync(id));
    }

    [Fact]
    public async Task AddLine_NoteTooLong_IsRefusedNamingTheField()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var response = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=AddLine",
            new() { ["Version"] = S(version), ["Input.Subject"] = "Agency", ["Input.Code"] = "CO_BO", ["Input.Note"] = new string('x', 1001) }, $"/Registrations/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ghi chú tối đa 1.000 ký tự.", await HtmlAsync(response));
    }

    [Fact]
    public async Task AddLine_StaleVersion_SaysSomeoneElseChangedItAndKeepsInput()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var before = await LinesAsync(id);
        var response = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=AddLine",
            new() { ["Version"] = S(version - 1), ["Input.Subject"] = "Agency", ["Input.Code"] = "CO_BO", ["Input.Note"] = "ghi chú của tôi" }, $"/Registrations/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains(RegistrationConflictException.Message_, html);
        Assert.Contains("value=\"ghi chú của tôi\"", html);
        Assert.Contains($"name=\"Version\" value=\"{version}\"", html);
        Assert.Equal(before, await LinesAsync(id));
    }

    [Fact]
    public async Task OtherAgencysRegistration_ByUrlOrPost_IsRefused()
    {
        var (hv, hvVersion, _) = await RegAsync("HVCTQG", 2019);
        var (own, _, _) = await RegAsync("BTCTW", 2026);
        foreach (var url in new[] { $"/Registrations/Edit/{hv}", $"/Registrations/Edit/{hv}?handler=Export" })
        {
            var r = await Client.GetAsync(url);
            Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString() ?? "");
        }
        var hvLine = await App.QueryAsync(db => db.RegistrationLines.Where(l => l.RegistrationId == hv).Select(l => l.Id).FirstAsync());
        Assert.Contains("/Account/AccessDenied", (await Client.GetAsync($"/Registrations/RemoveLine/{hv}?line={hvLine}")).Headers.Location?.ToString() ?? "");
        var before = await App.QueryAsync(db => db.AuditEntries.CountAsync());
        foreach (var handler in new[] { "Submit", "Approve", "Return", "AddLine" })
        {
            var r = await Client.PostFormAsync($"/Registrations/Edit/{hv}?handler={handler}",
                new() { ["Version"] = S(hvVersion), ["Reason"] = "x", ["Input.Subject"] = "Agency", ["Input.Code"] = "CO_BO" }, $"/Registrations/Edit/{own}");
            Assert.Contains("/Account/AccessDenied", r.Headers.Location?.ToString() ?? "");
        }
        var remove = await Client.PostFormAsync($"/Registrations/RemoveLine/{hv}", new() { ["line"] = S(hvLine), ["version"] = S(hvVersion) }, $"/Registrations/Edit/{own}");
        Assert.Contains("/Account/AccessDenied", remove.Headers.Location?.ToString() ?? "");
        Assert.Equal(before, await App.QueryAsync(db => db.AuditEntries.CountAsync()));
        // A line of another registration cannot be removed through this agency's registration either.
        var (ownId, ownVersion, _) = await RegAsync("BTCTW", 2026);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/Registrations/RemoveLine/{ownId}?line={hvLine}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/Registrations/Edit/999999")).StatusCode);
        _ = ownVersion;
    }

    [Fact]
    public async Task Create_ForgedMovement_IsRefusedInVietnameseAndNothingSaved()
    {
        var otherAgency = await MovementTestData.AddAsync(App, "Phong trào của khối chỉ tới Học viện 2027", 2027, targets: ["HVCTQG"]);
        var draft = await MovementTestData.AddAsync(App, "Dự thảo của Ban Tổ chức 2027", 2027, MovementState.Draft, launchedBy: "BTCTW");
        var wrongYear = await MovementTestData.AddAsync(App, "Phong trào của khối 2026", 2026, targets: ["BTCTW"]);
        var cases = new (string Value, string Message)[]
        {
            (S(otherAgency), "Phong trào: Ban Tổ chức Trung ương không được phát động hoặc tham gia phong trào này. Hãy chọn trong danh sách."),
            (S(draft), "Phong trào: Ban Tổ chức Trung ương không được phát động hoặc tham gia phong trào này. Hãy chọn trong danh sách."),
            (S(wrongYear), "Phong trào: phải là một phong trào của năm 2027. Hãy chọn trong danh sách."),
            ("999999", "Phong trào: không có phong trào này. Hãy chọn trong danh sách."),
            ("abc", "Phong trào: mã phong trào không hợp lệ. Hãy chọn trong danh sách."),
            ("-3", "Phong trào: mã phong trào không hợp lệ. Hãy chọn trong danh sách."),
        };
        foreach (var (value, message) in cases)
        {
            var refused = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["year"] = "2027", ["movementId"] = value }, "/Registrations?year=2027");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains(message, await HtmlAsync(await Client.GetAsync(refused.Headers.Location!.ToString())));
        }
        Assert.False(await App.QueryAsync(db => db.Registrations.AnyAsync(r => r.Year == 2027)));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityCode == "BTCTW-2027")));
    }

    [Fact]
    public async Task Edit_Demo2019Registration_ShowsThe2019MovementsNameLinked()
    {
        var movement = await App.QueryAsync(db => db.Movements.Where(m => m.Theme == MovementsDemo.Theme2019 && m.Year == 2019).Select(m => m.Id).SingleAsync());
        var (id, _, _) = await RegAsync("BTCTW", 2019);
        Assert.Equal(movement, await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.MovementId).SingleAsync()));
        var html = await HtmlAsync(await Client.GetAsync($"/Registrations/Edit/{id}"));
        Assert.Contains($"<a href=\"/Movements/Details/{movement}\">{MovementsDemo.Theme2019}</a>", html);
    }

    [Theory]
    [InlineData("?year=99999")]
    [InlineData("?year=abc")]
    [InlineData("?year=1999")]
    public async Task Index_YearOutOfRange_SaysSoInVietnamese(string query)
    {
        var response = await Client.GetAsync("/Registrations" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Năm phải từ 2000 đến 2100. Đang hiển thị năm", await HtmlAsync(response));
    }

    [Fact]
    public async Task Edit_SearchTooLong_SaysSoNotA500()
    {
        var (id, _, _) = await RegAsync("BTCTW", 2026);
        var response = await Client.GetAsync($"/Registrations/Edit/{id}?q=" + new string('a', 500));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Từ khóa tìm kiếm tối đa 100 ký tự.", await HtmlAsync(response));
    }

    [Fact]
    public async Task Index_Officer_SeesOwnAgencysYearsOnly()
    {
        var html = await HtmlAsync(await Client.GetAsync("/Registrations?year=2019"));
        Assert.Contains("Ban Tổ chức Trung ương", html);
        Assert.DoesNotContain("Học viện Chính trị quốc gia", html);
        Assert.Contains("Đã duyệt", html);
    }
}

/// <summary>The registration tests that submit, remove demo lines or create the 2027 registration, each over its own copy of the demo database.</summary>
public sealed class RegistrationPageWriteTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Id, int Version, int UnitId)> RegAsync(string unit, int year)
    {
        var r = await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == unit && r.Year == year).Select(r => new { r.Id, r.Version, r.UnitId }).SingleAsync());
        return (r.Id, r.Version, r.UnitId);
    }

    private Task<int> LinesAsync(int regId) => App.QueryAsync(db => db.RegistrationLines.CountAsync(l => l.RegistrationId == regId));

    [Fact]
    public async Task Submit_SavedByAnotherOfficerMeanwhile_IsAConflictNotA500()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        using var racing = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => TestApp.AddInterceptor(s, new SavedMeanwhile(App.Location,
            c => c.CommandText.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase) && c.CommandText.Contains("\"RegistrationLines\"", StringComparison.Ordinal),
            async other =>
            {
                var r = await other.Registrations.SingleAsync(x => x.Id == id);
                r.ChangedUtc = DateTime.UtcNow;
                await other.SaveChangesAsync();
            }))));
        var client = racing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "tdkt.btctw@thidua.vn", ["Input.Password"] = TestApp.Password })).StatusCode);
        var response = await client.PostFormAsync($"/Registrations/Edit/{id}?handler=Submit", new() { ["Version"] = S(version) }, $"/Registrations/Edit/{id}");
        var raceHtml = await HtmlAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RegistrationConflictException.Message_, raceHtml);
        Assert.Equal(RegistrationState.Draft, await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
        Assert.False(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Nộp bản đăng ký thi đua" && a.EntityCode == "BTCTW-2026")));
    }

    [Fact]
    public async Task Submit_Draft_MovesToSubmittedAuditsAndLocksLines()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var response = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=Submit", new() { ["Version"] = S(version) }, $"/Registrations/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reg = await App.QueryAsync(db => db.Registrations.SingleAsync(r => r.Id == id));
        Assert.Equal(RegistrationState.Submitted, reg.State);
        Assert.NotNull(reg.SubmittedUtc);
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Nộp bản đăng ký thi đua" && a.EntityCode == "BTCTW-2026"));
        Assert.StartsWith("trước: Dự thảo → sau: Đã nộp; ", audit.Details);
        var html = await HtmlAsync(await Client.GetAsync($"/Registrations/Edit/{id}"));
        Assert.DoesNotContain("id=\"add-agency\"", html);
        Assert.Contains("Ngày nộp", html);
        // A form posted from a page opened before the submission is refused by the state.
        var before = await LinesAsync(id);
        var late = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=AddLine",
            new() { ["Version"] = S(reg.Version), ["Input.Subject"] = "Agency", ["Input.Code"] = "CO_BO" }, "/Account/ChangePassword");
        Assert.Contains("chỉ sửa được khi là dự thảo hoặc bị trả lại", await HtmlAsync(late));
        Assert.Equal(before, await LinesAsync(id));
        // Submitting twice is refused by the state machine; an officer may not approve.
        Assert.Contains("Không thể chuyển bản đăng ký từ \"Đã nộp\" sang \"Đã nộp\".",
            await HtmlAsync(await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=Submit", new() { ["Version"] = S(reg.Version) }, "/Account/ChangePassword")));
        var approve = await Client.PostFormAsync($"/Registrations/Edit/{id}?handler=Approve", new() { ["Version"] = S(reg.Version) }, "/Account/ChangePassword");
        Assert.Contains("/Account/AccessDenied", approve.Headers.Location?.ToString() ?? "");
        Assert.Equal(RegistrationState.Submitted, await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task RemoveLine_ConfirmedOnItsOwnPage_RemovesAndAudits()
    {
        var (id, version, _) = await RegAsync("BTCTW", 2026);
        var line = await App.QueryAsync(db => db.RegistrationLines.Where(l => l.RegistrationId == id).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
        var before = await LinesAsync(id);
        var confirm = await HtmlAsync(await Client.GetAsync($"/Registrations/RemoveLine/{id}?line={line}"));
        Assert.Contains("Xác nhận xóa", confirm);
        Assert.Equal(before, await LinesAsync(id));
        var response = await Client.PostFormAsync($"/Registrations/RemoveLine/{id}", new() { ["line"] = S(line), ["version"] = S(version) }, $"/Registrations/RemoveLine/{id}?line={line}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before - 1, await LinesAsync(id));
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Xóa dòng đăng ký thi đua"));
        Assert.EndsWith(" → sau: —", audit.Details);
        Assert.Equal("BTCTW-2026", audit.EntityCode);
    }

    [Fact]
    public async Task Create_ForAnotherAgencyByHiddenUnit_IsRefused_ForOwnAgency_CreatesDraft()
    {
        var hvUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var refused = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["unitId"] = S(hvUnit), ["year"] = "2027" }, "/Account/ChangePassword");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.ToString() ?? "");
        Assert.False(await App.QueryAsync(db => db.Registrations.AnyAsync(r => r.Year == 2027)));

        var bad = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["year"] = "99999" }, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
        Assert.Contains("Năm đăng ký phải từ 2000 đến 2100.", await HtmlAsync(await Client.GetAsync(bad.Headers.Location!.ToString())));

        var created = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["year"] = "2027" }, "/Registrations?year=2027");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith("/Registrations/Edit/", created.Headers.Location!.ToString());
        Assert.Equal(RegistrationState.Draft, await App.QueryAsync(db => db.Registrations.Where(r => r.Year == 2027 && r.Unit!.Code == "BTCTW").Select(r => r.State).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Tạo bản đăng ký thi đua" && a.EntityCode == "BTCTW-2027")));

        var twice = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["year"] = "2027" }, "/Account/ChangePassword");
        Assert.Contains("Ban Tổ chức Trung ương đã có bản đăng ký thi đua năm 2027.", await HtmlAsync(await Client.GetAsync(twice.Headers.Location!.ToString())));
    }

    [Fact]
    public async Task Create_Form_OffersTheYearsMovementsTheAgencyMaySee_DefaultTheBlocsRegular()
    {
        var regular = await MovementTestData.AddAsync(App, "Phong trào thường xuyên của khối 2027", 2027, targets: ["BTCTW", "HVCTQG"]);
        var national = await MovementTestData.AddAsync(App, "Phong trào toàn quốc 2027", 2027, national: true);
        await MovementTestData.AddAsync(App, "Phong trào của khối chỉ tới Học viện 2027", 2027, targets: ["HVCTQG"]);
        await MovementTestData.AddAsync(App, "Dự thảo của khối 2027", 2027, MovementState.Draft, targets: ["BTCTW"]);
        await MovementTestData.AddAsync(App, "Phong trào của khối 2028", 2028, targets: ["BTCTW"]);
        var html = await HtmlAsync(await Client.GetAsync("/Registrations?year=2027"));
        Assert.Contains($"<option value=\"{regular}\" selected=\"selected\">Phong trào thường xuyên của khối 2027 (2027)</option>", html);
        Assert.Contains($"<option value=\"{national}\">Phong trào toàn quốc 2027 (2027)</option>", html);
        Assert.DoesNotContain("chỉ tới Học viện", html);
        Assert.DoesNotContain("Dự thảo của khối 2027", html);
        Assert.DoesNotContain("Phong trào của khối 2028", html);

        // A second regular movement of the bloc: no default, the officer chooses.
        await MovementTestData.AddAsync(App, "Phong trào thường xuyên thứ hai 2027", 2027, targets: ["BTCTW"]);
        Assert.DoesNotContain("selected=\"selected\"", await HtmlAsync(await Client.GetAsync("/Registrations?year=2027")));
    }

    [Fact]
    public async Task Create_WithAMovementOfTheYear_SavedAuditedAndItsNameShownOnEdit()
    {
        var movement = await MovementTestData.AddAsync(App, "Phong trào thường xuyên của khối 2027", 2027, targets: ["BTCTW"]);
        var created = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["year"] = "2027", ["movementId"] = S(movement) }, "/Registrations?year=2027");
        Assert.StartsWith("/Registrations/Edit/", created.Headers.Location!.ToString());
        var reg = await App.QueryAsync(db => db.Registrations.Where(r => r.Year == 2027 && r.Unit!.Code == "BTCTW").Select(r => new { r.Id, r.MovementId }).SingleAsync());
        Assert.Equal(movement, reg.MovementId);
        var audit = await App.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "Tạo bản đăng ký thi đua" && a.EntityCode == "BTCTW-2027"));
        Assert.EndsWith(", phong trào: Phong trào thường xuyên của khối 2027 (2027)", audit.Details);
        var html = await HtmlAsync(await Client.GetAsync($"/Registrations/Edit/{reg.Id}"));
        Assert.Contains($"<a href=\"/Movements/Details/{movement}\">Phong trào thường xuyên của khối 2027</a>", html);
        Assert.DoesNotContain($"#{movement}", html);
    }
}
