namespace TechBridge.Platform.Search;

// The platform's full-text index, behind an interface so that a cluster deployment can put another engine behind it
// (DESIGN.md §3). Documents are derived data: the database stays the source of truth and the index is rebuildable.
internal interface ISearchIndex : IDisposable
{
    // Adds or replaces documents by id (and commits: on return they survive a crash).
    Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken cancellationToken = default);

    Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);

    // Replaces the whole index with the documents (a rebuild): searches see the previous index until the new one is
    // complete and committed. Returns the number of documents indexed.
    Task<int> ReplaceAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<int>? progress = null, CancellationToken cancellationToken = default);

    // Throws InvalidRequestException (field and rule) for a request over the caps in SearchLimits.
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    int Count { get; }
}

// Filters are exact-match values (sector codes, region codes, voucher=yes); Numbers are ranged filters (price, TRL).
internal sealed record SearchDocument(
    string Id,
    string Kind,
    string Text,
    string? Title = null,
    string? Keywords = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null,
    IReadOnlyDictionary<string, long>? Numbers = null);

internal sealed record NumberRange(long? Min, long? Max);

// Each filter field matches any of its values; all filter fields must match. WithFilters returns each hit's stored
// filter values (costs a stored-document read per hit; highlighting implies it).
internal sealed record SearchRequest(
    string Text,
    IReadOnlyList<string>? Kinds = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null,
    IReadOnlyDictionary<string, NumberRange>? Ranges = null,
    int Top = 10,
    bool Highlight = false,
    TimeSpan? TimeLimit = null,
    bool WithFilters = false);

internal sealed record SearchHit(
    string Id,
    string Kind,
    float Score,
    string? TitleHighlight,
    string? TextHighlight,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters);

// TimedOut: the collector's time limit cut the search short; the hits are the best found until then.
internal sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int TotalHits, bool TimedOut, IReadOnlyList<string> QueryTerms);
