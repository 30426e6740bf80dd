using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

// The portal as a visitor and the demo users meet it, in both languages, on a desktop and a 390 px phone: finding a
// service from the home page and opening its provider's profile; no page wider than the phone; the signed-in header
// on one line at 1366 px. Screenshots go to screenshots/ beside the test binaries.
[Collection(BrowserCollection.Name)]
public sealed class PortalJourneyTests(BrowserFixture browser)
{
    private const string Password = "TechBridge-demo-2026";

    public static TheoryData<string, int> CulturesAndWidths => new() { { "zh-CN", 1366 }, { "en", 1366 }, { "zh-CN", 390 }, { "en", 390 } };

    [Theory]
    [MemberData(nameof(CulturesAndWidths))]
    public async Task Visitor_FindsAServiceFromTheHomePage_AndOpensTheProvidersProfile(string culture, int width)
    {
        var page = await NewPageAsync(culture, width);
        var english = culture == "en";
        await page.GotoAsync("/");

        // The home page says where to start; its search box searches everything.
        Assert.Contains(english ? "Find services" : "找服务", await page.InnerTextAsync(".entry-points"), StringComparison.Ordinal);
        await page.FillAsync("main input[type=search]", "检测");
        await page.PressAsync("main input[type=search]", "Enter");
        await page.WaitForURLAsync("**/Search?q=*");
        var provider = page.Locator(".result-card:has(.kind-offering) .result-meta a[href^='/Organizations/']").First;
        await WaitForAsync(page, provider, TimeSpan.FromSeconds(90));
        var cardText = await page.Locator(".result-card:has(.kind-offering)").First.InnerTextAsync();
        Assert.Contains(english ? "Published on" : "发布于", cardText, StringComparison.Ordinal);
        Assert.Contains(english ? "Price" : "价格", cardText, StringComparison.Ordinal);
        await AssertNoOverflowAsync(page);
        await AssertAccessibleAsync(page);
        await ShotAsync(page, $"search-{culture}-{width}");

        var providerName = (await provider.InnerTextAsync()).Trim();
        await provider.ClickAsync();
        await page.WaitForURLAsync("**/Organizations/*");

        Assert.Equal(providerName, (await page.InnerTextAsync("h1")).Trim());
        var main = await page.InnerTextAsync("main");
        Assert.Contains(english ? "Recognitions and qualifications" : "资质与认定", main, StringComparison.Ordinal);
        Assert.Contains(english ? "Track record" : "服务记录", main, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#registration-heading").CountAsync());
        await AssertNoOverflowAsync(page);
        await AssertAccessibleAsync(page);
        await ShotAsync(page, $"profile-{culture}-{width}");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Phone_MainPages_HaveNoHorizontalOverflow_AndAMenuButton(string culture)
    {
        var page = await NewPageAsync(culture, 390);
        string[] paths = ["/", "/Search?q=检测", "/Search?q=存在", "/Listings", "/Directory", "/Notices", "/Groups", "/Reference", "/Help", "/Help/Agreement", "/Help/Privacy", "/Account/SignIn", "/Account/SignUp"];
        var failures = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await OverflowAsync(page) is > 0 and var pixels)
            {
                failures.Add($"{path}: {pixels}px wider than the screen ({await WidestAsync(page)})");
            }
        }

        // The menu folds behind a button and opens on a tap.
        await page.GotoAsync("/");
        var button = page.Locator(".menu-toggle");
        Assert.True(await button.IsVisibleAsync());
        Assert.False(await page.Locator("#site-menu").IsVisibleAsync());
        await button.ClickAsync();
        Assert.True(await page.Locator("#site-menu").IsVisibleAsync());
        await ShotAsync(page, $"phone-menu-{culture}");

        // Signed in, each role's own pages: the admins' queues and exports too (a page the role may not open is skipped).
        string[] signedInPaths =
        [
            "/Workspace", "/Listings/Mine", "/Engagements", "/Orders", "/Notifications",
            "/Admin/Verification", "/Admin/Onboarding", "/Admin/Recognitions", "/Admin/ListingReview", "/Admin/Complaints", "/Admin/Users", "/Audit",
        ];
        foreach (var user in new[] { "enterprise.demo", "admin.hebei", "broker.demo", "sysadmin.demo", "auditor.demo" })
        {
            var signedIn = await SignInAsync(culture, 390, user);
            foreach (var path in signedInPaths)
            {
                var response = await signedIn.GotoAsync(path);
                if (response is null || response.Status >= 400)
                {
                    continue;
                }

                await signedIn.WaitForLoadStateAsync(LoadState.NetworkIdle);
                if (await OverflowAsync(signedIn) is > 0 and var pixels)
                {
                    failures.Add($"{user} {path}: {pixels}px wider than the screen ({await WidestAsync(signedIn)})");
                }
            }

            await signedIn.GotoAsync("/Workspace");
            await ShotAsync(signedIn, $"workspace-{user}-{culture}-390");
            await signedIn.Context.CloseAsync();
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("zh-CN", "enterprise.demo")]
    [InlineData("en", "enterprise.demo")]
    [InlineData("zh-CN", "admin.hebei")]
    [InlineData("en", "admin.hebei")]
    [InlineData("en", "broker.demo")]
    public async Task Desktop_SignedInHeader_HoldsOnOneLine(string culture, string user)
    {
        var page = await SignInAsync(culture, 1366, user);
        await page.GotoAsync("/Workspace");

        var tops = await page.EvalOnSelectorAllAsync<double[]>("header .brand, #site-menu > li", "items => items.map(i => Math.round(i.getBoundingClientRect().top + i.getBoundingClientRect().height / 2))");
        await ShotAsync(page, $"workspace-{user}-{culture}-1366");

        Assert.True(tops.Max() - tops.Min() <= 12, $"header items at heights {string.Join(", ", tops)}");
        // Demo users' names read in the page's language.
        if (user == "admin.hebei")
        {
            Assert.Contains(culture == "en" ? "Hebei province admin" : "河北省管理员", await page.InnerTextAsync(".account-menu summary"), StringComparison.Ordinal);
        }

        Assert.Equal(0, await page.Locator(".menu-toggle:visible").CountAsync());
        await AssertAccessibleAsync(page);
    }

    private async Task<IPage> NewPageAsync(string culture, int width)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseUrl,
            Locale = culture,
            ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 },
        });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.App.BaseUrl }]);
        return await context.NewPageAsync();
    }

    private async Task<IPage> SignInAsync(string culture, int width, string user)
    {
        var page = await NewPageAsync(culture, width);
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form:has(#Password) button[type=submit]");
        await page.WaitForSelectorAsync("form[action*='SignOut']", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    // The search index is fed after the app starts: reload until the expected result is there.
    private static async Task WaitForAsync(IPage page, ILocator locator, TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (await locator.CountAsync() == 0)
        {
            Assert.True(started.Elapsed < timeout, "no result card with a provider appeared");
            await Task.Delay(1000);
            await page.ReloadAsync();
        }
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    // The element that sticks out furthest, to say what to fix.
    private static Task<string> WidestAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
              let worst = null, right = document.documentElement.clientWidth;
              for (const e of document.querySelectorAll('body *')) {
                const r = e.getBoundingClientRect();
                if (r.right > right + 1 && (!worst || r.right > worst.r)) worst = { r: r.right, e };
              }
              return worst ? worst.e.tagName.toLowerCase() + '.' + worst.e.className + ' ' + (worst.e.textContent || '').trim().slice(0, 40) : '';
            }
            """);

    private static async Task AssertNoOverflowAsync(IPage page)
    {
        var overflow = await OverflowAsync(page);
        Assert.True(overflow <= 0, $"{page.Url}: {overflow}px horizontal overflow ({await WidestAsync(page)})");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }
}
