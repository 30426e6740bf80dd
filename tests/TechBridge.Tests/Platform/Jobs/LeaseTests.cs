using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Jobs;

namespace TechBridge.Tests.Platform.Jobs;

public abstract class LeaseTests(AppHost host)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryAcquire_TwoNodesAtOnce_ExactlyOneWins()
    {
        var name = $"tests.lease-{Guid.NewGuid():N}";
        var leases = host.Services.GetRequiredService<Leases>();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => leases.TryAcquireAsync(name, $"node-{i % 2}", Minute, CancellationToken.None)));
        var holder = (await leases.FindAsync(name, CancellationToken.None))!.Holder;

        // Each node asks four times; every answer of the winner is yes (it renews), every answer of the other no.
        Assert.Equal(4, results.Count(r => r));
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal($"node-{i % 2}" == holder, results[i]));
    }

    [Fact]
    public async Task TryAcquire_HolderRenews_ExpiryMovesAndOthersStillLose()
    {
        var name = $"tests.lease-{Guid.NewGuid():N}";
        var leases = host.Services.GetRequiredService<Leases>();

        var first = await leases.TryAcquireAsync(name, "a", Minute, CancellationToken.None);
        var before = (await leases.FindAsync(name, CancellationToken.None))!.ExpiresAt;
        var renewed = await leases.TryAcquireAsync(name, "a", TimeSpan.FromMinutes(10), CancellationToken.None);
        var after = (await leases.FindAsync(name, CancellationToken.None))!.ExpiresAt;
        var other = await leases.TryAcquireAsync(name, "b", Minute, CancellationToken.None);
        await leases.ReleaseAsync(name, "b", CancellationToken.None);
        var stillHeld = await leases.TryAcquireAsync(name, "b", Minute, CancellationToken.None);
        await leases.ReleaseAsync(name, "a", CancellationToken.None);
        var released = await leases.TryAcquireAsync(name, "b", Minute, CancellationToken.None);

        Assert.True(first);
        Assert.True(renewed);
        Assert.True(after > before);
        Assert.False(other);
        Assert.False(stillHeld);
        Assert.True(released);
    }

    [Fact]
    public async Task TryAcquire_LeaseExpired_AnotherNodeTakesItOver()
    {
        await using var isolated = await AppHost.StartAsync(host.Database);
        var name = $"tests.lease-{Guid.NewGuid():N}";
        var leases = isolated.Services.GetRequiredService<Leases>();

        var a = await leases.TryAcquireAsync(name, "a", Minute, CancellationToken.None);
        var bEarly = await leases.TryAcquireAsync(name, "b", Minute, CancellationToken.None);
        await isolated.AdvanceClockAsync(hours: 0.5);
        var bLate = await leases.TryAcquireAsync(name, "b", Minute, CancellationToken.None);
        var aBack = await leases.TryAcquireAsync(name, "a", Minute, CancellationToken.None);

        Assert.True(a);
        Assert.False(bEarly);
        Assert.True(bLate);
        Assert.False(aBack);
        Assert.Equal("b", (await leases.FindAsync(name, CancellationToken.None))!.Holder);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LeaseTestsOnSqlite(SqliteHostFixture fixture) : LeaseTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class LeaseTestsOnPostgres(PostgresHostFixture fixture) : LeaseTests(fixture.Host);
