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
    [InlineData("tdkt.btctw@thidua.vn", "first-person")]
    public async Task Page_At390_IsNotWiderThanTheScreen(string email, string url)
    {
        var page = await fx.SignedInPageAsync(email);
        await page.SetViewportSizeAsync(390, 844);
        if (url == "first-person")
        {
            await page.GotoAsync("/People");
            await page.Locator("table a[href^='/People/Details/']").First.ClickAsync();
            await page.WaitForURLAsync("**/People/Details/**");
        }
        else await page.GotoAsync(url);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow == 0, $"{url} is {overflow} px wider than the screen");
    }
}
