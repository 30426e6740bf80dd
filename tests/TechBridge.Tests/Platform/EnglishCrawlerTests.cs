using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Notifications;

namespace TechBridge.Tests.Platform;

// Standing checks over the whole UI and API surface; they grow with every page and endpoint without being edited.
[Collection(SqliteCollection.Name)]
public sealed partial class EnglishCrawlerTests(SqliteHostFixture fixture)
{
    private const int MaxPages = 200;

    // Attributes that people read or hear (tooltips, alternative text, accessible names, hints).
    private static readonly string[] VisibleAttributes = ["title", "alt", "aria-label", "placeholder"];

    [Fact]
    public async Task EnglishPages_ReachableAnonymously_ShowNoChinese() =>
        await AssertEnglishEverywhereAsync(fixture.Host.CreateAnonymousClient());

    [Fact]
    public async Task EnglishPages_ReachableAsAuditorWithNotifications_ShowNoChinese()
    {
        var auditor = TestUser.New("auditor", "Auditor", "Admin", "SystemAdmin");
        // User data in Chinese must be marked (translate="no" or lang="zh-CN") and is then allowed.
        await fixture.Host.AsActorAsync(null, "test-notify", services =>
            services.GetRequiredService<Notifier>().Notify(auditor.Id, "test", "预约已批准", "您的仪器预约已批准。", "/"));

        var pages = await AssertEnglishEverywhereAsync(await fixture.Host.CreateClientAsAsync(auditor));

        Assert.Contains("/Audit", pages);
        Assert.Contains("/Notifications", pages);
    }

    [Fact]
    public async Task OpenApi_EveryOperation_HasOperationIdSummaryAndDocumentedClientErrors()
    {
        using var client = fixture.Host.CreateAnonymousClient();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var problems = new List<string>();
        var operations = 0;

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete" or "head" or "options"))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!operation.Value.TryGetProperty("operationId", out var id) || string.IsNullOrWhiteSpace(id.GetString()))
                {
                    problems.Add($"{name}: no operationId (.WithName)");
                }

                if (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    problems.Add($"{name}: no summary (.WithSummary)");
                }

                if (operation.Name is "post" or "put" or "patch" or "delete"
                    && !(operation.Value.TryGetProperty("responses", out var responses) && responses.EnumerateObject().Any(r => r.Name.StartsWith('4'))))
                {
                    problems.Add($"{name}: documents no 4xx response (.ProducesProblem)");
                }
            }
        }

        Assert.True(operations > 0, "the OpenAPI document lists no operations");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Returns the paths of the HTML pages it read.
    private static async Task<HashSet<string>> AssertEnglishEverywhereAsync(HttpClient client)
    {
        using var _ = client;
        // The culture cookie, as the language switch sets it.
        await client.PostAsync(new Uri("/culture", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }));
        var parser = new HtmlParser();
        var queue = new Queue<string>(["/?culture=en"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var findings = new List<string>();
        var visited = 0;
        var pages = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                Enqueue(queue, seen, url, location.ToString());
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                findings.Add($"{url}: answered {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            visited++;
            pages.Add(url.Split('?')[0]);
            using var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            findings.AddRange(ChineseIn(document).Select(text => $"{url}: {text}"));
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                // Paging through data shows the same template again; downloads are not pages.
                if (link.GetAttribute("rel") is "next" or "prev" || link.HasAttribute("download"))
                {
                    continue;
                }

                Enqueue(queue, seen, url, link.GetAttribute("href")!);
            }
        }

        Assert.True(visited >= 1, "the crawler reached no page");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
        return pages;
    }

    private static void Enqueue(Queue<string> queue, HashSet<string> seen, string from, string href)
    {
        var target = new Uri(new Uri("http://localhost" + from), href);
        if (target.Host != "localhost" || target.Scheme is not ("http" or "https"))
        {
            return;
        }

        var relative = target.PathAndQuery;
        if (seen.Add(relative))
        {
            queue.Enqueue(relative);
        }
    }

    private static IEnumerable<string> ChineseIn(IDocument document)
    {
        foreach (var node in document.All.SelectMany(e => e.ChildNodes).OfType<IText>())
        {
            if (node.ParentElement is { LocalName: "script" or "style" or "template" } || Exempt(node.ParentElement))
            {
                continue;
            }

            if (Cjk().IsMatch(node.Data))
            {
                yield return $"text \"{node.Data.Trim()}\" in <{node.ParentElement?.LocalName}>";
            }
        }

        foreach (var element in document.All)
        {
            var attributes = VisibleAttributes.AsEnumerable();
            if (element.LocalName == "input" && element.GetAttribute("type") is "submit" or "button" or "reset")
            {
                attributes = attributes.Append("value");
            }

            foreach (var name in attributes)
            {
                if (element.GetAttribute(name) is { } value && Cjk().IsMatch(value) && !Exempt(element))
                {
                    yield return $"{name}=\"{value}\" on <{element.LocalName}>";
                }
            }
        }
    }

    // User data and language names are marked as such; everything else must be English on an English page.
    private static bool Exempt(IElement? element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.GetAttribute("translate") == "no")
            {
                return true;
            }

            if (current.GetAttribute("lang") is { } lang)
            {
                return lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    // CJK ideographs (with extension A and compatibility), CJK punctuation, kana, Hangul and full-width forms.
    [GeneratedRegex(@"[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();
}
