using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TechBridge.Tests.Platform;

// A standing check over every form a user can reach: each is submitted empty and with absurd values, on a Chinese and
// on an English page. No answer is a server error or JSON; what the page says about the error is in the page's
// language and in a user's words — no property names, API paths, storage units ("fen") or raw codes. It grows with
// every new form without being edited. Runs on its own host: absurd submissions may create things.
public sealed partial class FormCrawlerTests : IAsyncLifetime
{
    private const int MaxPagesPerUser = 60;

    // Forms that change the session rather than data, and the sign-out.
    private static readonly string[] SkippedActions = ["/culture", "/Account/SignOut"];

    private AppHost host = null!;

    public async Task InitializeAsync() => host = await AppHost.StartAsync(TestDatabase.Sqlite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("enterprise.demo")]
    [InlineData("provider.demo")]
    [InlineData("broker.demo")]
    [InlineData("admin.hebei")]
    [InlineData("sysadmin.demo")]
    public async Task EveryForm_SubmittedEmptyAndAbsurd_AnswersInTheReadersLanguageAndWords(string? userName)
    {
        using var client = userName is null ? host.CreateAnonymousClient() : await host.CreateClientForAsync(userName);
        var forms = await CollectFormsAsync(client);
        var findings = new List<string>();

        foreach (var form in forms)
        {
            foreach (var (fill, values) in new[] { ("empty", (Func<IElement, string>)(_ => "")), ("absurd", Absurd) })
            {
                foreach (var culture in new[] { "zh-CN", "en" })
                {
                    var (status, html, type) = await SubmitAsync(client, form, values, culture);
                    var where = $"{userName ?? "anonymous"} {form.Page} → {form.Method} {form.Action} ({fill}, {culture})";
                    if (status >= 500)
                    {
                        findings.Add($"{where}: answered {status}");
                    }
                    else if (status is >= 300 and < 400)
                    {
                        // Done (or nothing to do): the page sent the user on.
                    }
                    else if (type != "text/html")
                    {
                        findings.Add($"{where}: answered {type} instead of a page");
                    }
                    else
                    {
                        findings.AddRange(Unreadable(html, culture).Select(f => $"{where}: {f}"));
                    }
                }
            }
        }

        Assert.True(forms.Count > 0, "no form found");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
    }

