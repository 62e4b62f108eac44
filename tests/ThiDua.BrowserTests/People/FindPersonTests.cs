using Microsoft.Playwright;
using MiniExcelLibs;
using W = ThiDua.Features.People.PeopleWorkbook;

namespace ThiDua.BrowserTests.People;

public sealed class FindPersonTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_SearchNameWithoutDiacritics_OpensTheRecord()
    {
        var page = await fx.SignedInPageAsync("tdkt.btctw@thidua.vn");
        await MainMenu.GoAsync(page, "Cán bộ");
        await page.GetByLabel("Tìm theo họ tên hoặc mã cá nhân").FillAsync("nguyen van duc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nguyễn Văn Đức" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nguyễn Văn Đức");
        await Assertions.Expect(page.Locator("tr[data-code=LDTT] td").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Đủ điều kiện|Chưa đủ điều kiện|Hoãn xét"));
        await Assertions.Expect(page.GetByText("Quá trình công tác")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Import_XlsxThroughThePage_ShowsProgressThenReportAndTheNewPerson()
    {
        var page = await fx.SignedInPageAsync("tdkt.btctw@thidua.vn");
        await page.GotoAsync("/People/Import");
        var people = new List<Dictionary<string, object?>>
        {
            new() { [W.Code] = "WEB-0001", [W.Family] = "Đinh", [W.Middle] = "Thị", [W.Given] = "Ửng", [W.GenderCol] = "Nữ", [W.Birth] = "02/02/1992", [W.PositionCol] = "Chuyên viên", [W.UnitCode] = "BTCTW-D01", [W.Hired] = "01/03/2016" },
        };
        var ratings = new List<Dictionary<string, object?>> { new() { [W.Code] = "WEB-0001", [W.Year] = 2025, [W.RatingCol] = "HTXSNV" } };
        var file = Path.Combine(Path.GetTempPath(), $"nhap-{Guid.NewGuid():N}.xlsx");
        await using (var fs = File.Create(file)) fs.SaveAs(new Dictionary<string, object> { [W.PeopleSheet] = people, [W.RatingsSheet] = ratings }, excelType: ExcelType.XLSX);
        try
        {
            await page.GetByLabel("Tệp Excel (.xlsx, tối đa 20 MB)").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
            await Assertions.Expect(page.Locator("#import-state")).ToHaveAttributeAsync("data-state", "Succeeded", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#import-summary [data-field=created]")).ToHaveTextAsync("1");
            await page.GotoAsync("/People?q=dinh+thi+ung");
            await page.GetByRole(AriaRole.Link, new() { Name = "Đinh Thị Ửng" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Đinh Thị Ửng");
            await Assertions.Expect(page.Locator("tr[data-code=CSTDCS]")).ToHaveAttributeAsync("data-verdict", "eligible");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
