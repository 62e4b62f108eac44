using Microsoft.Playwright;
using ThiDua.Tests;

namespace ThiDua.BrowserTests;

/// <summary>
/// One app on a real port and one Debian Chromium per test class (no browser download: the system
/// chromium is installed by test.sh). Headless unless THIDUA_HEADED=1.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string?>? _settings;

    public BrowserFixture() : this(null) { }

    /// <summary>A fixture whose app runs with extra configuration (a deployment parameter a journey needs).</summary>
    protected BrowserFixture(Dictionary<string, string?>? settings) => _settings = settings;

    public TestApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(_settings, kestrel: true);
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("THIDUA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = Environment.GetEnvironmentVariable("THIDUA_HEADED") != "1",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string email)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        // A cold page (first request of a fresh app) can take long on a loaded machine; fail on a real hang only.
        page.SetDefaultTimeout(60_000);
        page.SetDefaultNavigationTimeout(60_000);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Thư điện tử").FillAsync(email);
        await page.GetByLabel("Mật khẩu").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    public virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        App.Dispose();
    }
}

/// <summary>The header menu as a user works it.</summary>
public static class MainMenu
{
    /// <summary>A link of the main menu; its group (a &lt;details&gt;) must be open for it to be visible.</summary>
    public static ILocator Link(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Opens the group holding the link <paramref name="name"/> (unless it is open or stands alone), then follows it.</summary>
    public static async Task GoAsync(IPage page, string name)
    {
        var link = Link(page, name);
        if (!await link.IsVisibleAsync())
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" })
                .Locator("details", new() { Has = page.Locator($"a:text-is('{name}')") }).Locator("summary").ClickAsync(); // a role query skips the closed group's hidden links
        await link.ClickAsync();
    }
}
