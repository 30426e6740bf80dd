using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Platform.Notifications;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: queues filter by the admin's jurisdictions in the query and page the rest (nothing lost behind other
// regions' rows), and racing requests have one winner by the database.
public abstract class QueuesAndRacesTests(AppHost host)
{
    [Fact]
    public async Task ComplaintsQueue_BehindOverAThousandComplaintsOfAnotherRegion_ShowsTheAdminsOwn()
    {
        var now = DateTimeOffset.UnixEpoch.AddYears(40);
        var beijing = new ServiceOrder
        {
            EngagementId = Guid.CreateVersion7(), ClientOrganizationId = Guid.CreateVersion7(), ProviderOrganizationId = Guid.CreateVersion7(),
            ProviderRegionCode = "110101", Title = "北京的订单", Scope = "x", AmountFen = 100, CreatedAt = now,
        };
        var hebei = new ServiceOrder
        {
            EngagementId = Guid.CreateVersion7(), ClientOrganizationId = Guid.CreateVersion7(), ProviderOrganizationId = Guid.CreateVersion7(),
            ProviderRegionCode = "130104", Title = "石家庄的订单", Scope = "x", AmountFen = 100, CreatedAt = now,
        };
        var own = new Complaint { OrderId = hebei.Id, ProviderOrganizationId = hebei.ProviderOrganizationId, ProviderRegionCode = "130104", Text = "本辖区投诉", CreatedAt = now.AddDays(1) };
        await host.WithDbAsync(db =>
        {
            db.AddRange(beijing, hebei, own);
            db.AddRange(Enumerable.Range(0, 1_100).Select(i => new Complaint
            {
                OrderId = beijing.Id, ProviderOrganizationId = beijing.ProviderOrganizationId, ProviderRegionCode = "110101", Text = $"其他辖区投诉 {i}", CreatedAt = now.AddMinutes(i),
            }));
            return db.SaveChangesAsync();
        });
        var (_, token) = await DirectoryTestData.CreateAdminAsync(host, "1301", EngagementsPermissions.ResolveComplaints);
        using var admin = host.CreateBearerClient(token);

        var response = await admin.GetAsync(new Uri("/api/v1/complaints", UriKind.Relative));
        var queue = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("id").GetGuid() == own.Id);
        Assert.DoesNotContain(queue.EnumerateArray(), c => c.GetProperty("providerRegionCode").GetString()!.StartsWith("11", StringComparison.Ordinal));
        Assert.True(int.Parse(response.Headers.GetValues("X-Total-Count").First(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    // The admin page pages through the whole queue: an item of the admin's region that is not on the first page is
    // reached by the page links (before: the page showed the first 200 of the platform and nothing else).
    [Fact]
    public async Task ComplaintsPage_AnItemBeyondTheFirstPage_IsReachableByItsPageLink()
    {
        var now = new DateTimeOffset(2098, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var order = new ServiceOrder
        {
            EngagementId = Guid.CreateVersion7(), ClientOrganizationId = Guid.CreateVersion7(), ProviderOrganizationId = Guid.CreateVersion7(),
            ProviderRegionCode = "130104", Title = "paging order", Scope = "x", AmountFen = 100, CreatedAt = now,
        };
        var marker = $"complaint-{Guid.NewGuid():N}";
        var complaints = Enumerable.Range(0, 2).Select(i => new Complaint
        {
            OrderId = order.Id, ProviderOrganizationId = order.ProviderOrganizationId, ProviderRegionCode = "130104", Text = $"{marker}-{i}", CreatedAt = now.AddMinutes(i),
        }).ToList();
        await host.WithDbAsync(db =>
        {
            db.Add(order);
            db.AddRange(complaints);
            return db.SaveChangesAsync();
        });
        var (_, token) = await DirectoryTestData.CreateAdminAsync(host, "1301", EngagementsPermissions.ResolveComplaints);
        using var admin = host.CreateBearerClient(token);
        var position = await PositionAsync(admin, "/api/v1/complaints?pageSize=200", complaints.Select(c => c.Id), body => body,
            c => c.GetProperty("id").GetGuid());

        var first = await admin.GetStringAsync(new Uri("/Admin/Complaints?pageSize=1", UriKind.Relative));
        var page = await admin.GetStringAsync(new Uri($"/Admin/Complaints?p={position.Index + 1}&pageSize=1", UriKind.Relative));

        Assert.True(position.Index >= 1, "the item is not on the first page");
        Assert.Contains("href=\"/Admin/Complaints?p=2&amp;pageSize=1\"", first, StringComparison.Ordinal);
        Assert.Contains(complaints.Single(c => c.Id == position.Id).Text, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingReviewPage_AnItemBeyondTheFirstPage_IsReachableByItsPageLink()
    {
        var (_, owner) = await TechBridge.Tests.Modules.Listings.ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var titles = new Dictionary<Guid, string>();
        for (var i = 0; i < 2; i++)
        {
            var title = $"paging-{Guid.NewGuid():N}";
            var id = await TechBridge.Tests.Modules.Listings.ListingsTestData.CreateAsync(owner, "offerings", TechBridge.Tests.Modules.Listings.ListingsTestData.Offering(title));
            Assert.Equal(HttpStatusCode.OK, (await TechBridge.Tests.Modules.Listings.ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/submit")).StatusCode);
            titles[id] = title;
        }

        var (_, token) = await DirectoryTestData.CreateAdminAsync(host, "1301", TechBridge.Modules.Listings.Contracts.ListingsPermissions.ReviewListings);
        using var admin = host.CreateBearerClient(token);
        var position = await PositionAsync(admin, "/api/v1/listings/review-queue?pageSize=200", titles.Keys, body => body.GetProperty("items"),
            item => item.GetProperty("id").GetGuid());

        var first = await admin.GetStringAsync(new Uri("/Admin/ListingReview?pageSize=1", UriKind.Relative));
        var page = await admin.GetStringAsync(new Uri($"/Admin/ListingReview?p={position.Index + 1}&pageSize=1", UriKind.Relative));

        Assert.True(position.Index >= 1, "the item is not on the first page");
        Assert.Contains("href=\"/Admin/ListingReview?p=2&amp;pageSize=1\"", first, StringComparison.Ordinal);
        Assert.Contains(titles[position.Id], page, StringComparison.Ordinal);
        Assert.DoesNotContain(titles[position.Id], first, StringComparison.Ordinal);
    }

    // Where in the admin's queue (oldest first, through the API's pages) the last of the given items stands.
    private static async Task<(Guid Id, int Index)> PositionAsync(HttpClient admin, string path, IEnumerable<Guid> ids, Func<JsonElement, JsonElement> items, Func<JsonElement, Guid> idOf)
    {
        var wanted = ids.ToHashSet();
        (Guid Id, int Index) found = (Guid.Empty, -1);
        var index = 0;
        for (var number = 1; number <= 100; number++)
        {
            var body = await admin.GetFromJsonAsync<JsonElement>(new Uri($"{path}&page={number}", UriKind.Relative));
            var list = items(body).EnumerateArray().ToList();
            foreach (var item in list)
            {
                if (wanted.Contains(idOf(item)))
                {
                    found = (idOf(item), index);
                }

                index++;
            }

            if (list.Count < 200)
            {
                break;
            }
        }

        Assert.NotEqual(-1, found.Index);
        return found;
    }

    [Fact]
    public async Task MembershipRequest_ThirtyTwoIdenticalAtOnce_LeaveOneOpenRequest()
    {
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(host, "130102");
        var (userId, token) = await DirectoryTestData.CreateUserAsync(host);

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            using var client = host.CreateBearerClient(token);
            return (await client.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/membership-requests", UriKind.Relative), new { message = "请求加入" })).StatusCode;
        }));
        var open = await host.WithDbAsync(db => db.Set<MembershipRequest>().CountAsync(r => r.OrganizationId == organizationId && r.UserId == userId && r.Status == MembershipRequestStatus.Open));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.Created));
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.Created or HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable, $"answered {(int)a}"));
        Assert.Equal(1, open);
    }

    [Fact]
    public async Task MembershipDecision_SixteenApprovalsRacingSixteenDeclines_OneWinnerConsistentEverywhere()
    {
        var (ownerId, ownerToken) = await DirectoryTestData.CreateUserAsync(host);
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(host, "130102", ownerId);
        var (userId, token) = await DirectoryTestData.CreateUserAsync(host);
        using var requester = host.CreateBearerClient(token);
        var created = await requester.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/membership-requests", UriKind.Relative), new { });
        var requestId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            using var owner = host.CreateBearerClient(ownerToken);
            var verb = i % 2 == 0 ? "approve" : "decline";
            return (verb, (await owner.PostAsync(new Uri($"/api/v1/organizations/{organizationId}/membership-requests/{requestId}/{verb}", UriKind.Relative), null)).StatusCode);
        }));
        var (status, members, notices) = await host.WithDbAsync(async db => (
            await db.Set<MembershipRequest>().Where(r => r.Id == requestId).Select(r => r.Status).FirstAsync(),
            await db.Set<Membership>().CountAsync(m => m.OrganizationId == organizationId && m.UserId == userId),
            await db.Set<Notification>().CountAsync(n => n.UserId == userId)));

        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.Equal(winners[0].verb == "approve" ? MembershipRequestStatus.Approved : MembershipRequestStatus.Declined, status);
        Assert.Equal(winners[0].verb == "approve" ? 1 : 0, members);
        Assert.Equal(1, notices);
    }

    [Fact]
    public void CoveredBy_AsAQuery_AgreesWithCovers_ForEveryJurisdictionAndRegion()
    {
        string[] jurisdictions = ["11", "12", "13", "1301", "1306", "XIONGAN", "130181", "130682", "31"];
        string[] regions = ["110101", "120101", "13", "1301", "130102", "130181", "1306", "130602", "130629", "130632", "130638", "130682", "131102", "310101"];
        foreach (var j in jurisdictions)
        {
            var query = Jurisdictions.CoveredBy<string>([j], r => r).Compile();
            foreach (var region in regions)
            {
                Assert.True(Jurisdictions.Covers(j, region) == query(region), $"{j} × {region}");
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class QueuesAndRacesTestsOnSqlite(SqliteHostFixture fixture) : QueuesAndRacesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class QueuesAndRacesTestsOnPostgres(PostgresHostFixture fixture) : QueuesAndRacesTests(fixture.Host);
