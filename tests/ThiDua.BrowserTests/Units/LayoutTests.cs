using Microsoft.Playwright;

namespace ThiDua.BrowserTests.Units;

/// <summary>The unit tree and the bloc page at desktop (1366 px) and phone (390 px) widths.</summary>
public sealed class LayoutTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PageAsync(string email, int width, int height)
    {
        var page = await fx.SignedInPageAsync(email);
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task UnitTree_At1366_IndentsTheThirdLevelRightOfItsParent()
    {
        var page = await PageAsync("tdkt.btctw@thidua.vn", 1366, 900);
        await page.GotoAsync("/Units");
        var agency = await page.Locator("tr[data-unit='BTCTW'] td a").First.BoundingBoxAsync();
        var office = await page.Locator("tr[data-unit='BTCTW-D05'] td a").First.BoundingBoxAsync();
        var room = await page.Locator("tr[data-unit='BTCTW-D05-P1'] td a").First.BoundingBoxAsync();
        Assert.True(office!.X > agency!.X, $"second level at {office.X}, agency at {agency.X}");
        Assert.True(room!.X > office.X, $"third level at {room.X}, its parent at {office.X}");
        // The menu is not folded on a desktop: its groups stand in one line in the header, the current page's group
        // marked, and a group opens over the page.
        await Assertions.Expect(page.Locator("label[for=menu-toggle]")).ToBeHiddenAsync();
        var groups = page.Locator("nav.main > details > summary");
        await Assertions.Expect(groups).ToHaveCountAsync(3);
        var tops = new HashSet<double>();
        for (var i = 0; i < 3; i++) tops.Add(Math.Round((await groups.Nth(i).BoundingBoxAsync())!.Y));
        Assert.Single(tops);
        var header = await page.Locator("header.top").BoundingBoxAsync();
        Assert.True(header!.Height < 70, $"the header is {header.Height} px high: it wrapped");
        await Assertions.Expect(page.Locator("nav.main > details.current > summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Tổ chức – cán bộ"));
        var blocs = MainMenu.Link(page, "Khối thi đua");
        await Assertions.Expect(blocs).ToBeHiddenAsync();
        await page.Locator("nav.main > details.current > summary").ClickAsync();
        await Assertions.Expect(blocs).ToBeVisibleAsync();
        // Opening another group closes the first.
        await page.GetByText("Khen thưởng", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(MainMenu.Link(page, "Quyết định")).ToBeVisibleAsync();
        await Assertions.Expect(blocs).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Menu_At390_IsFoldedAndOpens()
    {
        var page = await PageAsync("tdkt.btctw@thidua.vn", 390, 844);
        await page.GotoAsync("/Units");
        var units = page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Đơn vị", Exact = true });
        await Assertions.Expect(units).ToBeHiddenAsync();
        await page.GetByText("Danh mục").ClickAsync();
        await MainMenu.GoAsync(page, "Đơn vị");
        await page.WaitForURLAsync("**/Units");
    }

    [Theory]
    [InlineData("tdkt.btctw@thidua.vn", "/Units")]
    [InlineData("admin@thidua.vn", "/Units")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Blocs/Details/1")]
    [InlineData("thuongtruc.khoi@thidua.vn", "/Blocs")]
    public async Task Page_At390_IsNotWiderThanTheScreen(string email, string url)
    {
        var page = await PageAsync(email, 390, 844);
        await page.GotoAsync(url);
        Assert.Equal(0, await OverflowAsync(page));
    }
}
