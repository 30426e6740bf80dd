using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.Indexing;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.SearchListings;

// One query over offerings, demands, achievements and organizations. Every bound is checked here with the field's
// name (the engine checks its own caps too); the text is analysed only, never parsed as Lucene syntax.
internal sealed record SearchQuery(
    string? Q = null,
    string? Kind = null,
    string? Sector = null,
    string? Field = null,
    string? Industry = null,
    string? Region = null,
    long? PriceMinFen = null,
    long? PriceMaxFen = null,
    bool? Voucher = null,
    int? TrlMin = null,
    int? TrlMax = null,
    string? Recognition = null,
    string? Sort = null,
    int? Page = null,
    int? PageSize = null);

internal sealed record SearchResultItem(
    Guid Id,
    string Kind,
    string TitleHtml,
    string? SnippetHtml,
    double Score,
    DateTimeOffset? PublishedAt,
    Guid? OrganizationId,
    IReadOnlyList<string> MatchedTerms,
    string Url);

internal sealed record SearchSuggestion(string Kind, string Text, int? Hits);

internal sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int PageSize,
    string Sort,
    bool TimedOut,
    IReadOnlyList<SearchResultItem> Items,
    IReadOnlyList<SearchSuggestion> Suggestions);

internal sealed class SearchListingsHandler(ISearchIndex index, SearchVocabulary vocabulary)
{
    public const int MaxQueryChars = 500;
    public const int MaxPageSize = 50;
    public const int MaxValuesPerFilter = 20;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(1);

