using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: delivery evidence is readable by the order's client and the admins who handle its complaints (not only the
// uploader); a suspended institution publishes nothing, takes no orders, and its listings leave search until reinstated.
public abstract class EvidenceAndSuspensionTests(AppHost host)
{
    // Who reads delivery evidence (both parties and complaint admins, not a stranger): EngagementsTests covers it with the
    // uploaded evidence file.
    [Fact]
    public async Task SuspendedInstitution_PublishesNothing_TakesNoOrders_LeavesSearchUntilReinstated()
    {
        var token = "zs" + Guid.NewGuid().ToString("N")[..10];
        var (providerId, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var offeringId = await ListingsTestData.PublishAsync(host, provider, "offerings", ListingsTestData.Offering($"材料检测 {token}"));
        var draft = await ListingsTestData.CreateAsync(provider, "offerings", ListingsTestData.Offering($"草稿 {token}"));
        using var anonymous = host.CreateAnonymousClient();
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 1);
        var engagement = await (await ListingsTestData.PostAsync(enterprise, "/api/v1/engagements", new { listingKind = "offering", listingId = offeringId })).Content.ReadFromJsonAsync<JsonElement>();
        var engagementId = engagement.GetProperty("id").GetGuid();
        await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{engagementId}/transitions", new { to = "in-discussion" });
        await ListingsTestData.PostAsync(provider, $"/api/v1/engagements/{engagementId}/transitions", new { to = "agreed" });
        await ListingsTestData.PostAsync(enterprise, $"/api/v1/engagements/{engagementId}/transitions", new { to = "agreed" });

        var application = new InstitutionApplication { OrganizationId = providerId, RegionCode = "130104", State = InstitutionState.Suspended, Reason = "测试暂停" };
        await host.WithDbAsync(db => { db.Add(application); return db.SaveChangesAsync(); });

        var create = await provider.PostAsJsonAsync(new Uri("/api/v1/offerings", UriKind.Relative), ListingsTestData.Offering("暂停期间的新服务"));
        var submit = await ListingsTestData.PostAsync(provider, $"/api/v1/offerings/{draft}/submit");
        var order = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(engagementId));
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 0);

        await host.WithDbAsync(async db =>
        {
            var stored = await db.Set<InstitutionApplication>().FirstAsync(a => a.Id == application.Id);
            stored.State = InstitutionState.Approved;
            return await db.SaveChangesAsync();
        });
        await PollAsync(anonymous, $"/api/v1/search?q={token}", r => r.GetProperty("total").GetInt32() == 1);
        var orderAfter = await ListingsTestData.PostAsync(enterprise, "/api/v1/orders", OrderBody(engagementId));

        Assert.Equal(HttpStatusCode.Conflict, create.StatusCode);
        Assert.Equal("institution_suspended", await AccountTestKit.ProblemCodeAsync(create));
        Assert.Equal(HttpStatusCode.Conflict, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.Equal("institution_suspended", await AccountTestKit.ProblemCodeAsync(order));
        Assert.Equal(HttpStatusCode.Created, orderAfter.StatusCode);
    }

    private static object OrderBody(Guid engagementId) => new
    {
        engagementId,
        scope = "检测服务",
        amountFen = 100_000L,
        milestones = new[] { new { title = "交付", dueDate = "2099-06-30", amountFen = 100_000L } },
    };

    private static Task<JsonElement> PollAsync(HttpClient client, string url, Func<JsonElement, bool> done) =>
        TechBridge.Tests.Modules.Matching.SearchAndMatchingTests.PollAsync(client, url, done);
}

[Collection(SqliteCollection.Name)]
public sealed class EvidenceAndSuspensionTestsOnSqlite(SqliteHostFixture fixture) : EvidenceAndSuspensionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class EvidenceAndSuspensionTestsOnPostgres(PostgresHostFixture fixture) : EvidenceAndSuspensionTests(fixture.Host);
