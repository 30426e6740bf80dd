using Microsoft.Extensions.Options;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Matching.Indexing;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.MatchListings;

internal sealed record SignalContribution(string Signal, decimal Weight, decimal Value, decimal Contribution, string Detail);

internal sealed record MatchItem(
    Guid Id,
    string Kind,
    string TitleHtml,
    decimal Score,
    IReadOnlyList<string> MatchedTerms,
    IReadOnlyList<SignalContribution> Contributions,
    Guid? OrganizationId,
    string Url);

internal sealed record MatchResponse(Guid SourceId, string SourceKind, IReadOnlyList<MatchItem> Matches);

// For a demand: offerings, achievements and institutions; for an achievement: demands and enterprises; for an
// offering: demands. Candidates come from the text engine; structured signals re-rank them, and every contribution
// is reported so that the score is its own explanation (contributions are rounded first, then summed: exact).
internal sealed class MatchListingsHandler(
    ISearchIndex index,
    IListingSearchSource listings,
    IOrganizationSearchSource organizations,
    IProviderRatings ratings,
    IOptionsMonitor<MatchingWeights> weightsMonitor)
{
    public const int CandidatesPerKind = 30;
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(1);

    private static readonly string[] Institutions = [SearchFields.TypeName(OrganizationType.ServiceInstitution), SearchFields.TypeName(OrganizationType.UniversityOrInstitute)];
    private static readonly string[] Enterprises = [SearchFields.TypeName(OrganizationType.Enterprise)];

    public async Task<MatchResponse> MatchAsync(string kind, Guid id, int top, CancellationToken cancellationToken)
    {
        if (top is < 1 or > 100)
        {
            throw InvalidRequestException.For("top", "range", "top is 1 to 100.", new Dictionary<string, object> { ["min"] = 1, ["max"] = 100 });
        }

        var source = (await listings.PublishedAsync([id], cancellationToken)).FirstOrDefault(l => l.Kind == kind)
            ?? throw new NotFoundException("published listing");
        var weights = weightsMonitor.CurrentValue;
        var (listingKinds, organizationTypes) = kind switch
        {
            SearchableKinds.Demand => ((string[])[SearchableKinds.Offering, SearchableKinds.Achievement], Institutions),
            SearchableKinds.Achievement => ([SearchableKinds.Demand], Enterprises),
            _ => ([SearchableKinds.Demand], (string[])[]),
        };

        var text = QueryText(source);
        // One scale for all listing kinds: each kind is searched on its own (so that each gets its candidates), but
        // relevance is relative to the best hit of any kind. Normalising each kind on its own gave the best of a kind
        // with no good hit (an aircraft paper for a machine-tool demand) the same full text score as a fitting service.
        var hits = new List<SearchResults>();
        foreach (var target in listingKinds)
        {
            hits.Add(await FindAsync(text, source.Title, target, null, cancellationToken));
        }

        var candidates = Normalised(hits.SelectMany(h => h.Hits).ToList()).ToList();

        if (organizationTypes.Length > 0)
        {
            var bestListing = hits.SelectMany(h => h.Hits).Select(h => h.Score).DefaultIfEmpty(0f).Max();
            candidates.AddRange(await OrganizationCandidatesAsync(text, source, candidates, bestListing, organizationTypes, cancellationToken));
        }

        candidates.RemoveAll(c => c.Id == source.Id || (c.OwnerId is { } owner && owner == source.OwnerOrganizationId));

        var owners = candidates.Select(c => c.OwnerId).Append(source.OwnerOrganizationId).OfType<Guid>().Distinct().ToList();
        var facts = await organizations.FindManyAsync(owners, cancellationToken);
        var sourceRegions = Regions(source.RegionCodes, source.OwnerOrganizationId, facts);
        var rated = await ratings.ForAsync(owners, cancellationToken);
        var matches = candidates
            .Select(c => Score(source, sourceRegions, c, facts, rated, weights))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Id)
            .Take(top)
            .ToList();
        return new MatchResponse(source.Id, source.Kind, matches);
    }

    // Title and keywords plus the start of the text: enough words to find neighbours, within the engine's term cap.
    private static string QueryText(SearchableListing source)
    {
        var start = source.Text.Length > 120 ? source.Text[..120] : source.Text;
        return $"{source.Title} {source.Keywords} {start}";
    }

    private async Task<SearchResults> FindAsync(string text, string fallback, string kind, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters, CancellationToken cancellationToken)
    {
        try
        {
            return await index.SearchAsync(new SearchRequest(text, [kind], filters, Top: CandidatesPerKind, Highlight: true, TimeLimit: TimeLimit), cancellationToken);
        }
        catch (InvalidRequestException)
        {
            return await index.SearchAsync(new SearchRequest(fallback, [kind], filters, Top: CandidatesPerKind, Highlight: true, TimeLimit: TimeLimit), cancellationToken);
        }
    }

    // Relevance relative to the best hit of the same search: 1 for the best, proportionally less for the rest.
    private static IEnumerable<Candidate> Normalised(SearchResults results) => Normalised(results.Hits);

    private static IEnumerable<Candidate> Normalised(IReadOnlyList<SearchHit> hits)
    {
        var best = hits.Count == 0 ? 0f : hits.Max(h => h.Score);
        return hits.Select(h => new Candidate(h, best > 0 ? Math.Round((decimal)(h.Score / best), 4) : 0m));
    }

    // Organizations named by the text itself, and the owners of matching listings (an institution whose offerings
    // match the demand is a match for it), each with the best relevance found for it.
    private async Task<IEnumerable<Candidate>> OrganizationCandidatesAsync(string text, SearchableListing source, List<Candidate> listingCandidates, float bestListing, string[] types, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>> { [SearchFields.OrganizationType] = types };
        // A name found by the text is measured on the listings' scale (and never above their best): an institution
        // whose name merely shares a word with the demand (…预防控制所 for a 控制 demand) is not the best match.
        var named = await FindAsync(text, source.Title, SearchableKinds.Organization, filters, cancellationToken);
        var scale = bestListing > 0 ? bestListing : named.Hits.Select(h => h.Score).DefaultIfEmpty(0f).Max();
        var direct = named.Hits.Select(h => new Candidate(h, scale > 0 ? Math.Min(1m, Math.Round((decimal)(h.Score / scale), 4)) : 0m)).ToList();
        var viaListings = listingCandidates.Where(c => c.OwnerId is not null)
            .GroupBy(c => c.OwnerId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(c => c.Relevance));
        // Owners not found by text come from the Directory (the index may not hold them yet: organizations are
        // refreshed periodically).
        var missing = viaListings.Keys.Where(k => direct.All(d => d.Id != k)).ToList();
        var facts = missing.Count == 0 ? new Dictionary<Guid, SearchableOrganization>() : await organizations.FindManyAsync(missing, cancellationToken);
        var found = facts.Values
            .Where(o => o.IsVerified && types.Contains(SearchFields.TypeName(o.Type)))
            .Select(o => SearchDocuments.From(o))
            .Select(d => new SearchHit(d.Id, d.Kind, 0f, null, null, [], d.Filters!.ToDictionary(f => f.Key, f => f.Value)));
        return direct
            .Select(d => d with { Relevance = Math.Max(d.Relevance, viaListings.GetValueOrDefault(d.Id)) })
            .Concat(found.Select(h => new Candidate(h, viaListings.GetValueOrDefault(Guid.Parse(h.Id)))));
    }

    private static List<string> Regions(IEnumerable<string> own, Guid? ownerId, IReadOnlyDictionary<Guid, SearchableOrganization> facts)
    {
        var regions = own.ToList();
        if (ownerId is { } owner && facts.TryGetValue(owner, out var organization))
        {
            regions.Add(organization.RegionCode);
            regions.AddRange(organization.BranchRegionCodes);
        }

        return regions;
    }

    private static MatchItem Score(SearchableListing source, List<string> sourceRegions, Candidate candidate,
        IReadOnlyDictionary<Guid, SearchableOrganization> facts, IReadOnlyDictionary<Guid, RatingSummary> rated, MatchingWeights weights)
    {
        var hit = candidate.Hit;
        var provider = candidate.OwnerId is { } ownerId ? facts.GetValueOrDefault(ownerId) : null;
        var contributions = new List<SignalContribution>
        {
            Signal("text", weights.Text, candidate.Relevance, hit.MatchedTerms.Count == 0 ? "" : string.Join(" ", hit.MatchedTerms)),
        };

        var field = One(hit, SearchFields.Field);
        contributions.Add(Signal("field", weights.Field, source.TechnologyFieldCode is not null && field == source.TechnologyFieldCode ? 1m : 0m, field ?? ""));
        var sectors = All(hit, SearchFields.Sector);
        contributions.Add(Signal("sector", weights.Sector, source.SectorCode is not null && sectors.Contains(source.SectorCode) ? 1m : 0m, string.Join(" ", sectors)));
        var industry = One(hit, SearchFields.Industry) ?? provider?.IndustryCode;
        contributions.Add(Signal("industry", weights.Industry, IndustryAgreement(source.IndustryCode, industry), industry ?? ""));

        var candidateRegions = Regions(All(hit, SearchFields.Region), candidate.OwnerId, facts);
        var proximity = RegionCodes.Proximity(sourceRegions, candidateRegions);
        contributions.Add(Signal("region", weights.Region, proximity, proximity switch
        {
            1m => "same county",
            0.75m => "same city",
            0.5m => "same province",
            0.25m => "京津冀",
            _ => "elsewhere",
        }));

        var voucher = hit.Kind == SearchableKinds.Offering ? All(hit, SearchFields.Voucher).Contains("yes") : source.Kind == SearchableKinds.Offering && source.AcceptsVouchers;
        contributions.Add(Signal("voucher", weights.Voucher, voucher ? 1m : 0m, voucher ? "accepts innovation vouchers" : ""));

        // Standing and recognitions describe the provider side: the institution or the achievement's holder.
        var providerSide = hit.Kind != SearchableKinds.Demand && !(hit.Kind == SearchableKinds.Organization && source.Kind == SearchableKinds.Achievement);
        contributions.Add(Signal("standing", weights.Standing, providerSide && provider is { IsVerified: true } ? 1m : 0m, providerSide && provider is { IsVerified: true } ? "verified" : ""));
        var recognitions = provider?.RecognitionKinds ?? [];
        contributions.Add(Signal("recognitions", weights.Recognitions, Math.Min(1m, Math.Round(recognitions.Count / 3m, 4)), string.Join(" ", recognitions)));

        var trl = source.Trl ?? (long.TryParse(One(hit, SearchFields.Trl), out var t) ? (int)t : (int?)null);
        contributions.Add(Signal("trl", weights.Trl, trl is { } level ? Math.Round(level / 9m, 4) : 0m, trl?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));

        var (budgetValue, budgetDetail) = Budget(source, hit);
        contributions.Add(Signal("budget", weights.Budget, budgetValue, budgetDetail));
        // Clients' ratings of the provider side after accepted orders: the average out of five.
        var rating = providerSide && candidate.OwnerId is { } rater ? rated.GetValueOrDefault(rater) : null;
        contributions.Add(Signal("rating", weights.Rating, rating is null ? 0m : Math.Round((decimal)rating.Average / 5m, 4),
            rating is null ? "" : rating.Average.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)));

        var id = Guid.Parse(hit.Id);
        var url = hit.Kind == SearchableKinds.Organization ? SearchDocuments.OrganizationUrl(id) : $"/Listings/Detail?kind={hit.Kind}&id={id}";
        var title = SearchDocuments.TitleHtml(hit);
        return new MatchItem(id, hit.Kind, title, contributions.Sum(c => c.Contribution), hit.MatchedTerms, contributions, candidate.OwnerId, url);
    }

    private static SignalContribution Signal(string name, decimal weight, decimal value, string detail) =>
        new(name, weight, value, Math.Round(weight * value, 4, MidpointRounding.AwayFromZero), detail);

    private static decimal IndustryAgreement(string? a, string? b)
    {
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return 0m;
        }

        if (a == b)
        {
            return 1m;
        }

        return a[0] == b[0] ? 0.5m : 0m;
    }

    // The demand's budget against the other side's price: within (or below) 1, negotiable 0.5, above: less the
    // further above; no budget at all: 0.5.
    private static (decimal Value, string Detail) Budget(SearchableListing source, SearchHit hit)
    {
        long? min, max, price;
        if (source.Kind == SearchableKinds.Demand)
        {
            (min, max) = (source.BudgetMinFen, source.BudgetMaxFen);
            price = Number(hit, SearchFields.Price);
            if (hit.Kind == SearchableKinds.Organization)
            {
                return (0m, "");
            }
        }
        else
        {
            (min, max) = (Number(hit, SearchFields.BudgetMin), Number(hit, SearchFields.BudgetMax));
            price = source.PriceFen;
            if (hit.Kind != SearchableKinds.Demand)
            {
                return (0m, "");
            }
        }

        if (price is not { } p || (min is null && max is null))
        {
            return (0.5m, "negotiable");
        }

        if (max is not { } upper || p <= upper)
        {
            return (1m, "within budget");
        }

        var over = upper == 0 ? 1m : Math.Min(1m, (decimal)(p - upper) / upper);
        return (Math.Round(1m - over, 4), "above budget");
    }

    private static string? One(SearchHit hit, string name) => hit.Filters.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static IReadOnlyList<string> All(SearchHit hit, string name) => hit.Filters.GetValueOrDefault(name) ?? [];

    private static long? Number(SearchHit hit, string name) => long.TryParse(One(hit, name), out var n) ? n : null;

    private sealed record Candidate(SearchHit Hit, decimal Relevance)
    {
        public Guid Id { get; } = Guid.Parse(Hit.Id);

        // The organization behind the candidate: the owner of a listing, or the organization itself.
        public Guid? OwnerId { get; } = Guid.TryParse(One(Hit, SearchFields.Owner), out var owner) ? owner : null;
    }
}

internal static class MatchEndpoints
{
    public static IEndpointRouteBuilder MapMatchListings(this IEndpointRouteBuilder app)
    {
        foreach (var (plural, kind, name) in new[]
                 {
                     ("demands", SearchableKinds.Demand, "DemandMatches"),
                     ("achievements", SearchableKinds.Achievement, "AchievementMatches"),
                     ("offerings", SearchableKinds.Offering, "OfferingMatches"),
                 })
        {
            app.MapGet($"/api/v1/{plural}/{{id:guid}}/matches", async (Guid id, int? top, MatchListingsHandler matcher, CancellationToken ct) =>
                    TypedResults.Ok(await matcher.MatchAsync(kind, id, top ?? 20, ct)))
                .WithTags("Matching").WithName(name)
                .WithSummary($"Ranked matches for a published {kind}, each with its matched terms and every signal's contribution.")
                .RequireRateLimiting(RateLimits.Search)
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status429TooManyRequests);
        }

        return app;
    }
}