    public async Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var text = query.Q ?? "";
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 10;
        var sort = (query.Sort ?? "relevance").Trim().ToLowerInvariant();
        var rules = new Validation();
        if (text.Length > MaxQueryChars)
        {
            rules.Add("q", "maxLength", $"The search text is at most {MaxQueryChars} characters.", new Dictionary<string, object> { ["max"] = MaxQueryChars });
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            rules.Add("pageSize", "range", $"pageSize is 1 to {MaxPageSize}.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxPageSize });
        }

        if (page < 1 || (long)page * Math.Clamp(pageSize, 1, MaxPageSize) > SearchLimits.MaxTop)
        {
            rules.Add("page", "range", $"Results are shown up to the {SearchLimits.MaxTop}th; page is at least 1.");
        }

        if (sort is not ("relevance" or "date"))
        {
            rules.Add("sort", "oneOf", "sort is relevance or date.");
        }

        if (query.PriceMinFen is < 0 || query.PriceMaxFen is < 0)
        {
            rules.Add("priceMinFen", "nonNegative", "Prices are not negative.");
        }

        if (query.TrlMin is < 1 or > 9 || query.TrlMax is < 1 or > 9)
        {
            rules.Add("trlMin", "range", "TRL is 1 to 9.");
        }

        var kinds = Values(rules, "kind", query.Kind);
        foreach (var kind in kinds.Where(k => !SearchableKinds.Listings.Contains(k) && k != SearchableKinds.Organization))
        {
            rules.Add("kind", "oneOf", $"kind is one of offering, demand, achievement, organization (not '{kind}').");
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        AddFilter(filters, SearchFields.Sector, Values(rules, "sector", query.Sector));
        AddFilter(filters, SearchFields.Field, Values(rules, "field", query.Field));
        AddFilter(filters, SearchFields.Industry, Values(rules, "industry", query.Industry));
        AddFilter(filters, SearchFields.Recognition, Values(rules, "recognition", query.Recognition));
        AddFilter(filters, SearchFields.Region, Values(rules, "region", query.Region).SelectMany(r => RegionFilter.Parse(r)!.IndexTerms).Distinct().ToList());
        if (query.Voucher == true)
        {
            filters[SearchFields.Voucher] = ["yes"];
        }

        var ranges = new Dictionary<string, NumberRange>(StringComparer.Ordinal);
        if (query.PriceMinFen is not null || query.PriceMaxFen is not null)
        {
            ranges[SearchFields.Price] = new NumberRange(query.PriceMinFen, query.PriceMaxFen);
        }

        if (query.TrlMin is not null || query.TrlMax is not null)
        {
            ranges[SearchFields.Trl] = new NumberRange(query.TrlMin, query.TrlMax);
        }

        rules.ThrowIfInvalid();

        // Date order needs every hit's date: take the allowed maximum and order it here.
        var byDate = sort == "date";
        var request = new SearchRequest(text, kinds, filters, ranges,
            Top: byDate ? SearchLimits.MaxTop : page * pageSize, Highlight: !byDate, TimeLimit: TimeLimit, WithFilters: byDate);
        var results = await RunAsync(request, cancellationToken);
        IEnumerable<SearchHit> ordered = results.Hits;
        if (byDate)
        {
            ordered = ordered.OrderByDescending(h => SearchDocuments.PublishedAt(h) ?? DateTimeOffset.MinValue).ThenBy(h => h.Id, StringComparer.Ordinal);
        }

        var shown = ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        if (byDate && shown.Count > 0)
        {
            // Highlighting costs a stored read and an analysis per hit: only the shown page gets it.
            shown = await HighlightAsync(text, shown, cancellationToken);
        }

        var items = shown.Select(ToItem).ToList();
        var suggestions = results.TotalHits == 0 ? await SuggestAsync(text, kinds, filters, ranges, cancellationToken) : [];
        return new SearchResponse(text, results.TotalHits, page, pageSize, sort, results.TimedOut, items, suggestions);
    }

    private async Task<SearchResults> RunAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await index.SearchAsync(request, cancellationToken);
        }
        catch (InvalidRequestException invalid)
        {
            // The engine names its own fields ("text"); the API's parameter is "q".
            throw new InvalidRequestException(invalid.Violations.Select(v => v with { Field = v.Field == "text" ? "q" : v.Field }).ToList());
        }
    }

    private async Task<List<SearchHit>> HighlightAsync(string text, List<SearchHit> hits, CancellationToken cancellationToken)
    {
        var highlighted = await index.SearchAsync(new SearchRequest(text,
            Filters: new Dictionary<string, IReadOnlyList<string>> { [SearchFields.DocumentId] = hits.Select(h => h.Id).ToList() },
            Top: hits.Count, Highlight: true, TimeLimit: TimeLimit), cancellationToken);
        var byId = highlighted.Hits.ToDictionary(h => h.Id, StringComparer.Ordinal);
        return hits.Select(h => byId.TryGetValue(h.Id, out var found) ? found with { Filters = h.Filters } : h).ToList();
    }

    private async Task<IReadOnlyList<SearchSuggestion>> SuggestAsync(string text, List<string> kinds,
        Dictionary<string, IReadOnlyList<string>> filters, Dictionary<string, NumberRange> ranges, CancellationToken cancellationToken)
    {
        var suggestions = new List<SearchSuggestion>();
        if (kinds.Count > 0 || filters.Count > 0 || ranges.Count > 0)
        {
            var unfiltered = await index.SearchAsync(new SearchRequest(text, Top: 1, TimeLimit: TimeLimit), cancellationToken);
            if (unfiltered.TotalHits > 0)
            {
                suggestions.Add(new SearchSuggestion("dropFilters", text, unfiltered.TotalHits));
            }
        }

        // Vocabulary terms that share the most characters with the text (typos, partial words).
        var letters = text.Where(char.IsLetterOrDigit).ToHashSet();
        if (letters.Count > 0)
        {
            foreach (var term in vocabulary.Terms
                         .Select(t => (Term: t, Shared: t.Count(letters.Contains)))
                         .Where(t => t.Shared >= Math.Min(2, letters.Count) && t.Term != text)
                         .OrderByDescending(t => t.Shared).ThenBy(t => t.Term.Length).ThenBy(t => t.Term, StringComparer.Ordinal)
                         .Take(5))
            {
                var hits = await index.SearchAsync(new SearchRequest(term.Term, Top: 1, TimeLimit: TimeLimit), cancellationToken);
                if (hits.TotalHits > 0)
                {
                    suggestions.Add(new SearchSuggestion("term", term.Term, hits.TotalHits));
                }
            }
        }

        return suggestions;
    }

    private static SearchResultItem ToItem(SearchHit hit)
    {
        var id = Guid.Parse(hit.Id);
        Guid? owner = hit.Filters.TryGetValue(SearchFields.Owner, out var owners) && owners.Count > 0 && Guid.TryParse(owners[0], out var o) ? o : null;
        var url = hit.Kind == SearchableKinds.Organization
            ? SearchDocuments.OrganizationUrl(SearchDocuments.PlainTitle(hit))
            : $"/Listings/Detail?kind={hit.Kind}&id={id}";
        return new SearchResultItem(id, hit.Kind, SearchDocuments.TitleHtml(hit), hit.TextHighlight,
            Math.Round(hit.Score, 4), SearchDocuments.PublishedAt(hit), owner, hit.MatchedTerms, url);
    }

    private static List<string> Values(Validation rules, string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        var values = raw.Split([',', '|', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (values.Count > MaxValuesPerFilter)
        {
            rules.Add(field, "maxCount", $"At most {MaxValuesPerFilter} values.", new Dictionary<string, object> { ["max"] = MaxValuesPerFilter });
        }

        if (values.Any(v => v.Length > 64))
        {
            rules.Add(field, "maxLength", "Each value is at most 64 characters.", new Dictionary<string, object> { ["max"] = 64 });
        }

        return values;
    }

    private static void AddFilter(Dictionary<string, IReadOnlyList<string>> filters, string name, List<string> values)
    {
        if (values.Count > 0)
        {
            filters[name] = values;
        }
    }

    public static string Format(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);
}

internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchListings(this RouteGroupBuilder group)
    {
        group.MapGet("/", async ([AsParameters] SearchQuery query, SearchListingsHandler search, CancellationToken ct) =>
                TypedResults.Ok(await search.SearchAsync(query, ct)))
            .WithName("Search")
            .WithSummary("Searches offerings, demands, achievements and organizations with filters, highlighting and paging.")
            .RequireRateLimiting(RateLimits.Search)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }
}
