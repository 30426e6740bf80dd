using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ManageListing;

internal sealed record DemandRequest(
    string? Title,
    string? Description,
    string? TechnologyFieldCode,
    string? SectorCode,
    string? IndustryCode,
    long? BudgetMinFen,
    long? BudgetMaxFen,
    DateOnly? Deadline,
    string? RegionCode,
    string? Visibility,
    bool? IsOpenCall);

// OrganizationId and OrganizationName are null when the demand is anonymous and the caller may not see who posted it.
internal sealed record DemandResponse(
    Guid Id,
    string Status,
    Guid? OrganizationId,
    string? OrganizationName,
    string Visibility,
    bool IdentityRevealed,
    string Title,
    string Description,
    string TechnologyFieldCode,
    string? SectorCode,
    string? IndustryCode,
    long? BudgetMinFen,
    long? BudgetMaxFen,
    string? BudgetDisplay,
    DateOnly? Deadline,
    string RegionCode,
    bool IsOpenCall,
    bool OpenCallDecided,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt,
    string? StatusReason) : IListingResponse;

// Technology demands (技术需求): verified enterprises post them, possibly anonymously and possibly as open calls.
internal sealed class DemandKind : ListingKindDefinition<TechnologyDemand, DemandRequest, DemandResponse>
{
    public override ListingKind Kind => ListingKind.Demand;

    public override string Name => "demand";

    public override string Plural => "demands";

    public override ListingApiText ApiText { get; } = new(
        "Creates a draft technology demand for the acting organization (a verified enterprise).",
        "One demand; an anonymous demand's enterprise is shown only to its members, brokers and admins of the demand's jurisdiction.",
        "Published demands filtered by technology field, sector, industry and region prefix; with owner= your organization, every status.",
        "The same list as CSV (UTF-8 with BOM, at most 10,000 rows; anonymous identities withheld as in the list); audited.");

    public override string RouteName => "Demand";

    public override string WhoMayPost => "Only verified enterprises post technology demands.";

    public override bool MayPost(OrganizationFacts organization) => organization is { Type: OrganizationType.Enterprise, IsVerified: true };

