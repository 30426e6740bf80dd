using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.ExpireListings;
using TechBridge.Platform.Outbox;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Modules.Listings.ChangeListingStatus;

public abstract class ListingLifecycleTests(AppHost host)
{
    [Fact]
    public async Task Offering_DraftToPublishedToClosed_EnforcesOwnershipJurisdictionAndStates()
    {
        var (institutionId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        var (_, stranger) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        var (_, cityAdminToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", ListingsPermissions.ReviewListings);
        var (_, baodingAdminToken) = await DirectoryTestData.CreateAdminAsync(host, "1306", ListingsPermissions.ReviewListings);
        using var cityAdmin = host.CreateBearerClient(cityAdminToken);
        using var baodingAdmin = host.CreateBearerClient(baodingAdminToken);
        using var anonymous = host.CreateAnonymousClient();

        var id = await ListingsTestData.CreateAsync(owner, "offerings", ListingsTestData.Offering());
        var anonymousDraft = await anonymous.GetAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative));
        var strangerEdit = await stranger.PutAsJsonAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative), ListingsTestData.Offering("改"));
        var strangerSubmit = await ListingsTestData.PostAsync(stranger, $"/api/v1/offerings/{id}/submit");
        var ownerEdit = await owner.PutAsJsonAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative), ListingsTestData.Offering("材料力学性能检测（更新）"));
        var approveDraft = await ListingsTestData.PostAsync(cityAdmin, $"/api/v1/offerings/{id}/approve");
        var submitted = await ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/submit");
        var submitAgain = await ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/submit");
        var editSubmitted = await owner.PutAsJsonAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative), ListingsTestData.Offering());
        var wrongJurisdiction = await ListingsTestData.PostAsync(baodingAdmin, $"/api/v1/offerings/{id}/approve");
        var rejectWithoutReason = await ListingsTestData.PostAsync(cityAdmin, $"/api/v1/offerings/{id}/reject", new { reason = "" });
        var approved = await ListingsTestData.PostAsync(cityAdmin, $"/api/v1/offerings/{id}/approve");
        var publicView = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/offerings/{id}");
        var publicList = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/offerings?owner={institutionId}");
        var closed = await ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/close");
        var afterClose = await anonymous.GetAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative));
        var outbox = await AnnouncedAsync(host, id);

        Assert.Equal(HttpStatusCode.NotFound, anonymousDraft.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerSubmit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, submitAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, editSubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongJurisdiction.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rejectWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("published", publicView.GetProperty("status").GetString());
        Assert.Equal("材料力学性能检测（更新）", publicView.GetProperty("title").GetString());
        Assert.Equal("138****8000", publicList.GetProperty("items")[0].GetProperty("contactPhone").GetString());
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterClose.StatusCode);
        Assert.Equal(["published", "unpublished"], outbox);
    }

    [Fact]
    public async Task Reject_WithReason_OwnerSeesReason_EditsAndResubmits_AndTakeDownWritesOutbox()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "130104");
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "13", ListingsPermissions.ReviewListings);
        using var admin = host.CreateBearerClient(adminToken);

        var id = await ListingsTestData.CreateAsync(owner, "achievements", ListingsTestData.Achievement());
        await ListingsTestData.PostAsync(owner, $"/api/v1/achievements/{id}/submit");
        var rejected = await ListingsTestData.PostAsync(admin, $"/api/v1/achievements/{id}/reject", new { reason = "摘要过短" });
        var seen = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/achievements/{id}");
        var edited = await owner.PutAsJsonAsync(new Uri($"/api/v1/achievements/{id}", UriKind.Relative), ListingsTestData.Achievement("一种高强度铝合金焊接工艺及装置"));
        var resubmitted = await ListingsTestData.PostAsync(owner, $"/api/v1/achievements/{id}/submit");
        await ListingsTestData.PostAsync(admin, $"/api/v1/achievements/{id}/approve");
        var takeDownWithoutReason = await ListingsTestData.PostAsync(admin, $"/api/v1/achievements/{id}/take-down", new { reason = (string?)null });
        var takenDown = await ListingsTestData.PostAsync(admin, $"/api/v1/achievements/{id}/take-down", new { reason = "知识产权争议" });
        var outbox = await AnnouncedAsync(host, id);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("rejected", seen.GetProperty("status").GetString());
        Assert.Equal("摘要过短", seen.GetProperty("statusReason").GetString());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, takeDownWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, takenDown.StatusCode);
        Assert.Equal(["published", "unpublished"], outbox);
    }

    [Fact]
    public async Task Create_ByWrongKindOfOrganization_IsForbidden_AndBadBudgetIsRejected()
    {
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (_, institution) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");

        var offeringByEnterprise = await enterprise.PostAsJsonAsync(new Uri("/api/v1/offerings", UriKind.Relative), ListingsTestData.Offering());
        var demandByInstitution = await institution.PostAsJsonAsync(new Uri("/api/v1/demands", UriKind.Relative), ListingsTestData.Demand());
        var badBudget = await enterprise.PostAsJsonAsync(new Uri("/api/v1/demands", UriKind.Relative), new
        {
            title = "需求", description = "说明", technologyFieldCode = "electronics", budgetMinFen = 500L, budgetMaxFen = 100L, regionCode = "130102",
        });
        var problem = await badBudget.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, offeringByEnterprise.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, demandByInstitution.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badBudget.StatusCode);
        Assert.Contains("minNotAboveMax", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkReview_ApprovesEachItem_AndReportsPerItemResults()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130602");
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "1306", ListingsPermissions.ReviewListings);
        using var admin = host.CreateBearerClient(adminToken);
        var first = await ListingsTestData.CreateAsync(owner, "achievements", ListingsTestData.Achievement());
        var second = await ListingsTestData.CreateAsync(owner, "demands", new
        {
            title = "保定需求", description = "说明", technologyFieldCode = "electronics", regionCode = "130602",
        });
        var draft = await ListingsTestData.CreateAsync(owner, "achievements", ListingsTestData.Achievement("草稿"));
        await ListingsTestData.PostAsync(owner, $"/api/v1/achievements/{first}/submit");
        await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{second}/submit");

        var queue = await ListingsTestData.GetJsonAsync(admin, "/api/v1/listings/review-queue");
        var rejectWithoutReason = await ListingsTestData.PostAsync(admin, "/api/v1/listings/review", new { decision = "reject", items = new[] { new { kind = "achievement", id = first } } });
        var review = await ListingsTestData.PostAsync(admin, "/api/v1/listings/review", new
        {
            decision = "approve",
            items = new[] { new { kind = "achievement", id = first }, new { kind = "demand", id = second }, new { kind = "achievement", id = draft }, new { kind = "offering", id = Guid.NewGuid() } },
        });
        var body = await review.Content.ReadFromJsonAsync<JsonElement>();
        var statuses = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetInt32()).ToList();

        var queued = queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(first, queued);
        Assert.Contains(second, queued);
        Assert.DoesNotContain(draft, queued);
        Assert.Equal(HttpStatusCode.BadRequest, rejectWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal([200, 200, 409, 404], statuses);
        Assert.Equal(2, body.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task ReviewQueue_ForUserWithoutGrant_IsForbidden()
    {
        var (_, token) = await DirectoryTestData.CreateUserAsync(host);
        using var client = host.CreateBearerClient(token);

        var queue = await client.GetAsync(new Uri("/api/v1/listings/review-queue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
    }

    [Fact]
    public async Task Expiry_AfterValidityPeriod_ExpiresOnce_AndRenewalPublishesAgain()
    {
        await using var isolated = await AppHost.StartAsync(host.Database);
        var (organizationId, firstOwner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(isolated, OrganizationKind.ServiceInstitution, "130102");
        var id = await ListingsTestData.PublishAsync(isolated, firstOwner, "offerings", ListingsTestData.Offering());
        var owner = firstOwner;
        using var anonymous = isolated.CreateAnonymousClient();

        async Task<int> RunExpiryAsync()
        {
            await using var scope = isolated.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ListingExpiry>().RunOnceAsync(CancellationToken.None);
        }

        var early = await RunExpiryAsync();
        var stillPublished = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/offerings/{id}");
        var advanced = await ListingsTestData.PostAsync(anonymous, "/api/v1/test/clock/advance", new { hours = 181 * 24 });
        // Tokens do not outlive 181 days: sign in again.
        owner = await ListingsTestData.SignInOwnerAgainAsync(isolated, organizationId);
        var first = await RunExpiryAsync();
        var second = await RunExpiryAsync();
        var expired = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/offerings/{id}");
        var publicAfterExpiry = await anonymous.GetAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative));
        var renewed = await ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/renew");
        var publicAfterRenewal = await anonymous.GetAsync(new Uri($"/api/v1/offerings/{id}", UriKind.Relative));
        var outbox = await AnnouncedAsync(isolated, id);

        Assert.Equal(0, early);
        Assert.Equal("published", stillPublished.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.True(first >= 1);
        Assert.Equal(0, second);
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, publicAfterExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicAfterRenewal.StatusCode);
        Assert.Equal(["published", "unpublished", "published"], outbox);
    }

    // The ListingChanged events announced for one listing through the platform outbox, oldest first.
    private static async Task<List<string>> AnnouncedAsync(AppHost on, Guid listingId)
    {
        var events = await on.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.EventType == ListingChanged.EventType).OrderBy(m => m.Id)
            .Select(m => new OutboxEvent(m.Id, m.EventType, m.Payload, m.OccurredAt)).ToListAsync());
        return events.Select(e => e.As<ListingChanged>()).Where(e => e.ListingId == listingId).Select(e => e.Change).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ListingLifecycleTestsOnSqlite(SqliteHostFixture fixture) : ListingLifecycleTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ListingLifecycleTestsOnPostgres(PostgresHostFixture fixture) : ListingLifecycleTests(fixture.Host);
