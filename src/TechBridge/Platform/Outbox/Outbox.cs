using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TechBridge.Platform.Outbox;

// An event contract: a record in the owning module's Contracts folder, stored as JSON under a stable type name
// (renaming the record must not orphan stored events, so the name is written out, never taken from the type).
internal interface IOutboxEvent
{
    static abstract string EventType { get; }
}

internal static class OutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Adds the event to the context's unit of work: it commits with the change it announces, or not at all.
    public static void Announce<TEvent>(this DbContext db, TEvent @event, DateTimeOffset occurredAt)
        where TEvent : IOutboxEvent =>
        db.Add(new OutboxMessage { EventType = TEvent.EventType, Payload = JsonSerializer.Serialize(@event, Json), OccurredAt = occurredAt });
}

// An event as a consumer receives it.
internal sealed record OutboxEvent(long Id, string EventType, string Payload, DateTimeOffset OccurredAt)
{
    public bool Is<TEvent>()
        where TEvent : IOutboxEvent => EventType == TEvent.EventType;

    public TEvent As<TEvent>()
        where TEvent : IOutboxEvent =>
        JsonSerializer.Deserialize<TEvent>(Payload, OutboxWriter.Json) ?? throw new InvalidOperationException($"Outbox event {Id} has an empty payload.");
}

// A module that announces changes by looking at what a unit of work is about to save (rather than at every place
// that changes it) registers one of these: it sees the tracked entries before the save and announces through
// OutboxWriter, so the events commit in the same transaction.
internal interface IOutboxSource
{
    void BeforeSave(DbContext db, IReadOnlyList<EntityEntry> changes, DateTimeOffset now);
}

internal sealed class OutboxSourceInterceptor(IEnumerable<IOutboxSource> sources, TimeProvider clock) : SaveAddingInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Announce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Announce(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not OutboxMessage)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var before = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var source in sources)
        {
            source.BeforeSave(db, changes, now);
        }

        Added(db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).Where(m => !before.Contains(m)).ToList());
    }
}
