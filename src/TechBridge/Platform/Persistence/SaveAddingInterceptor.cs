using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TechBridge.Platform.Persistence;

// An interceptor that adds entities to the unit of work while it is being saved (audit records, announced events).
// When the save fails nothing committed, yet the tracker keeps every added entity, so a caller may save the same unit
// again (after a deadlock, say): the additions of the failed attempt are taken back here, or they would be saved twice.
internal abstract class SaveAddingInterceptor : SaveChangesInterceptor
{
    private readonly List<object> added = [];

    protected void Added(IEnumerable<object> entities) => added.AddRange(entities);

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => TakeBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => TakeBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        TakeBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        added.Clear();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        added.Clear();
        return ValueTask.FromResult(result);
    }

    private void TakeBack(DbContext? context)
    {
        foreach (var entity in added)
        {
            if (context?.Entry(entity) is { State: EntityState.Added } entry)
            {
                entry.State = EntityState.Detached;
            }
        }

        added.Clear();
    }
}
