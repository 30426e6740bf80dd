using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task HomePage_SwitchLanguage_ShowsEnglishAndPassesAxe()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await page.WaitForSelectorAsync("html[lang='en']");
        Assert.Contains("One-stop science and technology services", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }
}
