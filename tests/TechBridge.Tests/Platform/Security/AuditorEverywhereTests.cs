using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Auditing;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Platform.Security;

// Standing test (issue 8): the auditor reads everything and changes nothing, on every path. Every mutating operation of
// the OpenAPI document and every form on every page the auditor can reach is refused (403), and the auditor's requests
// leave no audit record of a change; every page it reaches and every list read answers, and the items only admins and
// parties see (a draft listing, a pending organization, an order, an engagement, an institution application, every
// queue) answer 200. New operations and pages are covered without a new case. Own host: a failure here would write.
public sealed class AuditorEverywhereTests : IAsyncLifetime
{
    private const int MaxPages = 150;

    // Writes that change only the auditor's own session or credentials ([OwnSessionOnly]).
    private static readonly string[] OwnSession = ["/culture", "/Account/SignOut", "/Account/Security"];

    private AppHost host = null!;

    public async Task InitializeAsync() => host = await AppHost.StartAsync(TestDatabase.Sqlite);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Auditor_EveryApiWriteAndPageForm_IsRefused_AndEveryReadAnswers()
    {
        var items = await CreateItemsAsync();
        using var auditor = await host.CreateClientForAsync("auditor.demo");
        var auditorId = await host.WithDbAsync(db => db.Users.Where(u => u.UserName == "auditor.demo").Select(u => u.Id).FirstAsync());
        var mark = await host.WithDbAsync(db => db.Set<AuditRecord>().MaxAsync(r => (long?)r.Id)) ?? 0;
        var findings = new List<string>();

        // API: every mutating operation, with real ids where the path names one.
        var document = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var reads = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var url = Fill(path.Name, items);
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name == "get")
                {
                    if (!path.Name.Contains('{', StringComparison.Ordinal))
                    {
                        reads.Add(url);
                    }

                    continue;
                }

                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), new Uri(url, UriKind.Relative))
                {
                    Content = JsonContent.Create(new { reason = "x", decision = "approve", items = new[] { items.DraftListing } }),
                };
                using var response = await auditor.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Forbidden)
                {
                    findings.Add($"{operation.Name.ToUpperInvariant()} {path.Name}: answered {(int)response.StatusCode}, not 403");
                }
            }
        }

        // API reads: lists and the items only parties and admins see.
        reads.AddRange([
            $"/api/v1/orders/{items.Order}", $"/api/v1/engagements/{items.Engagement}", $"/api/v1/offerings/{items.DraftListing}",
            $"/api/v1/organizations/{items.PendingOrganization}", $"/api/v1/organizations/{items.Organization}/membership-requests",
            "/api/v1/listings/review-queue", "/api/v1/complaints",
            "/api/v1/onboarding/queue", "/api/v1/organizations/verification-queue", "/api/v1/recognitions", "/api/v1/admin/users",
        ]);
        foreach (var url in reads.Distinct().Where(u => !u.Contains('{', StringComparison.Ordinal)))
        {
            using var response = await auditor.GetAsync(new Uri(url, UriKind.Relative));
            // 400 is a read that needs a query (search); refusals and failures are findings.
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound || (int)response.StatusCode >= 500)
            {
                findings.Add($"GET {url}: answered {(int)response.StatusCode}");
            }
        }

        var orders = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/orders", UriKind.Relative));
        if (!orders.EnumerateArray().Any(o => o.GetProperty("id").GetGuid() == items.Order))
        {
            findings.Add("GET /api/v1/orders: the auditor's list lacks an order of the platform");
        }

        // Pages: everything reachable from the home page, the workspace and the items' pages.
        var parser = new HtmlParser();
        var start = new[]
        {
            "/", "/Workspace", "/Admin/ListingReview", "/Admin/Complaints", "/Admin/Onboarding", "/Admin/Verification",
            "/Admin/Recognitions", "/Admin/Users", "/Admin/Jobs", "/Audit", "/Orders", "/Engagements",
            $"/Orders/Detail?id={items.Order}", $"/Organizations/{items.PendingOrganization}",
            $"/Listings/Detail?kind=offering&id={items.DraftListing}",
        };
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var posted = new HashSet<string>(StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited++ < MaxPages)
        {
            var url = queue.Dequeue();
            using var response = await auditor.GetAsync(new Uri(url, UriKind.Relative));
            var status = (int)response.StatusCode;
            if (start.Contains(url) ? status != 200 : status is 401 or 403 or 404 or >= 500)
            {
                findings.Add($"page {url}: answered {status}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var link in page.QuerySelectorAll("a[href]"))
            {
                var target = new Uri(new Uri("http://localhost" + url), link.GetAttribute("href")!);
                var path = target.AbsolutePath;
                if (target.Host == "localhost" && !path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/files", StringComparison.Ordinal)
                    && path is not ("/scalar" or "/openapi/v1.json") && !link.HasAttribute("download") && seen.Add(target.PathAndQuery))
                {
                    queue.Enqueue(target.PathAndQuery);
                }
            }

            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var action = new Uri(new Uri("http://localhost" + url), form.GetAttribute("action") ?? url).PathAndQuery;
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)
                    || OwnSession.Any(s => action.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                    .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.GetAttribute("value") is { Length: > 0 } v ? v : "审计员测试"))
                    .ToList();
                var submitters = form.QuerySelectorAll("button[formaction]").Select(b => new Uri(new Uri("http://localhost" + url), b.GetAttribute("formaction")!).PathAndQuery);
                foreach (var target in submitters.Prepend(action).Distinct())
                {
                    if (!posted.Add(target))
                    {
                        continue;
                    }

                    using var answer = await auditor.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
                    if (answer.StatusCode != HttpStatusCode.Forbidden)
                    {
                        findings.Add($"page {url} → POST {target}: answered {(int)answer.StatusCode}, not 403");
                    }
                }
            }
        }

        // Reads may note exports; nothing else the auditor did may have left a record of a change.
        var changes = await host.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.Id > mark && r.UserId == auditorId && r.EntityId != "export" && r.EntityType != "DirectoryExport").Select(r => r.Action + " " + r.EntityType).ToListAsync());
        findings.AddRange(changes.Select(c => $"the auditor changed something: {c}"));

        Assert.True(posted.Count > 5, $"only {posted.Count} page forms found");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Distinct()));
    }

    private sealed record Items(Guid Order, Guid Engagement, Guid DraftListing, Guid PendingOrganization, Guid Organization);

    private static string Fill(string path, Items items) => System.Text.RegularExpressions.Regex.Replace(path, "\\{[^}]+\\}", m => m.Value switch
    {
        "{name}" => "listings.expiry",
        "{role}" => "Admin",
        "{sha256}" => new string('a', 64),
        _ when path.StartsWith("/api/v1/orders", StringComparison.Ordinal) => items.Order.ToString(),
        _ when path.StartsWith("/api/v1/engagements", StringComparison.Ordinal) => items.Engagement.ToString(),
        _ when path.StartsWith("/api/v1/organizations", StringComparison.Ordinal) => items.Organization.ToString(),
        _ => items.DraftListing.ToString(),
    });

    // A platform with one of each: an order of an agreed engagement, a draft listing, a pending organization.
    private async Task<Items> CreateItemsAsync()
    {
        var (providerId, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering());
        var draft = await ListingsTestData.CreateAsync(provider, "offerings", ListingsTestData.Offering("审计员可读的草稿"));
        var engagement = await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId, message = "询价" });
        var engagementId = (await engagement.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{engagementId}/transitions", new { to = "in-discussion" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{engagementId}/transitions", new { to = "agreed" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{engagementId}/transitions", new { to = "agreed" })).StatusCode);
        var order = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", new
        {
            engagementId,
            scope = "检测服务",
            amountFen = 100_000L,
            milestones = new[] { new { title = "交付", dueDate = "2099-06-30", amountFen = 100_000L } },
        });
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        var orderId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (_, token) = await DirectoryTestData.CreateUserAsync(host);
        using var newcomer = host.CreateBearerClient(token);
        var pending = await DirectoryTestKit.RegisterOkAsync(newcomer, "130102");
        return new Items(orderId, engagementId, draft, pending, providerId);
    }
}
