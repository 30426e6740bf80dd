using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserFixture browser)
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{page.Url} {v.Id}: {v.Help}"));
    }

    [Fact]
    public async Task SystemAdmin_SignsIn_ManagesUsers_SignsOut_PagesPassAxe()
    {
        var page = await browser.NewPageAsync();
        // The language cookie, so that every page after a form post stays in English.
        await page.GotoAsync("/Account/SignIn");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.WaitForSelectorAsync("html[lang='en']");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("User name").FillAsync("sysadmin.demo");
        await page.GetByLabel("Password").FillAsync("TechBridge-demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("text=Demo system admin");

        await page.GotoAsync("/Admin/Users?role=Auditor");
        await page.GetByRole(AriaRole.Link, new() { Name = "auditor.demo" }).ClickAsync();
        await page.WaitForSelectorAsync("#detail-heading");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Account/Security");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await page.WaitForSelectorAsync("img[alt='QR code for your authenticator app']");
        await AssertAccessibleAsync(page);

        // Sign-out sits in the menu under the user's name.
        await page.Locator(".account-menu summary").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForSelectorAsync("a[href='/Account/SignUp']");
    }
}
