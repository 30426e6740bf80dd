using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace TechBridge.EndToEnd;

// Every page the home page links to, in both languages, passes axe (WCAG 2 A and AA) without serious or critical
// violations. New pages are covered as soon as they are linked from the home page or its navigation.
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    // Third-party pages we serve but do not render: the Scalar API reference (a developer tool) has no html lang
    // and low-contrast text in its own theme. Listed here so the exception stays visible.
    private static readonly HashSet<string> NotOurs = new(StringComparer.Ordinal) { "/scalar" };

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task PagesLinkedFromHome_PassAxe(string culture)
    {
        var page = await browser.NewPageAsync(culture);
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.App.BaseUrl },
        ]);
        await page.GotoAsync("/");
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));
        var origin = new Uri(browser.App.BaseUrl);
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.href)");
        var targets = hrefs
            .Select(href => new Uri(href))
            .Where(uri => uri.Authority == origin.Authority && !NotOurs.Contains(uri.AbsolutePath))
            .Select(uri => uri.GetLeftPart(UriPartial.Query))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var failures = new List<string>();

        foreach (var target in targets)
        {
            var response = await page.GotoAsync(target);
            if (response is null || !(await response.HeaderValueAsync("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue; // a document such as the OpenAPI description, not a page
            }

            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
            failures.AddRange(axe.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{target}: {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})"));
        }

        Assert.NotEmpty(targets);
        Assert.Empty(failures);
    }
}
