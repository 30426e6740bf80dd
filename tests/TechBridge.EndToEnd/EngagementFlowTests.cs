using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

// The supply–demand journey in the browser: an enterprise posts a demand through the form, the province's admin clears
// it from the review queue, a service institution expresses interest, the enterprise proposes to agree and the
// institution confirms, the enterprise places the order and the institution confirms it, delivers with an uploaded
// evidence file, and the enterprise downloads it, accepts and rates. Every page visited passes axe; screenshots of
// the main steps land in the temp folder techbridge-e2e-screenshots.
[Collection(BrowserCollection.Name)]
public sealed class EngagementFlowTests(BrowserFixture browser)
{
    private const string Password = "TechBridge-demo-2026";

    private static readonly string Screenshots = Path.Combine(Path.GetTempPath(), "techbridge-e2e-screenshots");

    [Fact]
    public async Task Demand_PostedInForm_Interest_Agreement_Order_Delivered_Accepted_PagesPassAxe()
    {
        var enterprise = await SignInAsync("enterprise.demo");
        var provider = await SignInAsync("provider.demo");
        var title = $"涂布面密度在线检测{Guid.NewGuid():N}"[..20];

        await enterprise.GotoAsync("/Listings/Edit?kind=demand");
        await AssertAccessibleAsync(enterprise);
        await enterprise.GetByLabel("Title").FillAsync(title);
        await enterprise.GetByLabel("Description").FillAsync("锂电池极片涂布需要在线测厚与闭环控制，提升面密度一致性。");
        await enterprise.GetByLabel("Technology field").SelectOptionAsync(["new-energy"]);
        await enterprise.GetByLabel("Budget from (yuan)").FillAsync("十万");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).ClickAsync();
        await enterprise.WaitForSelectorAsync("input[name='BudgetMinYuan'][aria-invalid='true']");
        await AssertAccessibleAsync(enterprise);
        await enterprise.GetByLabel("Budget from (yuan)").FillAsync("100000");
        await enterprise.GetByLabel("Budget up to (yuan)").FillAsync("500000");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Save and submit for review" }).ClickAsync();
        await enterprise.WaitForURLAsync("**/Listings/Detail?kind=demand&id=*");
        var demandId = new Uri(enterprise.Url).Query.Split("id=")[1];

