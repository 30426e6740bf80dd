using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

// The supply–demand journey in the browser: an enterprise posts a demand through the form, an admin approves it
// (API), a service institution expresses interest, the enterprise agrees and places the order, the institution
// delivers and the enterprise accepts and rates. Every page visited passes axe.
[Collection(BrowserCollection.Name)]
public sealed class EngagementFlowTests(BrowserFixture browser)
{
    private const string Password = "TechBridge-demo-2026";

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

        await ApproveAsync(demandId);

        // The published demand shows its matches, each explaining what every signal contributed.
        await enterprise.GotoAsync($"/Listings/Detail?kind=demand&id={demandId}");
        var matches = enterprise.Locator("section[aria-labelledby='matches-heading'] details");
        for (var attempt = 0; attempt < 120 && await matches.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await enterprise.ReloadAsync();
        }

        await matches.First.Locator("summary").ClickAsync();
        Assert.True(await matches.First.Locator("tbody tr").CountAsync() > 1);
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
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "Confirm the agreement" }).ClickAsync();
        await AssertAccessibleAsync(enterprise);
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

        await provider.GotoAsync(orderUrl);
        await provider.GetByLabel("Delivery note").FillAsync("系统已安装调试完成，附验收测试记录。");
        await provider.GetByRole(AriaRole.Button, new() { Name = "Mark as delivered" }).ClickAsync();
        await provider.GetByRole(AriaRole.Button, new() { Name = "Mark as delivered" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await AssertAccessibleAsync(provider);

        await enterprise.GotoAsync(orderUrl);
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

        Assert.Contains("Accepted", orders, StringComparison.Ordinal);
        Assert.Contains("Agreed", await enterprise.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
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
        await page.WaitForSelectorAsync("a[href='/Engagements']");
        return page;
    }

    // The reviewing admin of the demand's province approves through the API (demo admins skip TOTP in demo mode).
    private async Task ApproveAsync(string demandId)
    {
        using var http = new HttpClient { BaseAddress = new Uri(browser.App.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin.hebei", password = Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/demands/{demandId}/approve");
        approve.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        (await http.SendAsync(approve)).EnsureSuccessStatusCode();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}"));
    }
}
