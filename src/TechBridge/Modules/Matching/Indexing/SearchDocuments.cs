using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.Indexing;

// Names of the index's filter and number fields, and how listings and organizations become search documents.
internal static class SearchFields
{
    // The document's own id as a filter, to fetch given documents again (highlighting a page ordered by date).
    public const string DocumentId = "doc";

    // The plain title, kept with the filters so that a hit whose title did not match still shows it.
    public const string DisplayTitle = "title";
    public const string Sector = "sector";
    public const string Field = "field";
    public const string Industry = "industry";
    public const string Region = "region";
    public const string Voucher = "voucher";
    public const string Owner = "owner";
    public const string OrganizationType = "orgType";
    public const string Recognition = "recognition";
    public const string Price = "price";
    public const string BudgetMin = "budgetMin";
    public const string BudgetMax = "budgetMax";
    public const string Trl = "trl";
    public const string Published = "published";

    public static string TypeName(OrganizationType type) => type.ToString().ToLowerInvariant();
}

internal static class SearchDocuments
{
    public static SearchDocument From(SearchableListing listing)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        Put(filters, SearchFields.DocumentId, listing.Id.ToString());
        Put(filters, SearchFields.DisplayTitle, Cap(listing.Title, SearchLimits.MaxTitleChars));
        Put(filters, SearchFields.Sector, listing.SectorCode);
        Put(filters, SearchFields.Field, listing.TechnologyFieldCode);
        Put(filters, SearchFields.Industry, listing.IndustryCode);
        filters[SearchFields.Region] = listing.RegionCodes.SelectMany(RegionCodes.WithAncestors).Distinct(StringComparer.Ordinal).ToList();
        Put(filters, SearchFields.Voucher, listing.AcceptsVouchers ? "yes" : null);
        Put(filters, SearchFields.Owner, listing.OwnerOrganizationId?.ToString());
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [SearchFields.Published] = listing.PublishedAt.ToUnixTimeMilliseconds(),
        };
        PutNumber(numbers, SearchFields.Price, listing.PriceFen);
        PutNumber(numbers, SearchFields.BudgetMin, listing.BudgetMinFen);
        PutNumber(numbers, SearchFields.BudgetMax, listing.BudgetMaxFen);
        PutNumber(numbers, SearchFields.Trl, listing.Trl);
        return new SearchDocument(listing.Id.ToString(), listing.Kind, Cap(listing.Text, SearchLimits.MaxDocumentTextChars),
            Cap(listing.Title, SearchLimits.MaxTitleChars), Cap(listing.Keywords, SearchLimits.MaxKeywordsChars), filters, numbers);
    }

    public static SearchDocument From(SearchableOrganization organization)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [SearchFields.Sector] = organization.Sectors.ToList(),
            [SearchFields.Region] = organization.BranchRegionCodes.Append(organization.RegionCode)
                .SelectMany(RegionCodes.WithAncestors).Distinct(StringComparer.Ordinal).ToList(),
            [SearchFields.OrganizationType] = [SearchFields.TypeName(organization.Type)],
            [SearchFields.Recognition] = organization.RecognitionKinds.ToList(),
            [SearchFields.Owner] = [organization.Id.ToString()],
            [SearchFields.DocumentId] = [organization.Id.ToString()],
            [SearchFields.DisplayTitle] = [Cap(organization.LegalName, SearchLimits.MaxTitleChars)],
        };
        Put(filters, SearchFields.Industry, organization.IndustryCode);
        var numbers = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            [SearchFields.Published] = organization.CreatedAt.ToUnixTimeMilliseconds(),
        };
        return new SearchDocument(organization.Id.ToString(), SearchableKinds.Organization,
            organization.LegalName, organization.LegalName, string.Join(' ', organization.Sectors), filters, numbers);
    }

    // An organization's public face is its profile page.
    public static string OrganizationUrl(Guid id) => $"/Organizations/{id}";

    // The highlighted title, or the plain one (HTML-encoded) when the title itself did not match.
    public static string TitleHtml(SearchHit hit) =>
        hit.TitleHighlight ?? System.Net.WebUtility.HtmlEncode(hit.Filters.TryGetValue(SearchFields.DisplayTitle, out var t) && t.Count > 0 ? t[0] : "");

    public static string PlainTitle(SearchHit hit) =>
        hit.Filters.TryGetValue(SearchFields.DisplayTitle, out var t) && t.Count > 0 ? t[0] : "";

    public static DateTimeOffset? PublishedAt(SearchHit hit) =>
        hit.Filters.TryGetValue(SearchFields.Published, out var values) && values.Count > 0
            && long.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static void Put(Dictionary<string, IReadOnlyList<string>> filters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            filters[name] = [value];
        }
    }

    private static void PutNumber(Dictionary<string, long> numbers, string name, long? value)
    {
        if (value is { } v)
        {
            numbers[name] = v;
        }
    }

    private static string Cap(string value, int length) => value.Length <= length ? value : value[..length];
}
