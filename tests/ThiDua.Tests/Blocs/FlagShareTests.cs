using Microsoft.EntityFrameworkCore;

namespace ThiDua.Tests.Blocs;

/// <summary>The bloc's own cap on emulation flags: a bloc regulation, not the law.</summary>
public sealed class FlagShareTests() : AppTest("thuongtruc.khoi@thidua.vn")
{
    private async Task<(int Id, Dictionary<string, string> Form)> FormAsync(string share)
    {
        var b = await App.QueryAsync(db => db.Blocs.AsNoTracking().OrderBy(b => b.Id).FirstAsync());
        return (b.Id, new()
        {
            ["Input.Name"] = b.Name, ["Input.ShortName"] = b.ShortName ?? "", ["Input.Code"] = b.Code, ["Input.Description"] = b.Description ?? "",
            ["Input.IsActive"] = "true", ["Input.FlagSharePercent"] = share, ["Input.Version"] = b.Version.ToString(),
        });
    }

    [Fact]
    public async Task EditBloc_SetFlagShare_SavesShowsItAsTheBlocsOwnAndAudits()
    {
        var (id, form) = await FormAsync("20");
        var editPage = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Blocs/Edit/{id}"));
        Assert.Contains("Tỷ lệ cờ thi đua tối đa do khối quy định (%)", editPage);
        Assert.Contains("Luật Thi đua, khen thưởng 2022 (Điều 25) không quy định tỷ lệ", editPage);

        var response = await Client.PostFormAsync($"/Blocs/Edit/{id}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(20, await App.QueryAsync(db => db.Blocs.Where(b => b.Id == id).Select(b => b.FlagSharePercent).SingleAsync()));
        var audit = await App.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "Sửa khối").Select(a => a.Details).SingleAsync());
        Assert.Contains("tỷ lệ cờ thi đua tối đa do khối quy định: không quy định → sau:", audit);
        Assert.EndsWith("tỷ lệ cờ thi đua tối đa do khối quy định: 20%", audit);
        var details = WebUtility.HtmlDecode(await Client.GetStringAsync($"/Blocs/Details/{id}"));
        Assert.Contains("20% số thành viên", details);
        Assert.Contains("quy định riêng của khối; Luật Thi đua, khen thưởng 2022, Điều 25 không quy định tỷ lệ", details);

        // Emptied again: the bloc sets no cap.
        (_, form) = await FormAsync("");
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Blocs/Edit/{id}", form)).StatusCode);
        Assert.Null(await App.QueryAsync(db => db.Blocs.Where(b => b.Id == id).Select(b => b.FlagSharePercent).SingleAsync()));
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public async Task EditBloc_FlagShareOutOfRange_IsRefusedInVietnamese(string share)
    {
        var (id, form) = await FormAsync(share);
        var response = await Client.PostFormAsync($"/Blocs/Edit/{id}", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tỷ lệ cờ thi đua tối đa do khối quy định phải từ 0 đến 100 (%), hoặc để trống.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(await App.QueryAsync(db => db.Blocs.Where(b => b.Id == id).Select(b => b.FlagSharePercent).SingleAsync()));
    }

    [Fact]
    public async Task EditBloc_WithStaleVersion_KeepsTheOtherEdit()
    {
        var (id, form) = await FormAsync("25");
        Assert.Equal(HttpStatusCode.Redirect, (await Client.PostFormAsync($"/Blocs/Edit/{id}", form)).StatusCode);
        form["Input.FlagSharePercent"] = "30";
        var stale = await Client.PostFormAsync($"/Blocs/Edit/{id}", form);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("vừa được người khác sửa", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(25, await App.QueryAsync(db => db.Blocs.Where(b => b.Id == id).Select(b => b.FlagSharePercent).SingleAsync()));
    }

    [Fact]
    public async Task EditBloc_AsAgencyOfficer_IsRefusedAndWritesNothing()
    {
        var (id, form) = await FormAsync("10");
        var officer = await App.SignInAsync("tdkt.btctw@thidua.vn");
        Assert.Contains("/Account/AccessDenied", (await officer.GetAsync($"/Blocs/Edit/{id}")).Headers.Location!.ToString());
        var posted = await officer.PostFormAsync($"/Blocs/Edit/{id}", form, "/Account/ChangePassword");
        Assert.Contains("/Account/AccessDenied", posted.Headers.Location!.ToString());
        Assert.Null(await App.QueryAsync(db => db.Blocs.Where(b => b.Id == id).Select(b => b.FlagSharePercent).SingleAsync()));
    }
}
