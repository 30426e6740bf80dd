using System.Text.Json;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Platform;

// Standing test (issue 2): the audit chain verifies after concurrent state changes. Contention may answer 409 or 503
// (the latter with Retry-After, and the client retries), never 500.
public abstract class AuditConcurrencyTests(AppHost shared)
{
    private const int Registrations = 10;
    private const int Reads = 8;

    [Fact]
    public async Task ConcurrentChanges_ThenVerify_ChainIsOk_AndNoServerErrors()
    {
        // Its own host: twenty writers at once would otherwise slow every other test of the shared one.
        await using var host = await AppHost.StartAsync(shared.Database);
        using var auditor = await host.CreateClientForAsync("auditor.demo");
        var before = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));

        // Prerequisites, one at a time: users with their evidence uploaded, unread notifications, a pending organization.
        var registrants = new List<(HttpClient Client, string Evidence)>();
        for (var i = 0; i < Registrations; i++)
        {
            var client = await host.CreateClientAsAsync(TestUser.Member());
            registrants.Add((client, await UploadPdfAsync(client)));
        }

        var reader = TestUser.Member();
        var notifications = new List<Guid>();
        for (var i = 0; i < Reads; i++)
        {
            notifications.Add(await AuditTests.NotifySomeoneAsync(host, "test-notify", reader.Id));
        }

        using var readerClient = await host.CreateClientAsAsync(reader);
        using var owner = await host.CreateClientForAsync("enterprise.demo");
        var contested = await RegisterOkAsync(owner, "130102");
        using var province = await host.CreateClientForAsync("admin.hebei");
        using var city = await host.CreateClientForAsync("admin.shijiazhuang");

        var registrations = registrants.Select(r => SendAsync(() =>
        {
            var code = NewCreditCode("130104");
            return RegisterAsync(r.Client, code, "130104", evidence: r.Evidence);
        }));
        var reads = notifications.Select(id => SendAsync(() => readerClient.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null)));
        var verifications = new[] { province, city }.Select(admin =>
            SendAsync(() => admin.PostAsync(new Uri($"/api/v1/organizations/{contested}/verify", UriKind.Relative), null)));
        var registering = Task.WhenAll(registrations);
        var reading = Task.WhenAll(reads);
        var verifying = Task.WhenAll(verifications);
        await Task.WhenAll(registering, reading, verifying);
        var registered = await registering;
        var read = await reading;
        var verified = await verifying;

        var after = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));
        foreach (var (client, _) in registrants)
        {
            client.Dispose();
        }

        var all = registered.Concat(read).Concat(verified).ToList();
        Assert.DoesNotContain(all, o => o.ServerErrors > 0);
        Assert.All(all, o => Assert.True(o.BusyWithoutRetryAfter == 0, "a 503 came without Retry-After"));
        Assert.All(registered, o => Assert.Equal(HttpStatusCode.Created, o.Final));
        Assert.All(read, o => Assert.Equal(HttpStatusCode.NoContent, o.Final));
        Assert.Single(verified, o => o.Final == HttpStatusCode.OK);
        Assert.Single(verified, o => o.Final == HttpStatusCode.Conflict);
        Assert.True(after.GetProperty("ok").GetBoolean(), after.ToString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("firstBroken").ValueKind);
        var changes = Registrations + Reads + 1;
        Assert.True(after.GetProperty("records").GetInt64() >= before.GetProperty("records").GetInt64() + changes, $"{before} → {after}");
    }

    private sealed record Outcome(HttpStatusCode Final, int ServerErrors, int BusyWithoutRetryAfter);

    // Sends, and on 503 waits as Retry-After says (capped) and sends again; counts what a client must never see.
    private static async Task<Outcome> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        var serverErrors = 0;
        var busyWithoutRetryAfter = 0;
        for (var attempt = 1; ; attempt++)
        {
            using var response = await send();
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                serverErrors++;
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 5)
            {
                return new Outcome(response.StatusCode, serverErrors, busyWithoutRetryAfter);
            }

            if (response.Headers.RetryAfter is null)
            {
                busyWithoutRetryAfter++;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditConcurrencyTestsOnSqlite(SqliteHostFixture fixture) : AuditConcurrencyTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AuditConcurrencyTestsOnPostgres(PostgresHostFixture fixture) : AuditConcurrencyTests(fixture.Host);
