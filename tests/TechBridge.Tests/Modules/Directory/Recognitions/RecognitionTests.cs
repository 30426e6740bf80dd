using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Recognitions;
using TechBridge.Platform.Notifications;

namespace TechBridge.Tests.Modules.Directory.Recognitions;

public abstract class RecognitionTests(AppHost host)
{
    private static object Certificate(string number, DateOnly? validUntil = null) => new
    {
        kind = "high-tech-enterprise",
        level = "national",
        authority = "河北省高新技术企业认定管理机构",
        certificateNumber = number,
        issuedOn = new DateOnly(2025, 1, 10),
        validUntil = validUntil ?? new DateOnly(2028, 1, 9),
    };

    [Fact]
    public async Task Add_ByOwner_IsPending_AndCityAdminConfirms()
    {
        var (ownerId, ownerToken) = await DirectoryTestData.CreateUserAsync(host);
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(host, "130102", ownerId);
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", DirectoryPermissions.ManageRecognitions);
        using var owner = host.CreateBearerClient(ownerToken);
        using var admin = host.CreateBearerClient(adminToken);
        using var anonymous = host.CreateAnonymousClient();

        var added = await owner.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative), Certificate($"GR{Guid.NewGuid():N}"[..16]));
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        var publicBefore = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative));
        var confirmed = await admin.PostAsync(new Uri($"/api/v1/recognitions/{id}/confirm", UriKind.Relative), null);
        var again = await admin.PostAsync(new Uri($"/api/v1/recognitions/{id}/confirm", UriKind.Relative), null);
        var publicAfter = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal(0, publicBefore.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("confirmed", publicAfter.GetProperty("items")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Confirm_ByAdminOfAnotherJurisdiction_IsForbidden_AndStrangerCannotAdd()
    {
        var (ownerId, ownerToken) = await DirectoryTestData.CreateUserAsync(host);
        var (_, strangerToken) = await DirectoryTestData.CreateUserAsync(host);
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(host, "130629", ownerId);
        var (_, baodingToken) = await DirectoryTestData.CreateAdminAsync(host, "1306", DirectoryPermissions.ManageRecognitions);
        using var owner = host.CreateBearerClient(ownerToken);
        using var stranger = host.CreateBearerClient(strangerToken);
        using var baoding = host.CreateBearerClient(baodingToken);

        var added = await owner.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative), Certificate($"GR{Guid.NewGuid():N}"[..16]));
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var strangerAdd = await stranger.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative), Certificate("X1"));
        var baodingConfirm = await baoding.PostAsync(new Uri($"/api/v1/recognitions/{id}/confirm", UriKind.Relative), null);
        var anonymousConfirm = await host.CreateAnonymousClient().PostAsync(new Uri($"/api/v1/recognitions/{id}/confirm", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, strangerAdd.StatusCode);
        // 容城 is in Xiong'an's jurisdiction, not Baoding's.
        Assert.Equal(HttpStatusCode.Forbidden, baodingConfirm.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousConfirm.StatusCode);
    }

    [Fact]
    public async Task Add_ByAdmin_IsConfirmed_CountsInList_AndRevokeRemovesIt()
    {
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(host, "131125");
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "13", DirectoryPermissions.ManageRecognitions);
        using var admin = host.CreateBearerClient(adminToken);
        using var anonymous = host.CreateAnonymousClient();
        var before = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/recognitions?kind=high-tech-enterprise&level=national&region=131125", UriKind.Relative));

        var added = await admin.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative), Certificate($"GR{Guid.NewGuid():N}"[..16]));
        var body = await added.Content.ReadFromJsonAsync<JsonElement>();
        var during = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/recognitions?kind=high-tech-enterprise&level=national&region=131125", UriKind.Relative));
        var noReason = await admin.PostAsJsonAsync(new Uri($"/api/v1/recognitions/{body.GetProperty("id").GetGuid()}/revoke", UriKind.Relative), new { reason = "" });
        var revoked = await admin.PostAsJsonAsync(new Uri($"/api/v1/recognitions/{body.GetProperty("id").GetGuid()}/revoke", UriKind.Relative), new { reason = "certificate withdrawn" });
        var after = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/recognitions?kind=high-tech-enterprise&level=national&region=131125", UriKind.Relative));

        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("total").GetInt32() + 1, during.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(before.GetProperty("total").GetInt32(), after.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Add_WithUnknownKindOrBadDates_IsRejectedNamingTheField()
    {
        var (ownerId, ownerToken) = await DirectoryTestData.CreateUserAsync(host);
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(host, "130102", ownerId);
        using var owner = host.CreateBearerClient(ownerToken);

        var response = await owner.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative), new
        {
            kind = "nobel-prize", level = "galactic", authority = "x", certificateNumber = "1", issuedOn = new DateOnly(2025, 1, 1), validUntil = new DateOnly(2024, 1, 1),
        });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("kind", text, StringComparison.Ordinal);
        Assert.Contains("level", text, StringComparison.Ordinal);
        Assert.Contains("validUntil", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiryReminder_ThirtyDaysBefore_NotifiesOwnerAndJurisdictionAdminsOnce()
    {
        await using var isolated = await AppHost.StartAsync(host.Database);
        var (ownerId, _) = await DirectoryTestData.CreateUserAsync(isolated);
        var (cityAdminId, cityAdminToken) = await DirectoryTestData.CreateAdminAsync(isolated, "1305", DirectoryPermissions.ManageRecognitions);
        var (otherAdminId, _) = await DirectoryTestData.CreateAdminAsync(isolated, "1301", DirectoryPermissions.ManageRecognitions);
        var organizationId = await DirectoryTestData.CreateOrganizationAsync(isolated, "130534", ownerId);
        using var admin = isolated.CreateBearerClient(cityAdminToken);
        var today = DateOnly.FromDateTime(TechBridge.Platform.Time.AdjustableClock.ToChina(isolated.Services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        var added = await admin.PostAsJsonAsync(new Uri($"/api/v1/organizations/{organizationId}/recognitions", UriKind.Relative), Certificate($"GR{Guid.NewGuid():N}"[..16], today.AddDays(45)));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        async Task<int> RunAsync()
        {
            await using var scope = isolated.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RecognitionExpiryReminder>().RunOnceAsync(CancellationToken.None);
        }

        async Task<List<Guid>> RecipientsAsync() => await isolated.WithDbAsync(db => db.Set<Notification>()
            .Where(n => n.Kind == RecognitionExpiryReminder.NotificationKind && n.Link!.Contains(organizationId.ToString()))
            .Select(n => n.UserId).ToListAsync());

        await RunAsync();
        var tooEarly = await RecipientsAsync();
        var advanced = await isolated.CreateAnonymousClient().PostAsJsonAsync(new Uri("/api/v1/test/clock/advance", UriKind.Relative), new { hours = 20 * 24 });
        await RunAsync();
        var due = await RecipientsAsync();
        await RunAsync();
        var twice = await RecipientsAsync();

        Assert.Empty(tooEarly);
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Contains(ownerId, due);
        Assert.Contains(cityAdminId, due);
        Assert.DoesNotContain(otherAdminId, due);
        Assert.Equal(due.Count, twice.Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecognitionTestsOnSqlite(SqliteHostFixture fixture) : RecognitionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class RecognitionTestsOnPostgres(PostgresHostFixture fixture) : RecognitionTests(fixture.Host);
