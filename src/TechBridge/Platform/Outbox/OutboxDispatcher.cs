using System.Collections.Concurrent;
using TechBridge.Platform.Jobs;

namespace TechBridge.Platform.Outbox;

// A module's reaction to outbox events (search indexing, later rollups and notifications). Registered with
// AddOutboxConsumer; Name is stable (it keys the cursor and the lease). A per-node consumer keeps derived state on the node itself
// (its search index): every node runs it, without a lease. Any other consumer runs on one node at a time.
internal interface IOutboxConsumer
{
    string Name { get; }

    // The English UI key naming the consumer for people (the module adds its Chinese to UiText).
    string Title { get; }

    bool PerNode { get; }

    IReadOnlyCollection<string> EventTypes { get; }

    // Applies the events (oldest first). Must be idempotent: after a crash before the cursor moved, they come again.
    Task HandleAsync(IReadOnlyList<OutboxEvent> events, IServiceProvider services, CancellationToken cancellationToken);
}

// A consumer whose derived state can be rebuilt from the database instead of replayed (the search index).
internal interface IRebuildingOutboxConsumer : IOutboxConsumer
{
    // Whether to rebuild rather than replay: position is the cursor, null when there is none yet.
    bool NeedsRebuild(long? position);

    Task RebuildAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken);
}

internal static class OutboxRegistration
{
    public static IServiceCollection AddOutboxConsumer<TConsumer>(this IServiceCollection services)
        where TConsumer : class, IOutboxConsumer
    {
        services.AddSingleton<TConsumer>();
        services.AddSingleton<IOutboxConsumer>(sp => sp.GetRequiredService<TConsumer>());
        return services;
    }
}