    [Fact]
    public void Unreadable_DeveloperWordsOnAChinesePage_AreFound()
    {
        const string page = "<html lang=\"zh-CN\"><body><p role=\"alert\">priceFen must be positive (GET /api/v1/x).</p><small class=\"field-error\">请填写标题。</small></body></html>";

        var found = Unreadable(page, "zh-CN").ToList();

        Assert.Contains(found, f => f.Contains("priceFen", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("/api/", StringComparison.Ordinal));
        Assert.Contains(found, f => f.Contains("English", StringComparison.Ordinal));
        Assert.DoesNotContain(found, f => f.Contains("请填写标题", StringComparison.Ordinal));
    }

    private sealed record Form(string Page, string Method, string Action, IReadOnlyList<(IElement Element, string Name)> Fields, string? Token);

    private static async Task<List<Form>> CollectFormsAsync(HttpClient client)
    {
        var parser = new HtmlParser();
        var queue = new Queue<string>(["/", "/Workspace"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var forms = new Dictionary<string, Form>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited++ < MaxPagesPerUser)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var link in document.QuerySelectorAll("a[href]"))
            {
                if (link.GetAttribute("rel") is "next" or "prev" || link.HasAttribute("download"))
                {
                    continue;
                }

                var target = new Uri(new Uri("http://localhost" + url), link.GetAttribute("href")!);
                if (target.Host == "localhost" && !IsNotAPage(target.AbsolutePath) && seen.Add(target.PathAndQuery))
                {
                    queue.Enqueue(target.PathAndQuery);
                }
            }

            foreach (var element in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var action = new Uri(new Uri("http://localhost" + url), element.GetAttribute("action") ?? url).PathAndQuery;
                var method = (element.GetAttribute("method") ?? "get").ToUpperInvariant();
                var fields = element.QuerySelectorAll("input[name], select[name], textarea[name]")
                    .Where(e => e.GetAttribute("name") != "__RequestVerificationToken")
                    .Select(e => (e, e.GetAttribute("name")!))
                    .ToList();
                // A form of buttons and hidden fields only is an action on an item (approve, publish): not a form to
                // fill in, and it would change what other forms show.
                var fillable = fields.Count(f => f.e.GetAttribute("type") is not ("hidden" or "submit" or "button"));
                if (fillable == 0 || SkippedActions.Any(s => action.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var token = element.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
                forms.TryAdd($"{method} {action.Split('?')[0]} {string.Join(",", fields.Select(f => f.Item2))}", new Form(url, method, action, fields, token));
            }
        }

        return [.. forms.Values];
    }

    private static bool IsNotAPage(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/files", StringComparison.Ordinal)
        || path is "/scalar" or "/openapi/v1.json" || path.StartsWith("/Account/SignOut", StringComparison.Ordinal);

    private static async Task<(int Status, string Html, string? Type)> SubmitAsync(HttpClient client, Form form, Func<IElement, string> value, string culture)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (element, name) in form.Fields)
        {
            var type = element.GetAttribute("type");
            if (type is "submit" or "button" or "file")
            {
                continue;
            }

            // Hidden fields carry what the page put there (the item acted on); a user cannot change them.
            pairs.Add(KeyValuePair.Create(name, type == "hidden" ? element.GetAttribute("value") ?? "" : value(element)));
        }

        if (form.Token is not null)
        {
            pairs.Add(KeyValuePair.Create("__RequestVerificationToken", form.Token));
        }

        var separator = form.Action.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var request = form.Method == "POST"
            ? new HttpRequestMessage(HttpMethod.Post, $"{form.Action}{separator}culture={culture}") { Content = new FormUrlEncodedContent(pairs) }
            : new HttpRequestMessage(HttpMethod.Get, $"{form.Action.Split('?')[0]}?{string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))}&culture={culture}");
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    // What a careless or hostile user types: far too long, negative, huge, impossible dates, an option the list lacks.
    private static string Absurd(IElement element) => element.LocalName switch
    {
        "select" => "no-such-choice",
        "textarea" => new string('测', 20_000),
        _ => element.GetAttribute("type") switch
        {
            "number" => "-99999999999999999999",
            "date" => "0001-01-01",
            "checkbox" or "radio" => "no-such-choice",
            "email" => "@@",
            _ when element.GetAttribute("inputmode") is "decimal" or "numeric" => "-99999999999999999999",
            _ => new string('测', 2_000) + "！？",
        },
    };

    // Error texts and any developer words on the page.
    private static IEnumerable<string> Unreadable(string html, string culture)
    {
        var document = new HtmlParser().ParseDocument(html);
        var chinese = culture.StartsWith("zh", StringComparison.Ordinal);
        foreach (var text in document.All.SelectMany(e => e.ChildNodes).OfType<IText>())
        {
            // Scripts, code, what the user typed, and data marked as data (translate="no": audit records, user names).
            if (text.ParentElement is { LocalName: "script" or "style" or "code" or "textarea" or "option" } || text.Data.Trim().Length == 0
                || text.ParentElement?.Closest("[translate=no]") is not null)
            {
                continue;
            }

            var data = text.Data.Trim();
            if (CamelCase().Match(data) is { Success: true } camel)
            {
                yield return $"property name \"{camel.Value}\" in \"{data}\"";
            }

            if (data.Contains("/api/", StringComparison.Ordinal))
            {
                yield return $"API path in \"{data}\"";
            }

            if (Fen().IsMatch(data))
            {
                yield return $"storage unit in \"{data}\"";
            }

            if (!IsErrorText(text.ParentElement))
            {
                continue;
            }

            if (chinese && LatinWord().Match(data) is { Success: true } word && !AllowedLatin.Contains(word.Value))
            {
                yield return $"English \"{word.Value}\" in the error \"{data}\"";
            }
            else if (!chinese && Cjk().IsMatch(data) && !IsMarkedChinese(text.ParentElement))
            {
                yield return $"Chinese in the English error \"{data}\"";
            }
        }
    }

    private static readonly HashSet<string> AllowedLatin = new(StringComparer.Ordinal) { "GB", "CMA", "CNAS", "TOTP", "MB", "PDF", "CSV", "xlsx", "Excel" };

    private static bool IsErrorText(IElement? element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.GetAttribute("role") == "alert" || current.ClassList.Contains("field-error") || current.ClassList.Contains("error-page"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarkedChinese(IElement? element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.GetAttribute("lang") is { } lang)
            {
                return lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\bfen\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fen();

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[\u3400-\u4DBF\u4E00-\u9FFF]")]
    private static partial Regex Cjk();
}
