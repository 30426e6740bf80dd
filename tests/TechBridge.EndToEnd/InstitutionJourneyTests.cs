using System.Security.Cryptography;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

// The foundation's journey: a provider registers a service institution with its licence, the province verifies it,
// the provider applies for admission, the city and the province review it through the admin pages, the notice
// board shows it, the notice period passes (test clock), the province approves, the institution is in the public
// directory, and the directory keeps working in English. It moves the clock, so it runs its own app process.
[Collection(BrowserCollection.Name)]
public sealed class InstitutionJourneyTests(BrowserFixture browser)
{
    private const string Password = "TechBridge-demo-2026";
    private static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "techbridge-e2e-screenshots");

    [Fact]
    public async Task Institution_RegisteredReviewedNoticedApproved_AppearsInDirectory_InBothLanguages()
    {
        await using var app = await RunningApp.StartAsync();
        Directory.CreateDirectory(Screenshots);
        var name = $"端到端检测服务{RandomNumberGenerator.GetString("甲乙丙丁戊己庚辛壬癸", 4)}有限公司";
        var code = CreditCode("91130102");

        // Provider: register with a licence file (a tiny PDF made here).
        var provider = await SignInAsync(app, "provider.demo");
        await provider.GotoAsync("/Organizations/Register");
        await AssertAccessibleAsync(provider);
        await provider.SelectOptionAsync("select[name=Kind]", "ServiceInstitution");
        await provider.FillAsync("input[name=LegalName]", name);
        await provider.FillAsync("input[name=CreditCode]", code);
        // The region picker: type part of the name, choose from the list (nobody types a code).
        var regionPicker = provider.Locator("[data-enhanced]:has(select[name=RegionCode])");
        await regionPicker.Locator("input[role=combobox]").FillAsync("长安");
        await regionPicker.GetByRole(AriaRole.Option, new() { Name = "石家庄市 长安区" }).ClickAsync();
        await provider.CheckAsync("input[name=Sectors][value=testing]");
        await provider.SetInputFilesAsync("input[name=Evidence]", new FilePayload
        {
            Name = "licence.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% business licence {Guid.NewGuid()}\n%%EOF\n"),
        });
        await provider.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await provider.WaitForURLAsync("**/Organizations/*-*");
        var organizationPath = new Uri(provider.Url).AbsolutePath;
        await Assertions.Expect(provider.Locator("h1[lang='zh-CN']")).ToHaveTextAsync(name);
        await ShotAsync(provider, "1-registered");

        // Province admin verifies the registration.
        var province = await SignInAsync(app, "admin.hebei");
        await province.GotoAsync("/Admin/Verification");
        await AssertAccessibleAsync(province);
        await province.Locator("tr", new() { HasText = name }).Locator("input[name=ids]").CheckAsync();
        await province.GetByRole(AriaRole.Button, new() { Name = "认证通过所选机构" }).ClickAsync();
        await Assertions.Expect(province.Locator("[role=status]")).ToContainTextAsync($"已认证通过 1 家：{name}");
        await Assertions.Expect(province.Locator("tr", new() { HasText = name })).ToHaveCountAsync(0);

        // Provider applies for admission on the organization page.
        await provider.GotoAsync(organizationPath);
        await provider.FillAsync("textarea[name=serviceDescription]", "检验检测、计量校准");
        await provider.ClickAsync("form[action*='handler=Apply'] button[type=submit]");
        await Assertions.Expect(provider.Locator("#admission-heading")).ToBeVisibleAsync();
        await Assertions.Expect(provider.Locator("form[action*='handler=Apply']")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(provider);
        await ShotAsync(provider, "2-applied");

        // City admin: start the review and pass the first review; province: final review opens the notice.
        var city = await SignInAsync(app, "admin.shijiazhuang");
        await ReviewStepAsync(city, name, "start-review");
        await ReviewStepAsync(city, name, "first-review");
        await ShotAsync(city, "3-city-queue");
        await ReviewStepAsync(province, name, "start-notice");

        // The public notices board lists it (anonymous visitors too); the directory does not yet.
        var visitor = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        await visitor.GotoAsync("/Notices");
        await Assertions.Expect(visitor.Locator("td[lang='zh-CN']", new() { HasText = name })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("a[href='/Account/SignIn?returnUrl=%2FNotices']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(visitor);
        await ShotAsync(visitor, "4-notices");
        await visitor.GotoAsync("/Directory?kind=ServiceInstitution&region=130102");
        await Assertions.Expect(visitor.Locator("td", new() { HasText = name })).ToHaveCountAsync(0);

        // Too early to approve; past the notice period (the app's test clock), the province approves.
        await ReviewStepAsync(province, name, "approve");
        await Assertions.Expect(province.Locator("[role=alert]")).ToBeVisibleAsync();
        var advanced = await visitor.APIRequest.PostAsync("/api/v1/test/clock/advance", new() { DataObject = new { hours = 7 * 24 + 1 } });
        Assert.True(advanced.Ok, $"clock advance: {advanced.Status}");
        province = await SignInAsync(app, "admin.hebei"); // a week later: signed in again
        await ReviewStepAsync(province, name, "approve");
        await Assertions.Expect(province.Locator("[role=status]", new() { HasText = $"已批准入库：{name}" })).ToBeVisibleAsync();

        // In the public directory, then in English: the name stays marked as Chinese.
        await visitor.GotoAsync("/Directory?kind=ServiceInstitution&region=130102");
        var entry = visitor.Locator("td[lang='zh-CN']", new() { HasText = name });
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await AssertAccessibleAsync(visitor);
        await ShotAsync(visitor, "5-directory-zh");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await visitor.WaitForSelectorAsync("html[lang='en']");
        await Assertions.Expect(visitor.Locator("td[lang='zh-CN']", new() { HasText = name })).ToBeVisibleAsync();
        await Assertions.Expect(visitor.Locator("h1")).Not.ToBeEmptyAsync();
        await AssertAccessibleAsync(visitor);
        await ShotAsync(visitor, "6-directory-en");

        // The provider heard of every step (signed in again: a week has passed).
        provider = await SignInAsync(app, "provider.demo");
        await provider.GotoAsync("/Notifications");
        await Assertions.Expect(provider.Locator("ul.notifications article", new() { HasText = "已获准入库" })).ToHaveCountAsync(1);
        await AssertAccessibleAsync(provider);
        await ShotAsync(provider, "7-notifications");
    }

    private async Task<IPage> SignInAsync(RunningApp app, string userName)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form:has(#Password) button[type=submit]");
        await page.WaitForSelectorAsync("form[action*='SignOut']", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static async Task ReviewStepAsync(IPage admin, string name, string step)
    {
        await admin.GotoAsync("/Admin/Onboarding");
        await AssertAccessibleAsync(admin);
        await admin.Locator("tr", new() { HasText = name }).Locator($"button[formaction*='step={step}']").ClickAsync();
        await admin.WaitForLoadStateAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}"));
    }

    private static async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    // A valid unified social credit code (GB 32100-2015) starting with the given prefix (registration authority and
    // kind, then the region); the middle is random, the check character computed.
    private static string CreditCode(string prefix)
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = prefix + RandomNumberGenerator.GetString("0123456789ABCDEFGHJKLMNPQRTUWXY", 17 - prefix.Length);
        var sum = 0;
        var weight = 1;
        foreach (var c in body)
        {
            sum += charset.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        var check = 31 - (sum % 31);
        return body + charset[check == 31 ? 0 : check];
    }
}
