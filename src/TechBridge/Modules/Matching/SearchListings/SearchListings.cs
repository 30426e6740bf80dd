using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.Indexing;
using TechBridge.Platform.Input;
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

// What a result card shows besides title and snippet: who offers it (null for an anonymous demand) and where,
// the price (offering, achievement) or budget (demand) in fen, the voucher badge, sector and field codes.
internal sealed record SearchResultItem(
    Guid Id,
    string Kind,
    string TitleHtml,
    string? SnippetHtml,
    double Score,
    DateTimeOffset? PublishedAt,
    Guid? OrganizationId,
    IReadOnlyList<string> MatchedTerms,
    string Url,
    string? OrganizationName = null,
    string? RegionCode = null,
    long? PriceFen = null,
    long? BudgetMinFen = null,
    long? BudgetMaxFen = null,
    bool AcceptsVouchers = false,
    IReadOnlyList<string>? SectorCodes = null,
    string? FieldCode = null);

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

internal sealed class SearchListingsHandler(ISearchIndex index, SearchVocabulary vocabulary, IOrganizationSearchSource organizations)
{
    // Words that say nothing about a subject: a query made only of these (and of the index's function words) finds
    // nothing rather than every text that happens to contain them (存在 matched 63 papers).
    private static readonly HashSet<string> EmptyWords = new(StringComparer.Ordinal)
    {
        "存在", "具有", "进行", "采用", "通过", "实现", "提供", "包括", "使用", "利用", "可以", "能够", "一种", "一个", "这个",
        "那个", "这些", "那些", "我们", "他们", "本文", "有关", "关于", "以及", "如果", "因为", "所以", "但是", "然后", "什么",
        "怎么", "哪些", "没有", "不是", "就是", "还是", "已经", "非常", "一些", "所有", "其他", "相关", "问题",
    };

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

        if (OnlyEmptyWords(text))
        {
            return new SearchResponse(text, 0, page, pageSize, sort, false, [], []);
        }

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

        var shown = ordered.Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToList();
        if (byDate && shown.Count > 0)
        {
            // Highlighting costs a stored read and an analysis per hit: only the shown page gets it.
            shown = await HighlightAsync(text, shown, cancellationToken);
        }

        var owners = shown.Select(Owner).OfType<Guid>().Distinct().ToList();
        var facts = owners.Count == 0 ? new Dictionary<Guid, SearchableOrganization>() : await organizations.FindManyAsync(owners, cancellationToken);
        var items = shown.Select(h => ToItem(h, facts)).ToList();
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

    // True when the text has words and every one of them is a function word or says nothing about a subject.
    internal static bool OnlyEmptyWords(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var words = ChineseSegmenter.Instance.Cut(normalized, searchMode: false).Where(w => TextNormalizer.IsIndexable(w)).ToList();
        var stop = StopWordList.Load();
        return words.Count > 0 && words.All(w => stop.Contains(w) || EmptyWords.Contains(w));
    }

    private static Guid? Owner(SearchHit hit) =>
        hit.Filters.TryGetValue(SearchFields.Owner, out var owners) && owners.Count > 0 && Guid.TryParse(owners[0], out var o) ? o : null;

    private static SearchResultItem ToItem(SearchHit hit, IReadOnlyDictionary<Guid, SearchableOrganization> facts)
    {
        var id = Guid.Parse(hit.Id);
        var owner = Owner(hit);
        var organization = owner is { } ownerId ? facts.GetValueOrDefault(ownerId) : null;
        var url = hit.Kind == SearchableKinds.Organization ? SearchDocuments.OrganizationUrl(id) : $"/Listings/Detail?kind={hit.Kind}&id={id}";
        var regions = hit.Filters.GetValueOrDefault(SearchFields.Region) ?? [];
        // The most specific region of the listing (regions are indexed with their ancestors), else the owner's.
        var region = regions.Where(r => r.All(char.IsAsciiDigit)).OrderByDescending(r => r.Length).FirstOrDefault() ?? organization?.RegionCode;
        return new SearchResultItem(id, hit.Kind, SearchDocuments.TitleHtml(hit), hit.TextHighlight,
            Math.Round(hit.Score, 4), SearchDocuments.PublishedAt(hit), owner, hit.MatchedTerms, url,
            hit.Kind == SearchableKinds.Organization ? null : organization?.LegalName,
            region,
            Number(hit, SearchFields.Price), Number(hit, SearchFields.BudgetMin), Number(hit, SearchFields.BudgetMax),
            (hit.Filters.GetValueOrDefault(SearchFields.Voucher) ?? []).Contains("yes"),
            hit.Filters.GetValueOrDefault(SearchFields.Sector) ?? [],
            hit.Filters.TryGetValue(SearchFields.Field, out var fields) && fields.Count > 0 ? fields[0] : null);
    }

    private static long? Number(SearchHit hit, string name) =>
        hit.Filters.TryGetValue(name, out var values) && values.Count > 0 && long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

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