        // The admin of the province clears the review queue: the demand is there with its description and date.
        var admin = await SignInAsync("admin.hebei");
        await admin.GotoAsync("/Admin/ListingReview");
        await AssertAccessibleAsync(admin);
        var row = admin.Locator("tr", new() { HasText = title });
        await row.GetByText("The applicant's description").ClickAsync();
        Assert.Contains("在线测厚与闭环控制", await row.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(admin, "review-queue");
        await row.Locator("input[name='selected']").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve selected" }).ClickAsync();
        await admin.WaitForSelectorAsync($"text=Approved 1: {title}");
        await ShotAsync(admin, "review-queue-approved");
        await AssertAccessibleAsync(admin);

        // The published demand shows its matches, each explained in a sentence and a bar per reason.
        await enterprise.GotoAsync($"/Listings/Detail?kind=demand&id={demandId}");
        var matches = enterprise.Locator("section[aria-labelledby='matches-heading'] article.match-card");
        for (var attempt = 0; attempt < 120 && await matches.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await enterprise.ReloadAsync();
        }

        Assert.False(string.IsNullOrWhiteSpace(await matches.First.Locator(".match-why").InnerTextAsync()));
        Assert.True(await matches.First.Locator(".signal-bars li").CountAsync() > 0);
        await AssertAccessibleAsync(enterprise);

        await provider.GotoAsync($"/Listings/Detail?kind=demand&id={demandId}");
        await AssertAccessibleAsync(provider);
        await provider.GetByLabel("Message (optional)").FillAsync("我们有机器视觉在线检测方案，可上门评估。");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Express interest" }).ClickAsync();
        await provider.WaitForURLAsync("**/Engagements?id=*");
        await AssertAccessibleAsync(provider);
        var engagementUrl = provider.Url;

        await enterprise.GotoAsync(engagementUrl);
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Start the discussion" }).ClickAsync();
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Propose to agree" }).ClickAsync();
        await enterprise.WaitForSelectorAsync("text=You proposed to agree. Waiting for the other side to confirm.");
        await AssertAccessibleAsync(enterprise);

        // Agreement needs both sides: the institution confirms what the enterprise proposed.
        await provider.GotoAsync(engagementUrl);
        await provider.WaitForSelectorAsync("text=The other side proposes to agree.");
        await ShotAsync(provider, "agreement-proposed");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Confirm the agreement" }).ClickAsync();
        await provider.WaitForSelectorAsync("dd:has-text('Agreed')");
        await AssertAccessibleAsync(provider);

        await enterprise.GotoAsync(engagementUrl);
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "Place the service order" }).ClickAsync();
        await enterprise.WaitForURLAsync("**/Orders/Place?*");
        await AssertAccessibleAsync(enterprise);
        await enterprise.GetByLabel("Scope").FillAsync("在线测厚系统评估、安装与调试");
        await enterprise.GetByLabel("Amount (yuan)").FillAsync("100000");
        await enterprise.Locator("[name='Milestones[0].Title']").FillAsync("评估方案");
        await enterprise.Locator("[name='Milestones[0].DueDate']").FillAsync("2099-03-31");
        await enterprise.Locator("[name='Milestones[0].AmountYuan']").FillAsync("60000");
        await enterprise.Locator("[name='Milestones[1].Title']").FillAsync("安装调试");
        await enterprise.Locator("[name='Milestones[1].DueDate']").FillAsync("2099-06-30");
        await enterprise.Locator("[name='Milestones[1].AmountYuan']").FillAsync("30000");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Place the order" }).ClickAsync();
        await enterprise.WaitForSelectorAsync("text=The milestone amounts must add up to the order amount.");
        await AssertAccessibleAsync(enterprise);
        await enterprise.Locator("[name='Milestones[1].AmountYuan']").FillAsync("40000");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Place the order" }).ClickAsync();
        await enterprise.WaitForURLAsync("**/Orders/Detail?id=*");
        await AssertAccessibleAsync(enterprise);
        var orderUrl = enterprise.Url;

        Assert.Contains("Waiting for the provider to confirm the order.", await enterprise.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // The order runs once the institution confirms it; delivery carries an uploaded evidence file.
        await provider.GotoAsync(orderUrl);
        await ShotAsync(provider, "order-to-confirm");
        await AssertAccessibleAsync(provider);
        await provider.GetByRole(AriaRole.Button, new() { Name = "Confirm the order" }).ClickAsync();
        await provider.WaitForSelectorAsync("dd:has-text('In progress')");
        await provider.GetByLabel("Delivery note").FillAsync("系统已安装调试完成，附验收测试记录。");
        await provider.GetByLabel("Evidence file (PDF or image, at most 10 MB)").SetInputFilesAsync(new FilePayload
        {
            Name = "验收测试记录.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n% acceptance test record\n%%EOF\n"u8.ToArray(),
        });
        await provider.GetByRole(AriaRole.Button, new() { Name = "Mark as delivered" }).ClickAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Mark as delivered" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await AssertAccessibleAsync(provider);

        await enterprise.GotoAsync(orderUrl);
        var evidence = enterprise.GetByRole(AriaRole.Link, new() { Name = "验收测试记录.pdf" });
        var evidenceStatus = await enterprise.EvaluateAsync<int>("url => fetch(url).then(r => r.status)", await evidence.GetAttributeAsync("href"));
        Assert.Equal(200, evidenceStatus);
        await ShotAsync(enterprise, "order-delivered");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Accept the delivery" }).ClickAsync();
        await enterprise.Locator("input[name='stars'][value='5']").CheckAsync();
        await enterprise.GetByLabel("Comment").FillAsync("响应及时，调试规范。");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Send the rating" }).ClickAsync();
        await enterprise.WaitForSelectorAsync("text=5 of 5");
        await AssertAccessibleAsync(enterprise);
        await enterprise.GotoAsync("/Orders");
        await AssertAccessibleAsync(enterprise);
        var orders = await enterprise.Locator("main").InnerTextAsync();
        await enterprise.GotoAsync("/Engagements");
        await AssertAccessibleAsync(enterprise);

        await ShotAsync(enterprise, "engagements");
        await enterprise.GotoAsync("/Notifications");
        var notifications = await enterprise.Locator("main").InnerTextAsync();
        await ShotAsync(enterprise, "notifications");

        Assert.Contains("Accepted", orders, StringComparison.Ordinal);
        Assert.Contains("Agreed", await enterprise.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("was delivered", notifications, StringComparison.Ordinal);
        Assert.Contains("confirmed by the provider", notifications, StringComparison.Ordinal);
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "engagement-" + name + ".png"), FullPage = true });
    }

    private async Task<IPage> SignInAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang='en']");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Sign-out sits in the user's menu: its form is there once signed in, visible or not.
        await page.Locator("form[action*='SignOut']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}"));
    }
}
