using System.Runtime.CompilerServices;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.ManageVocabulary;
using TechBridge.Platform.Outbox;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.Indexing;

// Keeps this node's on-disk index in step with the database: a per-node consumer of the platform outbox (its cursor
// is keyed by this node), applying ListingChanged and OrganizationChanged by reading the current public state, and
// rebuilding everything when the node has no cursor yet or its index was lost while the cursor remained.
internal sealed class SearchIndexer(ISearchIndex index, OutboxDispatcher dispatcher) : IRebuildingOutboxConsumer
{
    private const int BatchSize = 500;

    public string Name => "matching.search-index";

    public string Title => "Search index";

    public bool PerNode => true;

    public IReadOnlyCollection<string> EventTypes { get; } = [ListingChanged.EventType, OrganizationChanged.EventType];

    public bool NeedsRebuild(long? position) => position is null || (index.Count == 0 && position > 0);

    // Drops the index and indexes all published listings and verified organizations again (the `index rebuild` verb).
    public Task RebuildAsync(IProgress<string>? progress, CancellationToken cancellationToken) =>
        dispatcher.RebuildAsync(this, progress, cancellationToken);

    public async Task HandleAsync(IReadOnlyList<OutboxEvent> events, IServiceProvider services, CancellationToken cancellationToken)
    {
        var listingIds = events.Where(e => e.Is<ListingChanged>()).Select(e => e.As<ListingChanged>().ListingId).Distinct().ToList();
        var organizationIds = events.Where(e => e.Is<OrganizationChanged>()).Select(e => e.As<OrganizationChanged>().OrganizationId).Distinct().ToList();
        if (organizationIds.Count > 0)
        {
            // An organization's change (its suspension or reinstatement) may take its listings out of search or back.
            var owned = await services.GetRequiredService<IListingSearchSource>().ListingIdsOfAsync(organizationIds, cancellationToken);
            listingIds = listingIds.Union(owned).ToList();
        }

        var documents = new List<SearchDocument>();
        var gone = new List<string>();
        if (listingIds.Count > 0)
        {
            var published = await services.GetRequiredService<IListingSearchSource>().PublishedAsync(listingIds, cancellationToken);
            documents.AddRange(published.Select(SearchDocuments.From));
            gone.AddRange(listingIds.Except(published.Select(p => p.Id)).Select(id => id.ToString()));
        }

        if (organizationIds.Count > 0)
        {
            var found = await services.GetRequiredService<IOrganizationSearchSource>().FindManyAsync(organizationIds, cancellationToken);
            var verified = found.Values.Where(o => o.IsVerified).ToList();
            documents.AddRange(verified.Select(SearchDocuments.From));
            gone.AddRange(organizationIds.Except(verified.Select(o => o.Id)).Select(id => id.ToString()));
        }

        if (documents.Count > 0)
        {
            await index.IndexAsync(documents, cancellationToken);
        }

        if (gone.Count > 0)
        {
            await index.DeleteAsync(gone, cancellationToken);
        }
    }

    public async Task RebuildAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var listings = services.GetRequiredService<IListingSearchSource>();
        var organizations = services.GetRequiredService<IOrganizationSearchSource>();
        var count = await index.ReplaceAllAsync(
            Documents(listings, organizations, cancellationToken),
            progress is null ? null : new Progress<int>(n => progress.Report($"documents: {n:N0}")),
            cancellationToken);
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

        await foreach (var organization in Paged(done => organizations.VerifiedPageAsync(done, BatchSize, cancellationToken), cancellationToken))
        {
            yield return SearchDocuments.From(organization);
        }
    }

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

// Applies the admins' search vocabulary on this node every Search:PollMilliseconds (the node that changed it has
// applied it at once). Per-node, no lease; errors are logged and retried on the next round.
internal sealed class VocabularyFeeder(VocabularySync vocabulary, IConfiguration configuration, ILogger<VocabularyFeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(configuration.GetValue("Search:PollMilliseconds", 250));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await vocabulary.SyncAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogWarning(exception, "Search vocabulary sync failed; retrying");
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
