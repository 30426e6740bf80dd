using System.Security.Cryptography;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

// An admin clears the Directory's queues from the workspace: a registration with its licence picture waits for
// verification, then a qualification waits for confirmation; the admin opens each queue from the workspace, reads
// the applicant's declaration inline, ticks the item, decides, and the page says what was done by name. In both
// languages, on a desktop and a phone (no horizontal scrolling), axe on every page, screenshots of each step
// (temp folder techbridge-e2e-screenshots, prefix "admin-"). The shared app: fresh names, no clock moves.
[Collection(BrowserCollection.Name)]
public sealed class AdminQueuesJourneyTests(BrowserFixture browser)
{
    private const string Password = "TechBridge-demo-2026";

    private static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "techbridge-e2e-screenshots");

    private static readonly string[] Sectors = ["testing"];

    // A 2×2 PNG: the licence picture the queue shows inline.
    private static readonly byte[] LicencePicture = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData("zh-CN", 1366)]
    [InlineData("en", 390)]
    public async Task Admin_ClearsVerificationAndRecognitionQueues_FromTheWorkspace(string culture, int width)
    {
        var chinese = culture == "zh-CN";
        var name = $"队列检测技术{RandomNumberGenerator.GetString("甲乙丙丁戊己庚辛壬癸", 4)}有限公司";
        var provider = await ApiAsync("provider.demo");
        var organization = await RegisterAsync(provider, name);

        var admin = await SignInAsync(culture, width, "admin.hebei");
        await admin.GotoAsync("/Workspace");
        var verificationQueue = admin.Locator("article.queue", new() { HasText = chinese ? "待认证机构" : "awaiting verification" });
        await verificationQueue.Locator("h3 a").ClickAsync();
        await admin.WaitForURLAsync("**/Admin/Verification");
        var row = admin.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row.Locator("img.evidence-thumb")).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("dl.review-summary")).ToContainTextAsync("王五");
        await CheckPageAsync(admin, $"admin-verification-{culture}-{width}");
        await row.Locator("input[name=ids]").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = chinese ? "认证通过所选机构" : "Verify selected" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToContainTextAsync(chinese ? $"已认证通过 1 家：{name}" : $"Verified 1: {name}");
        await Assertions.Expect(admin.Locator("tr", new() { HasText = name })).ToHaveCountAsync(0);
        await CheckPageAsync(admin, $"admin-verified-{culture}-{width}");

        // The owner adds a qualification; it waits in the recognitions queue, reached from the workspace.
        var certificate = $"GR{RandomNumberGenerator.GetString("0123456789", 12)}";
        var added = await provider.PostAsync($"/api/v1/organizations/{organization}/recognitions", new()
        {
            DataObject = new { kind = "high-tech-enterprise", level = "national", authority = "河北省高新技术企业认定管理机构", certificateNumber = certificate, issuedOn = "2025-01-10", validUntil = "2028-01-09" },
        });
        Assert.True(added.Ok, $"recognition: {added.Status} {await added.TextAsync()}");
        await admin.GotoAsync("/Workspace");
        await admin.Locator("article.queue h3 a", new() { HasText = chinese ? "待确认资质" : "Recognitions awaiting confirmation" }).ClickAsync();
        await admin.WaitForURLAsync("**/Admin/Recognitions?status=pending");
        var recognition = admin.Locator("tr", new() { HasText = certificate });
        await recognition.Locator("input[name=ids]").CheckAsync();
        await CheckPageAsync(admin, $"admin-recognitions-{culture}-{width}");
        await admin.GetByRole(AriaRole.Button, new() { Name = chinese ? "确认所选资质" : "Confirm selected" }).ClickAsync();
        await Assertions.Expect(admin.Locator("[role=status]")).ToContainTextAsync(chinese ? "已确认 1 项：" : "Confirmed 1:");
        await Assertions.Expect(admin.Locator("tr", new() { HasText = certificate })).ToHaveCountAsync(0);

        // The other queues open from the workspace without sticking out of the screen.
        foreach (var path in new[] { "/Workspace", "/Admin/Onboarding", "/Admin/ListingReview", "/Admin/Complaints", "/Admin/Recognitions" })
        {
            await admin.GotoAsync(path);
            await CheckPageAsync(admin, $"admin{path.Replace('/', '-')}-{culture}-{width}");
        }

        // The owner heard of both decisions in the page's language.
        var notifications = await provider.GetAsync($"/api/v1/notifications?culture={culture}");
        var text = await notifications.TextAsync();
        Assert.Contains(chinese ? "机构注册已核验" : "Registration verified", text, StringComparison.Ordinal);
        Assert.Contains(chinese ? "资质已确认" : "Qualification confirmed", text, StringComparison.Ordinal);
        await admin.Context.CloseAsync();
        await provider.DisposeAsync();
    }

    private static async Task CheckPageAsync(IPage page, string shot)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, shot + ".png"), FullPage = true });
        Assert.True(overflow <= 0, $"{page.Url}: {overflow}px wider than the screen");
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
    }

    private async Task<IPage> SignInAsync(string culture, int width, string user)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.App.BaseUrl,
            Locale = culture,
            ViewportSize = new ViewportSize { Width = width, Height = width < 500 ? 844 : 900 },
        });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.App.BaseUrl }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form:has(#Password) button[type=submit]");
        await page.WaitForSelectorAsync("form[action*='SignOut']", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    // An API client signed in with a bearer token (what a registration form posts, without typing it).
    private async Task<IAPIRequestContext> ApiAsync(string user)
    {
        var anonymous = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.App.BaseUrl });
        var token = await anonymous.APIRequest.PostAsync("/api/v1/auth/token", new() { DataObject = new { userName = user, password = Password } });
        Assert.True(token.Ok, $"token: {token.Status}");
        var accessToken = JsonDocument.Parse(await token.TextAsync()).RootElement.GetProperty("accessToken").GetString();
        await anonymous.CloseAsync();
        var playwright = await Playwright.CreateAsync();
        return await playwright.APIRequest.NewContextAsync(new APIRequestNewContextOptions
        {
            BaseURL = browser.App.BaseUrl,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" },
        });
    }

    private static async Task<Guid> RegisterAsync(IAPIRequestContext api, string name)
    {
        var form = api.CreateFormData();
        form.Set("file", new FilePayload { Name = "营业执照.png", MimeType = "image/png", Buffer = [.. LicencePicture, .. System.Text.Encoding.ASCII.GetBytes(Guid.NewGuid().ToString())] });
        var upload = await api.PostAsync("/api/v1/files", new() { Multipart = form });
        Assert.True(upload.Ok, $"upload: {upload.Status} {await upload.TextAsync()}");
        var sha = JsonDocument.Parse(await upload.TextAsync()).RootElement.GetProperty("sha256").GetString();
        var registered = await api.PostAsync("/api/v1/organizations", new()
        {
            DataObject = new
            {
                kind = "ServiceInstitution",
                legalName = name,
                creditCode = CreditCode("91130102"),
                establishedOn = "2019-03-18",
                legalRepresentative = "王五",
                regionCode = "130102",
                address = "石家庄市长安区建设北大街 8 号",
                industryCode = "M74",
                sectors = Sectors,
                contact = new { name = "赵敏", phone = "0311-86001234", email = "lab@example.com" },
                evidenceSha256 = sha,
            },
        });
        Assert.True(registered.Ok, $"register: {registered.Status} {await registered.TextAsync()}");
        return JsonDocument.Parse(await registered.TextAsync()).RootElement.GetProperty("id").GetGuid();
    }

    // A valid unified social credit code (GB 32100-2015) with the given prefix; the check character computed.
    private static string CreditCode(string prefix)
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var body = prefix + RandomNumberGenerator.GetString(charset, 17 - prefix.Length);
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
