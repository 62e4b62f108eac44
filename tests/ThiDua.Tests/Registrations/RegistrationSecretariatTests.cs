using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Registrations;

namespace ThiDua.Tests.Registrations;

/// <summary>The bloc secretariat: return with a reason, approve, the year's matrix and its .xlsx.</summary>
public sealed class RegistrationSecretariatTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    private static async Task<string> HtmlAsync(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<(int Id, int Version)> RegAsync(string unit, int year)
    {
        var r = await App.QueryAsync(db => db.Registrations.Where(r => r.Unit!.Code == unit && r.Year == year).Select(r => new { r.Id, r.Version }).SingleAsync());
        return (r.Id, r.Version);
    }

    [Fact]
    public async Task Return_WithoutReason_IsRefused_WithReason_ReturnsAndOfficerResubmits_ThenApproved()
    {
        var (id, version) = await RegAsync(RegistrationsDemo.LeftSubmittedAgency, 2019);
        var page = $"/Registrations/Edit/{id}";
        var first = await Client.GetAsync(page);
        var firstHtml = await HtmlAsync(first);
        Assert.Contains("id=\"approve\"", firstHtml);
        var empty = await Client.PostFormAsync($"{page}?handler=Return", new() { ["Version"] = S(version), ["Reason"] = "  " }, page);
        Assert.Contains("Hãy nhập lý do trả lại.", await HtmlAsync(empty));
        var tooLong = await Client.PostFormAsync($"{page}?handler=Return", new() { ["Version"] = S(version), ["Reason"] = new string('x', 1001) }, page);
        Assert.Contains("Lý do trả lại tối đa 1.000 ký tự.", await HtmlAsync(tooLong));
        Assert.Equal(RegistrationState.Submitted, await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));

        var returned = await Client.PostFormAsync($"{page}?handler=Return", new() { ["Version"] = S(version), ["Reason"] = "Thiếu danh sách cá nhân" }, page);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var audit = await App.QueryAsync(db => db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == "Trả lại bản đăng ký thi đua"));
        Assert.Equal("trước: Đã nộp → sau: Trả lại để sửa; lý do: Thiếu danh sách cá nhân", audit.Details);
        Assert.Contains("Thiếu danh sách cá nhân", await HtmlAsync(await Client.GetAsync(page)));

        // Returned: approving is refused by the state machine; the secretariat (or the officer) may edit and resubmit.
        var v = await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        Assert.Contains("Không thể chuyển bản đăng ký từ \"Trả lại để sửa\" sang \"Đã duyệt\".",
            await HtmlAsync(await Client.PostFormAsync($"{page}?handler=Approve", new() { ["Version"] = S(v) }, page)));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{page}?handler=Submit", new() { ["Version"] = S(v) }, page)).StatusCode);
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Nộp lại bản đăng ký thi đua" && a.Details!.StartsWith("trước: Trả lại để sửa → sau: Đã nộp"))));
        v = await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"{page}?handler=Approve", new() { ["Version"] = S(v) }, page)).StatusCode);
        Assert.Equal(RegistrationState.Approved, await App.QueryAsync(db => db.Registrations.Where(r => r.Id == id).Select(r => r.State).SingleAsync()));
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Duyệt bản đăng ký thi đua" && a.Details == "trước: Đã nộp → sau: Đã duyệt" && a.UserName == "thuongtruc.khoi@thidua.vn")));
    }

    [Fact]
    public async Task Summary_2019_ShowsEveryAgencyWithStateAndTotals()
    {
        var html = await HtmlAsync(await Client.GetAsync("/Registrations/Summary?year=2019"));
        var lines = await App.QueryAsync(db => db.RegistrationLines.CountAsync(l => l.Registration!.Year == 2019));
        Assert.Contains($"<th class=\"num\" id=\"grand-total\">{ThiDua.Infrastructure.VnFormat.Number(lines)}</th>", html);
        Assert.Contains("Cờ thi đua của Chính phủ", html);
        Assert.Contains("Nhà xuất bản Chính trị quốc gia Sự thật", html);
        Assert.Equal(13, System.Text.RegularExpressions.Regex.Matches(html, "<td>Đã duyệt</td>").Count);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<td>Đã nộp</td>"));
        var index = await HtmlAsync(await Client.GetAsync("/Registrations?year=2019"));
        Assert.Contains("Học viện Chính trị quốc gia Hồ Chí Minh", index);
        Assert.Contains("Ban Tổ chức Trung ương", index);
    }

    [Theory]
    [InlineData("?year=abc")]
    [InlineData("?year=2147483647")]
    public async Task Summary_YearOutOfRange_SaysSoNotA500(string query)
    {
        var response = await Client.GetAsync("/Registrations/Summary" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Năm phải từ 2000 đến 2100.", await HtmlAsync(response));
    }

    [Fact]
    public async Task Export_2019_IsAWorkbookWithInvariantNameAndIsAudited()
    {
        var response = await Client.GetAsync("/Registrations/Export?year=2019");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dang-ky-thi-dua-2019.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
            Assert.NotNull(zip.GetEntry("xl/worksheets/sheet2.xml"));
            using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
            var sheet = await reader.ReadToEndAsync();
            Assert.Contains("Tổng cộng", sheet);
            Assert.Contains("Ban Tổ chức Trung ương", sheet);
        }
        // The same workbook opens with the Open XML SDK (what Excel and LibreOffice read).
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            Assert.Equal(2, doc.WorkbookPart!.WorksheetParts.Count());
        }
        Assert.True(await App.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "Xuất tổng hợp đăng ký thi đua")));
        Assert.Equal(HttpStatusCode.BadRequest, (await Client.GetAsync("/Registrations/Export?year=3000")).StatusCode);
    }

    [Fact]
    public async Task Create_ForAnyAgency_SecretariatMayStartADraft()
    {
        var hvUnit = await App.QueryAsync(db => db.Units.Where(u => u.Code == "HVCTQG").Select(u => u.Id).SingleAsync());
        var created = await Client.PostFormAsync("/Registrations?handler=Create", new() { ["unitId"] = S(hvUnit), ["year"] = "2026" }, "/Registrations?year=2026");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await App.QueryAsync(db => db.Registrations.AnyAsync(r => r.UnitId == hvUnit && r.Year == 2026)));
    }
}