// Delivers outbox events to consumers in id order, a batch at a time, and moves a consumer's cursor only after the
// consumer returned: a crash in between delivers the batch again. One delivery per consumer at a time in a process;
// across nodes, a lease per (non per-node) consumer.
internal sealed class OutboxDispatcher(IServiceScopeFactory scopes, Leases leases, NodeIdentity node, TimeProvider clock, IConfiguration configuration, ILogger<OutboxDispatcher> logger) : IDisposable
{
    public const int BatchSize = 500;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string Message)> errors = new(StringComparer.Ordinal);

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(configuration.GetValue("Jobs:LeaseSeconds", 60.0));

    // An id missing from the sequence may belong to a transaction that has not committed yet (PostgreSQL hands out
    // ids before commit): delivery stops before the gap until the events after it are this old, then skips it.
    private TimeSpan GapWait => TimeSpan.FromSeconds(configuration.GetValue("Outbox:GapWaitSeconds", 10.0));

    public static string LeaseName(IOutboxConsumer consumer) => $"outbox:{consumer.Name}";

    public string NodeOf(IOutboxConsumer consumer) => consumer.PerNode ? node.NodeId : "";

    // This process's last failure per consumer (also kept on the cursor row when there is one).
    public (DateTimeOffset At, string Message)? LastError(string consumer) => errors.TryGetValue(consumer, out var e) ? e : null;

    public void Dispose()
    {
        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }
    }

    // Delivers everything after the cursor (rebuilding first when the consumer asks for it); returns the number of
    // events delivered, 0 also when another node holds the consumer's lease.
    public async Task<int> DispatchAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(consumer.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!consumer.PerNode && !await leases.TryAcquireAsync(LeaseName(consumer), node.Holder, LeaseDuration, cancellationToken))
            {
                return 0;
            }

            var delivered = await DeliverAsync(consumer, cancellationToken);
            errors.TryRemove(consumer.Name, out _);
            return delivered;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await RecordErrorAsync(consumer, exception);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    // Builds the consumer's state again from the database (the `index rebuild` verb, or when NeedsRebuild says so).
    public async Task RebuildAsync(IRebuildingOutboxConsumer consumer, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(consumer.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RebuildCoreAsync(consumer, scope.ServiceProvider, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    // Events of the consumer's types after its cursor (all of them when it has none yet).
    public async Task<long> LagAsync(IOutboxConsumer consumer, long? position, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var after = position ?? 0;
        var types = consumer.EventTypes.ToList();
        return await db.Set<OutboxMessage>().LongCountAsync(m => m.Id > after && types.Contains(m.EventType), cancellationToken);
    }

    private async Task<int> DeliverAsync(IOutboxConsumer consumer, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var nodeId = NodeOf(consumer);
        var cursor = await db.Set<OutboxCursor>().FirstOrDefaultAsync(c => c.Consumer == consumer.Name && c.Node == nodeId, cancellationToken);
        if (consumer is IRebuildingOutboxConsumer rebuilding && rebuilding.NeedsRebuild(cursor?.Position))
        {
            db.ChangeTracker.Clear();
            await RebuildCoreAsync(rebuilding, scope.ServiceProvider, null, cancellationToken);
            return 0;
        }

        if (cursor is null)
        {
            cursor = new OutboxCursor { Consumer = consumer.Name, Node = nodeId, Position = 0, UpdatedAt = clock.GetUtcNow() };
            db.Add(cursor);
        }

        var types = consumer.EventTypes.ToHashSet(StringComparer.Ordinal);
        var delivered = 0;
        while (true)
        {
            var position = cursor.Position;
            var batch = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Id > position).OrderBy(m => m.Id).Take(BatchSize)
                .Select(m => new OutboxEvent(m.Id, m.EventType, m.Payload, m.OccurredAt))
                .ToListAsync(cancellationToken);
            batch = UpToGap(batch, position, clock.GetUtcNow() - GapWait);
            if (batch.Count == 0)
            {
                if (db.Entry(cursor).State == EntityState.Added)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                return delivered;
            }

            var relevant = batch.Where(e => types.Contains(e.EventType)).ToList();
            if (relevant.Count > 0)
            {
                await consumer.HandleAsync(relevant, scope.ServiceProvider, cancellationToken);
            }

            // Only after the side effect: a crash before this line delivers the batch again.
            var now = clock.GetUtcNow();
            cursor.Position = batch[^1].Id;
            cursor.UpdatedAt = now;
            cursor.LastRunAt = now;
            cursor.LastError = null;
            cursor.LastErrorAt = null;
            await db.SaveChangesAsync(cancellationToken);
            delivered += relevant.Count;
        }
    }

    private static List<OutboxEvent> UpToGap(List<OutboxEvent> batch, long position, DateTimeOffset settledBefore)
    {
        var expected = position + 1;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Id != expected && batch[i].OccurredAt > settledBefore)
            {
                return batch[..i];
            }

            expected = batch[i].Id + 1;
        }

        return batch;
    }

    // The cursor is read first and deleted before the rebuild, and written after it: everything after that position
    // is replayed later, everything before is in the state the rebuild reads; a crash in between leaves no cursor,
    // so the next round rebuilds again.
    private async Task RebuildCoreAsync(IRebuildingOutboxConsumer consumer, IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var nodeId = NodeOf(consumer);
        var last = await db.Set<OutboxMessage>().MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
        logger.LogInformation("Rebuilding outbox consumer {Consumer} on node {Node} (outbox at {Last})", consumer.Name, nodeId, last);
        await db.Set<OutboxCursor>().Where(c => c.Consumer == consumer.Name && c.Node == nodeId).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await consumer.RebuildAsync(services, progress, cancellationToken);
        var now = clock.GetUtcNow();
        db.Add(new OutboxCursor { Consumer = consumer.Name, Node = nodeId, Position = last, UpdatedAt = now, LastRunAt = now });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordErrorAsync(IOutboxConsumer consumer, Exception exception)
    {
        var now = clock.GetUtcNow();
        var message = Truncate(exception.Message);
        errors[consumer.Name] = (now, message);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var nodeId = NodeOf(consumer);
            await db.Set<OutboxCursor>().Where(c => c.Consumer == consumer.Name && c.Node == nodeId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastError, message).SetProperty(c => c.LastErrorAt, now));
        }
        catch (Exception recording) when (recording is not OutOfMemoryException)
        {
            // The database itself may be what failed; the error stays in memory for the jobs page.
            logger.LogDebug(recording, "Could not record the error of outbox consumer {Consumer}", consumer.Name);
        }
    }

    internal static string Truncate(string message) => message.Length <= 2000 ? message : message[..2000];
}

// Delivers to every registered consumer every Outbox:PollMilliseconds (default Search:PollMilliseconds, else 250),
// or at once when asked ("run now"). A failed delivery is logged and retried on the next round.
internal sealed class OutboxDispatchService(IEnumerable<IOutboxConsumer> consumers, OutboxDispatcher dispatcher, Leases leases, NodeIdentity node, IConfiguration configuration, ILogger<OutboxDispatchService> logger) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);

    public void Wake() => wake.Release();

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var consumer in consumers.Where(c => !c.PerNode))
        {
            try
            {
                await leases.ReleaseAsync(OutboxDispatcher.LeaseName(consumer), node.Holder, cancellationToken);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Could not release the lease of {Consumer}; it expires by itself", consumer.Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Outbox:PollMilliseconds", configuration.GetValue("Search:PollMilliseconds", 250)));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var consumer in consumers)
            {
                try
                {
                    await dispatcher.DispatchAsync(consumer, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogWarning(exception, "Outbox consumer {Consumer} failed; retrying", consumer.Name);
                }
            }

            try
            {
                await wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
