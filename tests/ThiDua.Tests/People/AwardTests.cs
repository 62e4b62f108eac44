using Microsoft.EntityFrameworkCore;
using ThiDua.Features.Awards;
using ThiDua.Features.Eligibility;

namespace ThiDua.Tests.People;

/// <summary>Titles and awards on a person's page: the achievement period and the basis a decision states.</summary>
public sealed class AwardTests() : AppTest("tdkt.btctw@thidua.vn")
{
    private async Task<(int Id, string Code)> BtctwPersonAsync(int skip = 0) =>
        await App.QueryAsync(async db =>
        {
            var p = await db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("BTCTW")).OrderBy(p => p.Id).Skip(skip).Select(p => new { p.Id, p.PersonalCode }).FirstAsync();
            return (p.Id, p.PersonalCode);
        });

    private static Dictionary<string, string> AwardForm(string year, string code, string periodTo, string basis) => new()
    {
        ["award.Year"] = year, ["award.Code"] = code, ["award.Authority"] = "Trưởng Ban Tổ chức Trung ương",
        ["award.DecisionNumber"] = "999-QĐ/BTCTW", ["award.DecisionDate"] = $"{year}-01-15", ["award.PeriodTo"] = periodTo, ["award.Basis"] = basis,
    };

    [Fact]
    public async Task AddAward_WithPeriodAndBasis_StoresThemShowsThemAndAudits()
    {
        var (id, code) = await BtctwPersonAsync();
        var response = await Client.PostFormAsync($"/People/Details/{id}?handler=Award", AwardForm("2009", "BK_BO", "2008", "DotXuat"), $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var award = await App.QueryAsync(db => db.Awards.SingleAsync(a => a.PersonId == id && a.Year == 2009 && a.Code == "BK_BO"));
        Assert.Equal(2008, award.PeriodTo);
        Assert.Equal(AwardBasis.DotXuat, award.Basis);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Thêm khen thưởng" && a.EntityId == id.ToString() && a.EntityCode == code).Select(a => a.Details).SingleAsync());
        Assert.StartsWith("trước: — → sau: 2009 Bằng khen cấp bộ, ban, ngành, tỉnh (BK_BO)", audit);
        Assert.Contains("thành tích đến năm: 2008; loại thành tích: Đột xuất", audit);

        var html = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/Details/{id}"));
        Assert.Contains($"<tr data-award=\"{award.Id}\"><td>2009 (thành tích đến năm 2008)</td>", html);
        Assert.Contains(">Đột xuất</td>", html);
    }

    [Theory]
    [InlineData("2010", "Đã quyết định năm 2009")]
    [InlineData("1944", "trước 1945")]
    public async Task AddAward_PeriodOutsideRange_IsRefusedWithVietnameseMessageNamingTheField(string periodTo, string because)
    {
        var (id, _) = await BtctwPersonAsync(1);
        var response = await Client.PostFormAsync($"/People/Details/{id}?handler=Award", AwardForm("2009", "BK_BO", periodTo, "Merit"), $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(html.Contains($"\"Thành tích đến năm\" phải từ 1945 đến năm quyết định (2009); đang là {periodTo}."), because);
        Assert.Contains($"value=\"{periodTo}\"", html); // the form keeps what was typed
        Assert.False(await App.QueryAsync(db => db.Awards.AnyAsync(a => a.PersonId == id && a.Year == 2009)));
    }

    [Fact]
    public async Task EditAward_SetPeriodAndBasis_SavesAndAuditsBeforeAndAfter()
    {
        var (id, code) = await BtctwPersonAsync(2);
        var awardId = await App.QueryAsync(async db =>
        {
            var a = new AwardRecord { PersonId = id, Year = 2008, Code = "BK_BO", Authority = "Trưởng Ban", Status = AwardStatus.Conferred };
            db.Awards.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/EditAward/{awardId}"));
        Assert.Contains("Thành tích đến năm", page);
        Assert.Contains("Loại thành tích", page);
        var original = System.Text.RegularExpressions.Regex.Match(page, "name=\"Original\" value=\"([^\"]*)\"").Groups[1].Value;
        var response = await Client.PostFormAsync($"/People/EditAward/{awardId}", new()
        {
            ["Input.Year"] = "2008", ["Input.Code"] = "BK_BO", ["Input.Authority"] = "Trưởng Ban", ["Input.PeriodTo"] = "2007", ["Input.Basis"] = "ChuyenDe", ["Original"] = original,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await App.QueryAsync(db => db.Awards.AsNoTracking().SingleAsync(a => a.Id == awardId));
        Assert.Equal((2007, AwardBasis.ChuyenDe), (saved.PeriodTo, saved.Basis));
        var reopened = WebUtility.HtmlDecode(await Client.GetStringAsync($"/People/EditAward/{awardId}"));
        Assert.Matches("<option value=\"BK_BO\" selected=\"selected\"", reopened);
        Assert.Matches("<option value=\"ChuyenDe\" selected=\"selected\"", reopened);
        Assert.Contains("value=\"2007\"", reopened);
        Assert.DoesNotMatch("<option value=\"Merit\" selected", reopened);
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Sửa khen thưởng" && a.EntityId == id.ToString() && a.EntityCode == code).Select(a => a.Details).SingleAsync());
        Assert.Contains($"dòng #{awardId}; trước: 2008 Bằng khen cấp bộ, ban, ngành, tỉnh (BK_BO); cấp quyết định: Trưởng Ban; số QĐ: —; ngày QĐ: —; thành tích đến năm: —; loại thành tích: Công trạng", audit);
        Assert.Contains(" → sau: 2008 Bằng khen cấp bộ, ban, ngành, tỉnh (BK_BO); cấp quyết định: Trưởng Ban; số QĐ: —; ngày QĐ: —; thành tích đến năm: 2007; loại thành tích: Chuyên đề", audit);

        // The same form posted again was made from values that are no longer stored: refused, nothing changes.
        var stale = await Client.PostFormAsync($"/People/EditAward/{awardId}", new()
        {
            ["Input.Year"] = "2008", ["Input.Code"] = "BK_BO", ["Input.Authority"] = "Trưởng Ban", ["Input.PeriodTo"] = "2006", ["Input.Basis"] = "Merit", ["Original"] = original,
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(2007, await App.QueryAsync(db => db.Awards.Where(a => a.Id == awardId).Select(a => a.PeriodTo).SingleAsync()));
    }

    [Fact]
    public async Task AddOrEditAward_ForAnotherAgencysPerson_IsRefusedAndWritesNothing()
    {
        var hv = await App.QueryAsync(db => db.People.Where(p => p.CurrentUnit!.Code.StartsWith("HVCTQG")).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var (own, _) = await BtctwPersonAsync();
        var response = await Client.PostFormAsync($"/People/Details/{hv}?handler=Award", AwardForm("2009", "BK_BO", "2008", "Merit"), $"/People/Details/{own}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString());
        Assert.False(await App.QueryAsync(db => db.Awards.AnyAsync(a => a.PersonId == hv && a.Year == 2009)));
        var hvAward = await App.QueryAsync(db => db.Awards.Where(a => a.PersonId == hv).Select(a => a.Id).FirstAsync());
        var edit = await Client.GetAsync($"/People/EditAward/{hvAward}");
        Assert.Contains("/Account/AccessDenied", edit.Headers.Location!.ToString());
    }

    [Fact]
    public async Task AddAward_YearOrPeriodNotANumber_IsRefusedWithVietnameseMessageNamingTheFieldByItsLabel()
    {
        var (id, _) = await BtctwPersonAsync(3);
        var form = AwardForm("2e3", "BK_BO", "abc", "Merit");
        form["award.DecisionDate"] = "15/01/2009x";
        var response = await Client.PostFormAsync($"/People/Details/{id}?handler=Award", form, $"/People/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Năm quyết định: \"2e3\" không phải là số năm.", html);
        Assert.Contains("Thành tích đến năm: \"abc\" không phải là số năm.", html);
        Assert.Contains("Ngày quyết định: \"15/01/2009x\" không phải là ngày hợp lệ (dd/mm/yyyy).", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.DoesNotContain("is invalid", html);
        Assert.False(await App.QueryAsync(db => db.Awards.AnyAsync(a => a.PersonId == id && a.Authority == "Trưởng Ban Tổ chức Trung ương" && a.DecisionNumber == "999-QĐ/BTCTW")));
    }

    [Fact]
    public async Task EditAward_PeriodOrBasisNotValid_IsRefusedWithVietnameseMessageNamingTheFieldByItsLabel()
    {
        var (id, _) = await BtctwPersonAsync(4);
        var awardId = await App.QueryAsync(async db =>
        {
            var a = new AwardRecord { PersonId = id, Year = 2008, Code = "BK_BO", Authority = "Trưởng Ban", Status = AwardStatus.Conferred };
            db.Awards.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var response = await Client.PostFormAsync($"/People/EditAward/{awardId}", new()
        {
            ["Input.Year"] = "2008", ["Input.Code"] = "BK_BO", ["Input.Authority"] = "Trưởng Ban", ["Input.PeriodTo"] = "abc", ["Input.Basis"] = "ThuongXuyen", ["Original"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Thành tích đến năm: \"abc\" không phải là số năm.", html);
        Assert.Contains("Loại thành tích: \"ThuongXuyen\" không có trong danh sách lựa chọn.", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Null(await App.QueryAsync(db => db.Awards.Where(a => a.Id == awardId).Select(a => a.PeriodTo).SingleAsync()));
    }
}
