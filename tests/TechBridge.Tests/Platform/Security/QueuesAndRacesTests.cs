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
