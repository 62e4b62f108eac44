using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Agreements;

namespace ThiDua.Tests.Agreements;

/// <summary>The bloc secretariat's work on agreements: draft → signed, the signed copy, corrections with a reason, deleting a draft, bounds.</summary>
/// <remarks>One app for the class: these tests read the demo 2019 agreement or are refused; those that save create (and sign or delete) their own 2024 drafts, found by their own ids.</remarks>
public sealed class AgreementPageTests(SharedApp shared) : SharedAppTest(shared, "thuongtruc.khoi@thidua.vn")
{
    private Task<int> UnitIdAsync(string code) => App.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private async Task<int> CreateDraftAsync(string title = "Giao ước thi đua năm 2024", int year = 2024)
    {
        var response = await Client.PostFormAsync("/Agreements/Edit", new()
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Title"] = title,
            ["Input.Content"] = "Các cơ quan cùng giao ước.", ["Input.SignedOn"] = $"15/01/{year}", ["Input.Place"] = "Hà Nội",
        });
        return AgreementTestHelpers.IdFrom(response);
    }

    private async Task AddSignatoryAsync(int id, string agencyCode, string name = "Nguyễn Văn A")
    {
        var page = $"/Agreements/Details/{id}";
        var response = await Client.PostFormAsync($"{page}?handler=Signatory", new() { ["unitId"] = (await UnitIdAsync(agencyCode)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = name, ["position"] = "Phó Trưởng Ban" }, page);
        Assert.Equal("Đã thêm cơ quan ký.", await Client.FlashAfterAsync(response));
    }

    private Task<int> VersionAsync(int id) => App.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    private async Task<HttpResponseMessage> SignAsync(int id) =>
        await Client.PostFormAsync($"/Agreements/Details/{id}?handler=Sign", new() { ["version"] = (await VersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/Agreements/Details/{id}");

    [Fact]
    public async Task Demo2019_AgreementOf14AgenciesSignedInHanoi_HasADownloadablePdf()
    {
        var a = await App.QueryAsync(db => db.Agreements.Include(x => x.Signatories).SingleAsync(x => x.Title == AgreementsDemo.Title2019));
        Assert.Equal((AgreementState.SignedOff, 2019, "Hà Nội", 14, DocumentKindPdf), (a.State, a.Year, a.Place, a.Signatories.Count, a.CopyKind.ToString()));
        Assert.Equal(2019, a.SignedOn!.Value.Year);
        Assert.True(a.SignedOn.Value.Month <= 2);
        Assert.Contains("Đoàn kết, sáng tạo, thi đua xây dựng bảo vệ Tổ quốc, thực hiện thắng lợi Nghị quyết Đại hội XII của Đảng", a.Content, StringComparison.Ordinal);
        var download = await Client.GetAsync($"/Agreements/Download/{a.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Agreement" && e.EntityId == a.Id.ToString() && e.Action == "Ký giao ước thi đua")));
        Assert.Contains(AgreementsDemo.Title2019, await (await Client.GetAsync("/Agreements?year=2019")).HtmlAsync());
    }

    private const string DocumentKindPdf = "Pdf";

    [Fact]
    public async Task Sign_WithoutCopyAndWithOneSignatory_IsRefused_ThenWithBothSignsAndAudits()
    {
        var id = await CreateDraftAsync();
        await AddSignatoryAsync(id, "BTCTW");
        var refused = await (await SignAsync(id)).HtmlAsync();
        Assert.Contains("Chưa đính kèm bản giao ước đã ký (PDF hoặc ảnh).", refused);
        Assert.Contains("Giao ước cần ít nhất 2 cơ quan ký; hiện có 1.", refused);
        Assert.Equal(AgreementState.Draft, await App.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.State).SingleAsync()));

        await AddSignatoryAsync(id, "HVCTQG", "Trần Thị B");
        var attach = await Client.PostFileAsync($"/Agreements/Attach/{id}", $"/Agreements/Attach/{id}", "ban-ky.pdf", AgreementTestHelpers.TinyPdf);
        Assert.Equal("Đã đính kèm ban-ky.pdf.", await Client.FlashAfterAsync(attach));
        Assert.Equal("Đã ghi nhận giao ước đã ký; nội dung được khóa.", await Client.FlashAfterAsync(await SignAsync(id)));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "Agreement" && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["Thêm giao ước thi đua", "Thêm cơ quan ký giao ước", "Thêm cơ quan ký giao ước", "Đính kèm bản giao ước đã ký", "Ký giao ước thi đua"], audit);

        // Signed: the signatories are frozen.
        var page = $"/Agreements/Details/{id}";
        var add = await Client.PostFormAsync($"{page}?handler=Signatory", new() { ["unitId"] = (await UnitIdAsync("DUKCQTW")).ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = "X" }, "/Account/ChangePassword");
        Assert.Contains("Giao ước đã ký: không thay đổi danh sách cơ quan ký.", await add.HtmlAsync());
        Assert.Equal(2, await App.QueryAsync(db => db.AgreementSignatories.CountAsync(s => s.AgreementId == id)));
    }

    [Fact]
    public async Task AddSignatory_NotAMemberAgencyOrHostileId_IsRefusedInVietnamese()
    {
        var id = await CreateDraftAsync();
        var page = $"/Agreements/Details/{id}";
        var department = await UnitIdAsync("BTCTW-D01");
        foreach (var unit in new[] { department.ToString(System.Globalization.CultureInfo.InvariantCulture), "999999", "abc", "-1", "" })
        {
            var response = await Client.PostFormAsync($"{page}?handler=Signatory", new() { ["unitId"] = unit, ["name"] = "Nguyễn Văn A" }, page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Cơ quan ký: hãy chọn một cơ quan thành viên của khối trong năm 2024.", await response.HtmlAsync());
        }
        var tooLong = await Client.PostFormAsync($"{page}?handler=Signatory", new() { ["unitId"] = (await UnitIdAsync("BTCTW")).ToString(System.Globalization.CultureInfo.InvariantCulture), ["name"] = new string('a', 201) }, page);
        Assert.Contains("Người đại diện ký: tối đa 200 ký tự.", await tooLong.HtmlAsync());
        Assert.Equal(0, await App.QueryAsync(db => db.AgreementSignatories.CountAsync(s => s.AgreementId == id)));
    }

    [Fact]
    public async Task Attach_ContentNotPdfOrImage_IsRefusedWhateverItsName()
    {
        var id = await CreateDraftAsync();
        var response = await Client.PostFileAsync($"/Agreements/Attach/{id}", $"/Agreements/Attach/{id}", "ban-ky.pdf", "<html>not a pdf</html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bản giao ước đã ký: nội dung tệp \"ban-ky.pdf\" không phải PDF, PNG, JPG.", await response.HtmlAsync());
        Assert.Null(await App.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.CopyStoredName).SingleAsync()));
    }

    [Fact]
    public async Task Edit_StaleVersion_ShowsConflictAndKeepsWhatWasTyped()
    {
        var id = await CreateDraftAsync();
        var version = await VersionAsync(id);
        await AddSignatoryAsync(id, "BTCTW"); // someone else's change bumps the version
        var response = await Client.PostFormAsync($"/Agreements/Edit/{id}", new()
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = "2024", ["Input.Title"] = "Tên tôi vừa gõ", ["Input.Content"] = "", ["Input.SignedOn"] = "",
            ["Input.Place"] = "", ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains(AgreementRules.ConflictMessage, html);
        Assert.Contains("value=\"Tên tôi vừa gõ\"", html);
        Assert.Contains($"name=\"Input.Version\" value=\"{await VersionAsync(id)}\"", html);
        Assert.Equal("Giao ước thi đua năm 2024", await App.QueryAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task DeleteDraft_ConfirmPageThenPost_DeletesAndAudits_SignedIsKept()
    {
        var id = await CreateDraftAsync();
        await AddSignatoryAsync(id, "BTCTW");
        var confirm = await Client.GetAsync($"/Agreements/Delete/{id}");
        Assert.Contains("Xác nhận xóa", await confirm.HtmlAsync());
        Assert.True(await App.QueryAsync(db => db.Agreements.AnyAsync(a => a.Id == id)));
        var deleted = await Client.PostFormAsync($"/Agreements/Delete/{id}", new() { ["version"] = (await VersionAsync(id)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await App.QueryAsync(db => db.Agreements.AnyAsync(a => a.Id == id)));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "Agreement" && e.EntityId == id.ToString() && e.Action == "Xóa dự thảo giao ước")));

        var signed = await App.QueryAsync(db => db.Agreements.Where(a => a.Title == AgreementsDemo.Title2019).Select(a => new { a.Id, a.Version }).SingleAsync());
        var page = await Client.GetAsync($"/Agreements/Delete/{signed.Id}");
        Assert.Contains("Chỉ xóa được giao ước còn là dự thảo; giao ước đã ký được giữ lại.", await page.HtmlAsync());
        var post = await Client.PostFormAsync($"/Agreements/Delete/{signed.Id}", new() { ["version"] = signed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/Account/ChangePassword");
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.True(await App.QueryAsync(db => db.Agreements.AnyAsync(a => a.Id == signed.Id)));
    }

    [Theory]
    [InlineData("99999", "1", "Năm giao ước phải từ 2000 đến 2100.")]
    [InlineData("abc", "1", "Năm giao ước")]
    [InlineData("2024", "abc", "Khối thi đua")]
    [InlineData("2024", "999999", "Khối thi đua: hãy chọn một khối có trong danh sách.")]
    public async Task Create_HostileInput_IsRefusedInVietnameseNamingTheField(string year, string bloc, string message)
    {
        var count = await App.QueryAsync(db => db.Agreements.CountAsync());
        var response = await Client.PostFormAsync("/Agreements/Edit", new() { ["Input.BlocId"] = bloc, ["Input.Year"] = year, ["Input.Title"] = "X" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync());
        Assert.Equal(count, await App.QueryAsync(db => db.Agreements.CountAsync()));
    }

    [Theory]
    [InlineData("?year=abc")]
    [InlineData("?year=2147483648")]
    [InlineData("?year=1999")]
    public async Task Index_YearOutOfRange_SaysSoAndShowsEveryYear(string query)
    {
        var response = await Client.GetAsync("/Agreements" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("Năm phải từ 2000 đến 2100; đang hiển thị mọi năm.", html);
        Assert.Contains(AgreementsDemo.Title2019, html);
    }

    [Theory]
    [InlineData("/Agreements/Details/999999")]
    [InlineData("/Agreements/Download/999999")]
    [InlineData("/Agreements/Edit/999999")]
    public async Task UnknownId_IsNotFound(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);
    }
}

/// <summary>The agreement test that corrects the signed demo agreement (others read it), over its own copy of the demo database.</summary>
public sealed class AgreementPageWriteTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    [Fact]
    public async Task EditSigned_WithoutReason_IsRefused_WithReason_IsAuditedOldToNew()
    {
        var id = await App.QueryAsync(db => db.Agreements.Where(a => a.Title == AgreementsDemo.Title2019).Select(a => a.Id).SingleAsync());
        var a = await App.QueryAsync(db => db.Agreements.AsNoTracking().SingleAsync(x => x.Id == id));
        Dictionary<string, string> Fields(string? reason) => new()
        {
            ["Input.BlocId"] = "1", ["Input.Year"] = "2019", ["Input.Title"] = a.Title, ["Input.Content"] = a.Content + "\n6. Nội dung đính chính.",
            ["Input.SignedOn"] = "18/01/2019", ["Input.Place"] = "Hà Nội", ["Input.Version"] = a.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Reason"] = reason ?? "",
        };
        var refused = await Client.PostFormAsync($"/Agreements/Edit/{id}", Fields(null));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Giao ước đã ký: hãy nhập lý do đính chính.", await refused.HtmlAsync());
        Assert.DoesNotContain("Nội dung đính chính", await App.QueryAsync(db => db.Agreements.Where(x => x.Id == id).Select(x => x.Content).SingleAsync()), StringComparison.Ordinal);

        var ok = await Client.PostFormAsync($"/Agreements/Edit/{id}", Fields("Bổ sung điều 6 theo biên bản hội nghị"));
        Assert.Equal("Đã đính chính giao ước; lý do được ghi vào nhật ký.", await Client.FlashAfterAsync(ok));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "Agreement" && e.EntityId == id.ToString() && e.Action == "Đính chính giao ước đã ký").SingleAsync());
        Assert.Contains("nội dung trước: \"", audit.Details, StringComparison.Ordinal);
        Assert.Contains("6. Nội dung đính chính.\"", audit.Details, StringComparison.Ordinal);
        Assert.EndsWith("lý do: Bổ sung điều 6 theo biên bản hội nghị", audit.Details, StringComparison.Ordinal);
        Assert.Equal("thuongtruc.khoi@thidua.vn", audit.UserName);
    }
}
