using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Outbox;

namespace TechBridge.Tests.Platform.Outbox;

public abstract class OutboxTests(AppHost host)
{
    [Fact]
    public async Task Dispatcher_ConsumerFailsThenSucceeds_CursorMovesOnlyAfterSuccessAndEventsComeInOrder()
    {
        var run = Guid.NewGuid();
        await AnnounceAsync(run, 1, 2, 3);
        var consumer = new ProbeConsumer($"tests.probe-{run:N}", run) { FailuresLeft = 1 };
        var dispatcher = Dispatcher();

        await Assert.ThrowsAsync<InvalidOperationException>(() => dispatcher.DispatchAsync(consumer, CancellationToken.None));
        var afterFailure = await CursorAsync(consumer.Name);
        var firstId = await host.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.EventType == OutboxProbe.EventType && m.Payload.Contains(run.ToString()))
            .MinAsync(m => m.Id));
        await dispatcher.DispatchAsync(consumer, CancellationToken.None);
        var afterSuccess = await CursorAsync(consumer.Name);
        var again = await dispatcher.DispatchAsync(consumer, CancellationToken.None);
        await AnnounceAsync(run, 4);
        var next = await dispatcher.DispatchAsync(consumer, CancellationToken.None);

        Assert.True(afterFailure is null || afterFailure.Position < firstId);
        Assert.NotNull(afterSuccess);
        Assert.True(afterSuccess.Position >= firstId + 2);
        // The failed delivery came again, in the same order, and nothing was applied twice after the cursor moved.
        Assert.Equal([1, 2, 3, 1, 2, 3, 4], consumer.Seen);
        Assert.Equal(0, again);
        Assert.Equal(1, next);
        Assert.Equal(0, await dispatcher.LagAsync(consumer, (await CursorAsync(consumer.Name))!.Position, CancellationToken.None));
    }

    [Fact]
    public async Task Dispatcher_ClusterConsumerWhileAnotherNodeHoldsItsLease_DeliversNothing()
    {
        var run = Guid.NewGuid();
        await AnnounceAsync(run, 1);
        var consumer = new ProbeConsumer($"tests.leased-{run:N}", run);
        var leases = host.Services.GetRequiredService<Leases>();
        Assert.True(await leases.TryAcquireAsync(OutboxDispatcher.LeaseName(consumer), "another-node", TimeSpan.FromMinutes(5), CancellationToken.None));

        var delivered = await Dispatcher().DispatchAsync(consumer, CancellationToken.None);
        var seenWhileLeased = consumer.Seen.Count;
        await leases.ReleaseAsync(OutboxDispatcher.LeaseName(consumer), "another-node", CancellationToken.None);
        await Dispatcher().DispatchAsync(consumer, CancellationToken.None);

        Assert.Equal(0, delivered);
        Assert.Equal(0, seenWhileLeased);
        Assert.Equal([1], consumer.Seen);
    }

    [Fact]
    public async Task Organization_VerifiedByAdmin_AppearsInSearchThroughTheOutbox()
    {
        var token = RareChinese(8);
        var name = "测试" + token + "研究院";
        var organization = new Organization
        {
            Kind = OrganizationKind.Enterprise,
            LegalName = name,
            CreditCode = DemoCreditCodes.Build("91", "130102", Random.Shared.Next(100_000_000)),
            RegionCode = "130102",
        };
        await host.WithDbAsync(db =>
        {
            db.Add(organization);
            return db.SaveChangesAsync();
        });
        using var admin = await host.CreateClientForAsync("admin.hebei");
        using var anonymous = host.CreateAnonymousClient();

        var verified = await admin.PostAsync(new Uri($"/api/v1/organizations/{organization.Id}/verify", UriKind.Relative), null);
        var found = await FindsAsync(anonymous, token, organization.Id);
        var events = await host.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.EventType == OrganizationChanged.EventType).OrderBy(m => m.Id)
            .Select(m => new OutboxEvent(m.Id, m.EventType, m.Payload, m.OccurredAt)).ToListAsync());
        var announced = events.Select(e => e.As<OrganizationChanged>()).Where(e => e.OrganizationId == organization.Id).ToList();

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True(found);
        Assert.Equal([[OrganizationChange.Registered], [OrganizationChange.Verification]], announced.Select(a => a.Changes.ToArray()).ToArray());
    }

    // Polls public search until the organization is among the results (or a generous deadline passes).
    private static async Task<bool> FindsAsync(HttpClient client, string query, Guid organizationId)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/search?q={Uri.EscapeDataString(query)}&kind=organization", UriKind.Relative));
            if (json.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetGuid() == organizationId))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static string RareChinese(int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)Random.Shared.Next(0x9000, 0x9F00))]);

    private OutboxDispatcher Dispatcher() => new(
        host.Services.GetRequiredService<IServiceScopeFactory>(),
        host.Services.GetRequiredService<Leases>(),
        host.Services.GetRequiredService<NodeIdentity>(),
        host.Services.GetRequiredService<TimeProvider>(),
        host.Services.GetRequiredService<IConfiguration>(),
        NullLogger<OutboxDispatcher>.Instance);

    private Task<int> AnnounceAsync(Guid run, params int[] numbers) => host.WithDbAsync(db =>
    {
        foreach (var number in numbers)
        {
            // An hour old: settled, so a recent gap in the ids (a rolled-back insert on PostgreSQL) does not hold it back.
            db.Announce(new OutboxProbe(run, number), host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-1));
        }

        return db.SaveChangesAsync();
    });

    private Task<OutboxCursor?> CursorAsync(string consumer) =>
        host.WithDbAsync(db => db.Set<OutboxCursor>().AsNoTracking().FirstOrDefaultAsync(c => c.Consumer == consumer));

    internal sealed record OutboxProbe(Guid Run, int Number) : IOutboxEvent
    {
        public static string EventType => "tests.outbox-probe";
    }

    // Records the probe events of its run; fails the first FailuresLeft deliveries that contain some.
    private sealed class ProbeConsumer(string name, Guid run) : IOutboxConsumer
    {
        public int FailuresLeft { get; set; }

        public List<int> Seen { get; } = [];

        public string Name => name;

        public string Title => "Probe";

        public bool PerNode => false;

        public IReadOnlyCollection<string> EventTypes { get; } = [OutboxProbe.EventType];

        public Task HandleAsync(IReadOnlyList<OutboxEvent> events, IServiceProvider services, CancellationToken cancellationToken)
        {
            var mine = events.Select(e => e.As<OutboxProbe>()).Where(p => p.Run == run).Select(p => p.Number).ToList();
            Seen.AddRange(mine);
            if (mine.Count > 0 && FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("the side effect failed");
            }

            return Task.CompletedTask;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OutboxTestsOnSqlite(SqliteHostFixture fixture) : OutboxTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class OutboxTestsOnPostgres(PostgresHostFixture fixture) : OutboxTests(fixture.Host);
