using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ThiDua.BrowserTests.People;

/// <summary>The person page uses its width: history cards two a row at 1366 px, one column and nothing wider than the screen at 390 px.</summary>
public sealed class PersonPageLayoutTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PersonPageAsync(int width)
    {
        var page = await fx.SignedInPageAsync("tdkt.btctw@thidua.vn");
        await page.SetViewportSizeAsync(width, 900);
        var id = await fx.App.QueryAsync(db => db.People.Where(p => p.IsActive && p.CurrentUnit!.Code.StartsWith("BTCTW") && p.Ratings.Any()).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        await page.GotoAsync($"/People/Details/{id}");
        return page;
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string heading) =>
        (await page.Locator("section.card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 }) }).BoundingBoxAsync())!;

    [Fact]
    public async Task PersonPage_At1366_HistoryCardsSitSideBySideAndAwardsSpanTheRow()
    {
        var page = await PersonPageAsync(1366);
        var ratings = await BoxAsync(page, "Xếp loại hằng năm");
        var discipline = await BoxAsync(page, "Kỷ luật");
        var awards = await BoxAsync(page, "Danh hiệu, khen thưởng");
        var main = (await page.Locator("main").BoundingBoxAsync())!;
        Assert.Equal(ratings.Y, discipline.Y, 1.0);
        Assert.True(discipline.X > ratings.X + ratings.Width - 1, "discipline sits to the right of ratings");
        Assert.True(ratings.Width > main.Width * 0.4, $"a history card takes about half the page, not a third ({ratings.Width} of {main.Width})");
        Assert.True(awards.Width > main.Width * 0.9, $"the awards card spans the row ({awards.Width} of {main.Width})");
    }

    [Fact]
    public async Task PersonPage_At390_IsNoWiderThanTheScreenAndStacksTheCards()
    {
        var page = await PersonPageAsync(390);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide on a 390 px screen");
        var ratings = await BoxAsync(page, "Xếp loại hằng năm");
        var discipline = await BoxAsync(page, "Kỷ luật");
        Assert.True(discipline.Y >= ratings.Y + ratings.Height - 1, "discipline sits under ratings");
        Assert.True(ratings.X + ratings.Width <= 390, "a card fits the screen");
    }
}
