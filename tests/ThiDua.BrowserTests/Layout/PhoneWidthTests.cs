using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ThiDua.BrowserTests.Layout;

/// <summary>At phone width (390 px) no page is wider than the screen: wide tables scroll inside their own box.</summary>
public sealed class PhoneWidthTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("admin@thidua.vn", "/")]
    [InlineData("admin@thidua.vn", "/People")]
    [InlineData("admin@thidua.vn", "/Eligibility")]
    [InlineData("admin@thidua.vn", "/Admin/RuleSets")]
    [InlineData("admin@thidua.vn", "/Admin/Audit")]
    [InlineData("admin@thidua.vn", "/Admin/Accounts")]
    [InlineData("tdkt.btctw@thidua.vn", "/People/Import")]
    [InlineData("tdkt.btctw@thidua.vn", "/People|/People/Details/")]
    // The bloc's year, as the secretariat and as an agency's officer; "list|prefix" opens the list and follows its
    // first link to a record page.
    [InlineData("thuongtruc.khoi@thidua.vn", "/Movements?year=2019|/Movements/Details/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Movements/Directives")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Registrations?year=2019|/Registrations/Edit/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Registrations/Summary?year=2019")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Agreements|/Agreements/Details/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Scoring|/Scoring/Sheet/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Votes|/Votes/Details/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Models|/Models/Details/")]
    [InlineData("tdkt.btctw@thidua.vn", "/Movements")]
    [InlineData("tdkt.btctw@thidua.vn", "/Registrations?year=2026|/Registrations/Edit/")]
    [InlineData("tdkt.btctw@thidua.vn", "/Scoring")]
    // Issue 10: nominations from dossier to decision, as the accounts that see them; "anon" opens the page signed out,
    // and "{code}" is a certificate verification code from the demo's issued decisions.
    [InlineData("tdkt.btctw@thidua.vn", "/Nominations?year=2019|/Nominations/Details/")]
    [InlineData("tdkt.btctw@thidua.vn", "/Nominations/Create")]
    [InlineData("tdkt.btctw@thidua.vn", "/Nominations/Workflow/Overdue")]
    [InlineData("tdkt.btctw@thidua.vn", "/Decisions|/Decisions/Details/")]
    [InlineData("tdkt.btctw@thidua.vn", "/Notifications")]
    [InlineData("hoidong.btctw@thidua.vn", "/Councils|/Councils/Details/")]
    [InlineData("hoidong.btctw@thidua.vn", "/Nominations/Workflow/Bulk")]
    [InlineData("hoidong.btctw@thidua.vn", "/Decisions")]
    [InlineData("thanhvien.btctw@thidua.vn", "/Councils")]
    [InlineData("lanhdao.btctw@thidua.vn", "/Decisions|/Decisions/Details/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Nominations?year=2019|/Nominations/Details/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Councils|/Councils/Details/")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Decisions|/Decisions/Details/")]
    [InlineData("admin@thidua.vn", "/Calendar")]
    [InlineData("anon", "/Nominations/PublicList")]
    [InlineData("anon", "/xac-minh/{code}")]
    public async Task Page_At390_IsNotWiderThanTheScreen(string email, string url)
    {
        if (url.Contains("{code}", StringComparison.Ordinal))
        {
            var code = await fx.App.QueryAsync(db => db.DecisionRecipients.Where(r => r.VerificationCode != null)
                .OrderBy(r => r.Id).Select(r => r.VerificationCode!).FirstAsync());
            url = url.Replace("{code}", code, StringComparison.Ordinal);
        }
        var page = email == "anon" ? await AnonymousPageAsync() : await fx.SignedInPageAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        if (url.Split('|') is [var list, var prefix])
        {
            await page.GotoAsync(list);
            await page.Locator($"main a[href^='{prefix}']").First.ClickAsync();
            await page.WaitForURLAsync($"**{prefix}**");
        }
        else await page.GotoAsync(url);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow == 0, $"{url} is {overflow} px wider than the screen");
    }

    private async Task<IPage> AnonymousPageAsync()
    {
        var context = await fx.Browser.NewContextAsync(new() { BaseURL = fx.BaseUrl, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        return page;
    }
}
