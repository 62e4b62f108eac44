using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Awards;

namespace ThiDua.Tests.Admin;

/// <summary>The audit log (/Admin/Audit): entity types are stored culture-invariant and shown by their Vietnamese names.</summary>
public sealed class AuditPageTests() : AppTest("admin@thidua.vn")
{
    [Fact]
    public async Task AuditPage_EntriesOfEachType_ShowVietnameseEntityNamesWhileStoredTypesStayInvariant()
    {
        var now = DateTime.UtcNow;
        await App.ExecuteAsync(async db =>
        {
            db.Audit("admin@thidua.vn", "Sửa đơn vị", "Unit", "BTCTW-D03", null, now);
            db.Audit("admin@thidua.vn", "Sửa cá nhân", "Person", "001177000015", null, now);
            db.Audit("admin@thidua.vn", "Nạp bộ quy tắc", "RuleSet", "luat-2022", null, now);
            db.Audit("admin@thidua.vn", "Sửa khối", "EmulationBloc", "KHOI-CQD-TW", null, now);
            db.Audit("admin@thidua.vn", "Sửa khen thưởng", "AwardRecord", "42", null, now);
            db.Audit("admin@thidua.vn", "Sửa tài khoản", "AppUser", "canbo.btctw@thidua.vn", null, now);
            db.Audit("admin@thidua.vn", "Xóa award", "Person", "001177000016", "#7", now);
            await db.SaveChangesAsync();
        });

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/Admin/Audit"));
        foreach (var shown in new[] { "Đơn vị BTCTW-D03", "Cán bộ 001177000015", "Bộ quy tắc luat-2022", "Khối thi đua KHOI-CQD-TW", "Khen thưởng 42", "Tài khoản canbo.btctw@thidua.vn", "<td>Xóa khen thưởng</td>" })
            Assert.Contains(shown, html);
        foreach (var english in new[] { "Unit BTCTW-D03", "Person 001177000015", "RuleSet luat-2022", "EmulationBloc KHOI-CQD-TW", "AppUser ", "Xóa award" })
            Assert.DoesNotContain(english, html);

        // The stored type is machine data and stays as it was written.
        Assert.Equal(["AppUser", "AwardRecord", "EmulationBloc", "Person", "Person", "RuleSet", "Unit"],
            await App.QueryAsync(db => db.AuditEntries.Where(a => a.AtUtc == now).OrderBy(a => a.EntityType).Select(a => a.EntityType).ToListAsync()));
    }

    [Fact]
    public async Task AddAward_AuditDetails_NameTheTitleOrFormInVietnameseWithItsCode()
    {
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        var (id, code) = await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("BTCTW")).OrderBy(p => p.Id).Select(p => new { p.Id, p.PersonalCode }).FirstAsync();
            return (p.Id, p.PersonalCode);
        });
        var response = await officer.PostFormAsync($"/People/Details/{id}?handler=Award", new()
        {
            ["award.Year"] = "2009", ["award.Code"] = "BK_TTG", ["award.Authority"] = "Thủ tướng Chính phủ", ["award.Basis"] = "Merit",
        }, $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Thêm khen thưởng" && a.EntityId == id.ToString() && a.EntityCode == code).Select(a => a.Details).SingleAsync());
        Assert.StartsWith("trước: — → sau: 2009 Bằng khen của Thủ tướng Chính phủ (BK_TTG); cấp quyết định: Thủ tướng Chính phủ", details);

        var awardId = await App.QueryAsync(db => db.Awards.Where(a => a.PersonId == id && a.Year == 2009 && a.Code == "BK_TTG").Select(a => a.Id).SingleAsync());
        var deleted = await officer.PostFormAsync($"/People/DeleteHistory/award/{awardId}", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var deletion = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Xóa khen thưởng" && a.EntityId == id.ToString() && a.EntityCode == code).Select(a => a.Details).SingleAsync());
        Assert.Equal($"dòng #{awardId}; trước: 2009 Bằng khen của Thủ tướng Chính phủ (BK_TTG); cấp quyết định: Thủ tướng Chính phủ; số QĐ: —; ngày QĐ: —; thành tích đến năm: —; loại thành tích: Công trạng → sau: —", deletion);

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Admin/Audit?entity={id}"));
        Assert.Contains("Cán bộ", html);
        Assert.Contains("2009 Bằng khen của Thủ tướng Chính phủ (BK_TTG)", html);
    }
}