    public override TechnologyDemand New(OrganizationFacts owner, DateTimeOffset now) => new()
    {
        OrganizationId = owner.Id,
        OwnerRegionCode = owner.RegionCode,
        Title = "",
        Description = "",
        TechnologyFieldCode = "",
        RegionCode = owner.RegionCode,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public override async Task<Validation> ValidateAsync(DemandRequest request, TechnologyDemand target, ListingEditContext context, CancellationToken cancellationToken)
    {
        var reference = context.Reference;
        var validation = new Validation()
            .Required("title", request.Title).MaxLength("title", request.Title, 200)
            .Required("description", request.Description).MaxLength("description", request.Description, 8000)
            .Required("technologyFieldCode", request.TechnologyFieldCode);
        if (request.TechnologyFieldCode is not null && !reference.TechnologyFieldExists(request.TechnologyFieldCode))
        {
            validation.Add("technologyFieldCode", "unknown", "Not one of the 11 technology fields (GET /api/v1/reference/technology-fields).");
        }

        if (!string.IsNullOrEmpty(request.SectorCode) && !reference.SectorExists(request.SectorCode))
        {
            validation.Add("sectorCode", "unknown", "Not a sector.");
        }

        if (!string.IsNullOrEmpty(request.IndustryCode) && !reference.IndustryDivisionExists(request.IndustryCode))
        {
            validation.Add("industryCode", "unknown", "Not a GB/T 4754 division.");
        }

        BudgetRange.FromFen(request.BudgetMinFen, request.BudgetMaxFen).Validate(validation);
        var today = DateOnly.FromDateTime(Platform.Time.AdjustableClock.ToChina(context.Now).DateTime);
        if (request.Deadline is { } deadline && deadline <= today)
        {
            validation.Add("deadline", "future", "The deadline must be after today.");
        }

        if (!await reference.IsCountyLevelAsync(Region(request, target), cancellationToken))
        {
            validation.Add("regionCode", "countyLevel", "The demand's region is a county-level code (6 digits) from the regions table.");
        }

        if (Visibility(request) is null)
        {
            validation.Add("visibility", "unknown", "Visibility is public or anonymous.");
        }

        return validation;
    }

    public override void Apply(TechnologyDemand target, DemandRequest request, ListingEditContext context)
    {
        target.Title = request.Title!.Trim();
        target.Description = request.Description!.Trim();
        target.TechnologyFieldCode = request.TechnologyFieldCode!;
        target.SectorCode = string.IsNullOrEmpty(request.SectorCode) ? null : request.SectorCode;
        target.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        target.BudgetMinFen = request.BudgetMinFen;
        target.BudgetMaxFen = request.BudgetMaxFen;
        target.Deadline = request.Deadline;
        target.RegionCode = Region(request, target);
        target.Visibility = Visibility(request)!.Value;
        target.IsOpenCall = request.IsOpenCall ?? false;
    }

    public override DemandResponse ToResponse(TechnologyDemand listing, OrganizationFacts? owner, ListingView view)
    {
        var budget = BudgetRange.FromFen(listing.BudgetMinFen, listing.BudgetMaxFen).ToDisplay();
        return new(
            listing.Id,
            ListingNames.Of(listing.Status),
            view.SeesIdentity ? listing.OrganizationId : null,
            view.SeesIdentity ? owner?.LegalName : null,
            ListingNames.Of(listing.Visibility),
            listing.IdentityRevealedAt is not null,
            listing.Title,
            listing.Description,
            listing.TechnologyFieldCode,
            listing.SectorCode,
            listing.IndustryCode,
            listing.BudgetMinFen,
            listing.BudgetMaxFen,
            budget.Length == 0 ? null : budget,
            listing.Deadline,
            listing.RegionCode,
            listing.IsOpenCall,
            listing.OpenCallDecidedAt is not null,
            listing.CreatedAt,
            listing.PublishedAt,
            listing.ExpiresAt,
            listing.StatusReason);
    }

    public override async Task<IQueryable<TechnologyDemand>> FilterAsync(IQueryable<TechnologyDemand> query, ListingFilter filter, ListingViewer viewer, bool member, CancellationToken cancellationToken)
    {
        // Filtering a stranger's view by owner would tell who is behind an anonymous demand: those are left out.
        if (filter.Owner is not null && !member && !viewer.IsBroker && (await viewer.ReviewJurisdictionsAsync(cancellationToken)).Count == 0)
        {
            query = query.Where(d => d.Visibility == DemandVisibility.Public || d.IdentityRevealedAt != null);
        }

        if (!string.IsNullOrEmpty(filter.Field))
        {
            query = query.Where(d => d.TechnologyFieldCode == filter.Field);
        }

        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(d => d.SectorCode == filter.Sector);
        }

        if (!string.IsNullOrEmpty(filter.Industry))
        {
            query = query.Where(d => d.IndustryCode == filter.Industry);
        }

        return ListingQuery.InDemandRegion(query, filter.Region);
    }

    public override ListingSummary Summarize(TechnologyDemand listing, DemandResponse d) =>
        new(Name, d.Id, d.Title, d.OrganizationName, d.TechnologyFieldCode, d.SectorCode, d.RegionCode, d.BudgetDisplay, d.Status);

    public override string[] CsvHeader =>
        ["id", "status", "organization", "visibility", "title", "technologyField", "sector", "industry", "budgetMinYuan", "budgetMaxYuan", "deadline", "region", "openCall", "publishedAt", "expiresAt"];

    public override string?[] CsvFields(DemandResponse d) =>
        [d.Id.ToString(), d.Status, d.OrganizationName, d.Visibility, d.Title, d.TechnologyFieldCode, d.SectorCode, d.IndustryCode,
            d.BudgetMinFen is { } min ? new Money(min).ToYuanString() : null, d.BudgetMaxFen is { } max ? new Money(max).ToYuanString() : null,
            d.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.RegionCode, d.IsOpenCall ? "yes" : "no", d.PublishedAt?.ToString("O"), d.ExpiresAt?.ToString("O")];

    // A demand is placed in the owner's region unless it names another county.
    private static string Region(DemandRequest request, TechnologyDemand target) =>
        string.IsNullOrEmpty(request.RegionCode) ? target.RegionCode : request.RegionCode;

    private static DemandVisibility? Visibility(DemandRequest request) => request.Visibility switch
    {
        null or "public" => DemandVisibility.Public,
        "anonymous" => DemandVisibility.Anonymous,
        _ => null,
    };
}
