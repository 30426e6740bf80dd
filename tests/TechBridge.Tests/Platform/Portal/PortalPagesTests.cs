using System.Text.Json;
using System.Text.RegularExpressions;

namespace TechBridge.Tests.Platform.Portal;

// The portal as each kind of visitor meets it: what the home page offers, each role's workspace and menus, the
// public institution profile without private data, search cards and the no-results state, explained matches.
public abstract partial class PortalPagesTests(AppHost host)
{
    [GeneratedRegex("/Organizations/([0-9a-f-]{36})")]
    private static partial Regex OrganizationLink();

    [Fact]
    public async Task Home_Anonymous_OffersEntryPointsAnnouncementsAndFigures_AndSearchesEverything()
    {
        using var client = host.CreateAnonymousClient();

        var page = await client.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));

        Assert.Contains("Find services", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Search?kind=offering\"", page, StringComparison.Ordinal);
        Assert.Contains("Post a demand", page, StringComparison.Ordinal);
        Assert.Contains("Join as an institution", page, StringComparison.Ordinal);
        Assert.Contains("Announcements", page, StringComparison.Ordinal);
        Assert.Contains("Published by sector", page, StringComparison.Ordinal);
        Assert.Contains("Testing and inspection", page, StringComparison.Ordinal);
        Assert.Contains("Engagements started", page, StringComparison.Ordinal);
        // The one search box searches offerings, demands, achievements and organizations, not names only.
        Assert.Contains("action=\"/Search\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("action=\"/Directory\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_GovernmentAdmin_SeesReviewQueues_AndIsNeverAskedToJoinAnOrganization()
    {
        using var client = await host.CreateClientForAsync("admin.hebei");

        var page = await client.GetStringAsync(new Uri("/Workspace?culture=en", UriKind.Relative));

        Assert.Contains("Review queues", page, StringComparison.Ordinal);
        Assert.Contains("Listings awaiting review", page, StringComparison.Ordinal);
        Assert.Contains("Complaints to resolve", page, StringComparison.Ordinal);
        Assert.DoesNotContain("You do not belong to any organization yet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("My orders", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workspace_Broker_SeesMediationQueues()
    {
        using var client = await host.CreateClientForAsync("broker.demo");

        var page = await client.GetStringAsync(new Uri("/Workspace?culture=en", UriKind.Relative));

        Assert.Contains("Anonymous demands awaiting mediation", page, StringComparison.Ordinal);
        Assert.Contains("Engagements I mediate", page, StringComparison.Ordinal);
        Assert.Contains("Match recommendations to judge", page, StringComparison.Ordinal);
        Assert.DoesNotContain("You do not belong to any organization yet.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Menus_FollowTheRole_NoOrdersForAnAdmin_OrdersForAnEnterprise()
    {
        using var admin = await host.CreateClientForAsync("admin.hebei");
        using var enterprise = await host.CreateClientForAsync("enterprise.demo");

        var adminHome = await admin.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));
        var enterpriseHome = await enterprise.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));

        Assert.DoesNotContain("href=\"/Orders\"", adminHome, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Listings/Mine\"", adminHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/Orders\"", enterpriseHome, StringComparison.Ordinal);
        Assert.Contains("href=\"/Listings/Mine\"", enterpriseHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_Anonymous_ShowsPublicFactsWithoutContactData_MembersSeeTheRegistration()
    {
        using var provider = await host.CreateClientForAsync("provider.demo");
        var mine = await provider.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me/organizations", UriKind.Relative));
        var id = mine.EnumerateArray().First(o => o.GetProperty("kind").GetString() == "ServiceInstitution").GetProperty("id").GetGuid();
        var registration = await provider.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{id}", UriKind.Relative));
        var phone = registration.GetProperty("contactPhone").GetString();
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri($"/Organizations/{id}?culture=en", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();
        var memberPage = await provider.GetStringAsync(new Uri($"/Organizations/{id}?culture=en", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(registration.GetProperty("legalName").GetString()!, page, StringComparison.Ordinal);
        Assert.Contains("Recognitions and qualifications", page, StringComparison.Ordinal);
        Assert.Contains("Track record", page, StringComparison.Ordinal);
        Assert.Contains("Service offerings", page, StringComparison.Ordinal);
        Assert.DoesNotContain("registration-heading", page, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(phone))
        {
            Assert.DoesNotContain(phone, page, StringComparison.Ordinal);
            Assert.Contains(phone, memberPage, StringComparison.Ordinal);
        }

        Assert.Contains("registration-heading", memberPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_RowsLinkToTheProfiles()
    {
        using var anonymous = host.CreateAnonymousClient();

        var directory = await anonymous.GetStringAsync(new Uri("/Directory?culture=en", UriKind.Relative));
        var id = OrganizationLink().Match(directory).Groups[1].Value;
        var profile = await anonymous.GetAsync(new Uri($"/Organizations/{id}?culture=en", UriKind.Relative));

        Assert.NotEmpty(id);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    [Fact]
    public async Task Search_OnlyFunctionWords_FindsNothing_AndSaysWhatToTry()
    {
        using var anonymous = host.CreateAnonymousClient();

        var api = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=" + Uri.EscapeDataString("存在"), UriKind.Relative));
        var page = await anonymous.GetStringAsync(new Uri("/Search?culture=en&q=" + Uri.EscapeDataString("存在的"), UriKind.Relative));

        Assert.Equal(0, api.GetProperty("total").GetInt32());
        Assert.Contains("Nothing found for", page, StringComparison.Ordinal);
        Assert.Contains("Browse by sector:", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ResultCards_NameProviderPriceAndDate_AndLinkTheProfile()
    {
        using var anonymous = host.CreateAnonymousClient();
        var started = System.Diagnostics.Stopwatch.StartNew();
        string page;
        // The index is fed from the outbox after start: wait for the demo offerings.
        do
        {
            page = await anonymous.GetStringAsync(new Uri("/Search?culture=en&kind=offering&q=" + Uri.EscapeDataString("检测"), UriKind.Relative));
            if (page.Contains("result-card", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(500);
        }
        while (started.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Contains("result-card", page, StringComparison.Ordinal);
        Assert.Matches(OrganizationLink(), page);
        Assert.Contains("Price:", page, StringComparison.Ordinal);
        Assert.Contains("Published on", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_AgreementAndPrivacy_AreLinkedFromEveryPage()
    {
        using var anonymous = host.CreateAnonymousClient();

        var home = await anonymous.GetStringAsync(new Uri("/?culture=en", UriKind.Relative));
        var help = await anonymous.GetAsync(new Uri("/Help?culture=en", UriKind.Relative));
        var agreement = await anonymous.GetStringAsync(new Uri("/Help/Agreement", UriKind.Relative));
        var privacy = await anonymous.GetStringAsync(new Uri("/Help/Privacy", UriKind.Relative));

        Assert.Contains("href=\"/Help/Agreement\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Help/Privacy\"", home, StringComparison.Ordinal);
        Assert.Contains("Operated by", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Contains("用户协议", agreement, StringComparison.Ordinal);
        Assert.Contains("个人信息保护法", privacy, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PortalPagesTestsOnSqlite(SqliteHostFixture fixture) : PortalPagesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class PortalPagesTestsOnPostgres(PostgresHostFixture fixture) : PortalPagesTests(fixture.Host);
