using System.Text;
using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Tests.Modules.Listings;

namespace TechBridge.Tests.Platform;

// A client that retries a create with the same Idempotency-Key gets the first answer again and one record, never two;
// the key reused for another request is refused; racing repeats of one key do the operation once.
public abstract class IdempotencyTests(AppHost host)
{
    [Fact]
    public async Task SameKeyAndBody_AnswersTheFirstResponseAgain_AndCreatesOnce()
    {
        var (organizationId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var body = JsonSerializer.Serialize(ListingsTestData.Demand());

        var first = await PostAsync(owner, "demand-1", body);
        var again = await PostAsync(owner, "demand-1", body);
        var listed = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/demands?owner={organizationId}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SameKeyWithAnotherBody_Answers422_AndChangesNothing()
    {
        var (organizationId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        await PostAsync(owner, "demand-2", JsonSerializer.Serialize(ListingsTestData.Demand()));

        var reused = await PostAsync(owner, "demand-2", JsonSerializer.Serialize(ListingsTestData.Demand("anonymous")));
        var problem = await reused.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/demands?owner={organizationId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("idempotency_key_reused", problem.GetProperty("code").GetString());
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RefusedRequest_IsNotRemembered_SoTheCorrectedRetryWithTheSameKeyWorks()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");

        var refused = await PostAsync(owner, "demand-3", "{\"title\":\"\"}");
        var corrected = await PostAsync(owner, "demand-3", JsonSerializer.Serialize(ListingsTestData.Demand()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
    }

    [Fact]
    public async Task RacingRepeatsOfOneKey_CreateOnce_AndNoneFails()
    {
        var (organizationId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var body = JsonSerializer.Serialize(ListingsTestData.Demand());

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => PostAsync(owner, "demand-race", body)));
        var listed = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/demands?owner={organizationId}");

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"answered {(int)a.StatusCode}"));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict), a => Assert.NotNull(a.Headers.RetryAfter));
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task KeyThatIsNotVisibleAscii_Answers400NamingTheHeader()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");

        var response = await PostAsync(owner, new string('k', 201), JsonSerializer.Serialize(ListingsTestData.Demand()));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Idempotency-Key", problem.GetProperty("violations")[0].GetProperty("field").GetString());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IdempotencyTestsOnSqlite(SqliteHostFixture fixture) : IdempotencyTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class IdempotencyTestsOnPostgres(PostgresHostFixture fixture) : IdempotencyTests(fixture.Host);
