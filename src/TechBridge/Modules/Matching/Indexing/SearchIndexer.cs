using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.Data;
using TechBridge.Modules.Matching.ManageVocabulary;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.Indexing;

// Keeps this node's on-disk index in step with the database: replays Listings_Outbox after the node's cursor, and
// rebuilds everything when the node has no cursor yet or its index was lost. One pass at a time per process.
internal sealed class SearchIndexer(IServiceScopeFactory scopes, ISearchIndex index, TimeProvider clock, IConfiguration configuration, ILogger<SearchIndexer> logger) : IDisposable
{
    private const int BatchSize = 500;
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public string NodeId => configuration["Search:NodeId"] is { Length: > 0 } node ? node : Environment.MachineName;

    // Indexes every change after the cursor (rebuilding first when needed); returns the number of changes applied.
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var listings = scope.ServiceProvider.GetRequiredService<IListingSearchSource>();
            var cursor = await db.Set<IndexCursor>().FirstOrDefaultAsync(c => c.NodeId == NodeId, cancellationToken);
            if (cursor is null || (index.Count == 0 && cursor.LastChangeId > 0))
            {
                await RebuildCoreAsync(scope.ServiceProvider, null, cancellationToken);
                return 0;
            }

            var applied = 0;
            while (true)
            {
                var changes = await listings.ChangesAfterAsync(cursor.LastChangeId, BatchSize, cancellationToken);
                if (changes.Count == 0)
                {
                    return applied;
                }

                var ids = changes.Select(c => c.ListingId).Distinct().ToList();
                var published = await listings.PublishedAsync(ids, cancellationToken);
                var gone = ids.Except(published.Select(p => p.Id)).Select(id => id.ToString()).ToList();
                if (published.Count > 0)
                {
                    await index.IndexAsync(published.Select(SearchDocuments.From).ToList(), cancellationToken);
                }

                if (gone.Count > 0)
                {
                    await index.DeleteAsync(gone, cancellationToken);
                }

                // Only after the index committed: a crash before this line replays the batch.
                cursor.LastChangeId = changes[^1].ChangeId;
                cursor.UpdatedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                applied += changes.Count;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    // Drops the index and indexes all published listings and verified organizations again.
    public async Task RebuildAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RebuildCoreAsync(scope.ServiceProvider, progress, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    // Re-indexes verified organizations (their profile has no outbox; they change rarely).
    public async Task<int> RefreshOrganizationsAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var organizations = scope.ServiceProvider.GetRequiredService<IOrganizationSearchSource>();
            var total = 0;
            await foreach (var batch in OrganizationDocuments(organizations, cancellationToken).Chunk(BatchSize).WithCancellation(cancellationToken))
            {
                await index.IndexAsync(batch, cancellationToken);
                total += batch.Length;
            }

            return total;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RebuildCoreAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PlatformDbContext>();
        var listings = services.GetRequiredService<IListingSearchSource>();
        var organizations = services.GetRequiredService<IOrganizationSearchSource>();

        // Read the outbox position first: everything after it is replayed later, everything before is in the state
        // read below. The cursor goes first: a crash during the rebuild leaves none, so the next start rebuilds.
        var last = await listings.LastChangeIdAsync(cancellationToken);
        logger.LogInformation("Rebuilding the search index of node {Node} (outbox at {Last})", NodeId, last);
        await db.Set<IndexCursor>().Where(c => c.NodeId == NodeId).ExecuteDeleteAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var count = await index.ReplaceAllAsync(
            Documents(listings, organizations, cancellationToken),
            progress is null ? null : new Progress<int>(n => progress.Report($"documents: {n:N0}")),
            cancellationToken);

        db.Add(new IndexCursor { NodeId = NodeId, LastChangeId = last, UpdatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"index rebuilt: {count:N0} documents");
    }

    // Every published listing and verified organization, read page by page.
    private static async IAsyncEnumerable<SearchDocument> Documents(IListingSearchSource listings, IOrganizationSearchSource organizations, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var kind in SearchableKinds.Listings)
        {
            await foreach (var listing in Paged(done => listings.PublishedPageAsync(kind, done, BatchSize, cancellationToken), cancellationToken))
            {
                yield return SearchDocuments.From(listing);
            }
        }

        await foreach (var organization in OrganizationDocuments(organizations, cancellationToken))
        {
            yield return organization;
        }
    }

    private static IAsyncEnumerable<SearchDocument> OrganizationDocuments(IOrganizationSearchSource organizations, CancellationToken cancellationToken) =>
        Paged(done => organizations.VerifiedPageAsync(done, BatchSize, cancellationToken), cancellationToken).Select(SearchDocuments.From);

    // Pages read one after another (by offset) until one comes back empty.
    private static async IAsyncEnumerable<T> Paged<T>(Func<int, Task<IReadOnlyList<T>>> page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var done = 0; ; )
        {
            cancellationToken.ThrowIfCancellationRequested();
            var items = await page(done);
            if (items.Count == 0)
            {
                yield break;
            }

            foreach (var item in items)
            {
                yield return item;
            }

            done += items.Count;
        }
    }
}

// The per-node loop: catch up with the outbox every poll interval, refresh organizations and the admin vocabulary
// now and then. Errors are logged and retried on the next round (the cursor makes retries safe).
internal sealed class SearchIndexFeeder(SearchIndexer indexer, VocabularySync vocabulary, IConfiguration configuration, TimeProvider clock, ILogger<SearchIndexFeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Search:PollMilliseconds", 250));
        var organizationsEvery = TimeSpan.FromSeconds(configuration.GetValue("Search:OrganizationRefreshSeconds", 60));
        var lastOrganizations = clock.GetTimestamp();
        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await vocabulary.SyncAsync(stoppingToken);
                await indexer.CatchUpAsync(stoppingToken);
                if (first || clock.GetElapsedTime(lastOrganizations) > organizationsEvery)
                {
                    await indexer.RefreshOrganizationsAsync(stoppingToken);
                    lastOrganizations = clock.GetTimestamp();
                    first = false;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogWarning(exception, "Search indexing round failed; retrying");
            }

            try
            {
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
