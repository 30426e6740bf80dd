using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ManageListing;

internal sealed record OfferingRequest(
    string? Title,
    string? Description,
    string? SectorCode,
    string? IndustryCode,
    Guid? BranchId,
    IReadOnlyList<string>? ServiceItems,
    string? PriceModel,
    long? PriceFen,
    IReadOnlyList<string>? RegionsServed,
    int? LeadTimeDays,
    bool? AcceptsInnovationVouchers,
    string? ContactName,
    string? ContactPhone);

internal sealed record OfferingResponse(
    Guid Id,
    string Status,
    Guid OrganizationId,
    string OrganizationName,
    Guid? BranchId,
    string? BranchName,
    string SectorCode,
    string? IndustryCode,
    string Title,
    string Description,
    IReadOnlyList<string> ServiceItems,
    string PriceModel,
    long? PriceFen,
    string? PriceDisplay,
    IReadOnlyList<string> RegionsServed,
    int LeadTimeDays,
    bool AcceptsInnovationVouchers,
    string? ContactName,
    string? ContactPhone,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt,
    string? StatusReason) : IListingResponse;

// Service offerings (服务产品): verified service institutions post them, optionally through one of their branches.
internal sealed class OfferingKind : ListingKindDefinition<ServiceOffering, OfferingRequest, OfferingResponse>
{
    public override ListingKind Kind => ListingKind.Offering;

    public override string Name => "offering";

    public override string Plural => "offerings";

    public override ListingApiText ApiText { get; } = new(
        "Creates a draft service offering for the acting organization (a verified service institution).",
        "One offering: published ones for everyone, others for the owner's members and reviewing admins.",
        "Published offerings filtered by sector, industry and region (owner's region prefix or a region served); with owner= your organization, every status.",
        "The same list as CSV (UTF-8 with BOM, at most 10,000 rows, phone numbers masked); audited.");

    public override string RouteName => "Offering";

    public override string WhoMayPost => "Only verified service institutions post service offerings.";

    public override bool MayPost(OrganizationFacts organization) => organization is { Type: OrganizationType.ServiceInstitution, IsVerified: true };

    public override ServiceOffering New(OrganizationFacts owner, DateTimeOffset now) => new()
    {
        OrganizationId = owner.Id,
        OwnerRegionCode = owner.RegionCode,
        Title = "",
        Description = "",
        SectorCode = "",
        CreatedAt = now,
        UpdatedAt = now,
    };

    public override async Task<Validation> ValidateAsync(OfferingRequest request, ServiceOffering target, ListingEditContext context, CancellationToken cancellationToken)
    {
        var reference = context.Reference;
        var validation = new Validation()
            .Required("title", request.Title).MaxLength("title", request.Title, 200)
            .Required("description", request.Description).MaxLength("description", request.Description, 8000)
            .Required("sectorCode", request.SectorCode)
            .MaxLength("contactName", request.ContactName, 100)
            .MaxLength("contactPhone", request.ContactPhone, 32);
        if (request.SectorCode is not null && !reference.SectorExists(request.SectorCode))
        {
            validation.Add("sectorCode", "unknown", "Not a sector (GET /api/v1/reference/sectors).");
        }

        if (!string.IsNullOrEmpty(request.IndustryCode) && !reference.IndustryDivisionExists(request.IndustryCode))
        {
            validation.Add("industryCode", "unknown", "Not a GB/T 4754 division (GET /api/v1/reference/industries).");
        }

        if (request.BranchId is { } branch && context.Owner.Branches.All(b => b.Id != branch))
        {
            validation.Add("branchId", "unknown", "Not a branch of the acting organization.");
        }

        var model = ListingNames.ParsePriceModel(request.PriceModel ?? "negotiable");
        if (model is null)
        {
            validation.Add("priceModel", "unknown", "priceModel is fixed, from or negotiable.");
        }
        else if (model == PriceModel.Negotiable && request.PriceFen is not null)
        {
            validation.Add("priceFen", "negotiableHasNoPrice", "A negotiable price has no amount.");
        }
        else if (model != PriceModel.Negotiable && request.PriceFen is not > 0)
        {
            validation.Add("priceFen", "required", "A fixed or 'from' price needs a positive amount in fen.");
        }

        if (request.LeadTimeDays is < 0 or > 3650)
        {
            validation.Add("leadTimeDays", "range", "Lead time is 0 to 3,650 days.");
        }

        var items = ServiceItems(request);
        if (items.Any(i => i.Length > 200) || items.Count > 30)
        {
            validation.Add("serviceItems", "maxLength", "At most 30 service items of 200 characters each.");
        }

        var regions = RegionsServed(request);
        if (regions.Count > 50)
        {
            validation.Add("regionsServed", "maxCount", "At most 50 regions.");
        }

        foreach (var region in regions.Take(50))
        {
            if (!await reference.RegionExistsAsync(region, cancellationToken))
            {
                validation.Add("regionsServed", "unknown", $"Region {region} is not in the regions table.");
            }
        }

        return validation;
    }

    public override void Apply(ServiceOffering target, OfferingRequest request, ListingEditContext context)
    {
        target.Title = request.Title!.Trim();
        target.Description = request.Description!.Trim();
        target.SectorCode = request.SectorCode!;
        target.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        target.BranchId = request.BranchId;
        target.ServiceItems = string.Join('\n', ServiceItems(request));
        target.PriceModel = ListingNames.ParsePriceModel(request.PriceModel ?? "negotiable")!.Value;
        target.PriceFen = request.PriceFen;
        target.RegionsServed = string.Join(',', RegionsServed(request));
        target.LeadTimeDays = request.LeadTimeDays ?? 0;
        target.AcceptsInnovationVouchers = request.AcceptsInnovationVouchers ?? false;
        target.ContactName = request.ContactName?.Trim();
        target.ContactPhone = request.ContactPhone?.Trim();
    }

    public override OfferingResponse ToResponse(ServiceOffering listing, OrganizationFacts? owner, ListingView view) => new(
        listing.Id,
        ListingNames.Of(listing.Status),
        listing.OrganizationId,
        owner?.LegalName ?? "",
        listing.BranchId,
        owner?.Branches.FirstOrDefault(b => b.Id == listing.BranchId)?.Name,
        listing.SectorCode,
        listing.IndustryCode,
        listing.Title,
        listing.Description,
        listing.ServiceItems.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        ListingNames.Of(listing.PriceModel),
        listing.PriceFen,
        PriceDisplay(listing),
        listing.RegionsServed.Split(',', StringSplitOptions.RemoveEmptyEntries),
        listing.LeadTimeDays,
        listing.AcceptsInnovationVouchers,
        listing.ContactName,
        view.InList ? PersonalDataMask.Phone(listing.ContactPhone) : listing.ContactPhone,
        listing.CreatedAt,
        listing.PublishedAt,
        listing.ExpiresAt,
        listing.StatusReason);

    public override Task<IQueryable<ServiceOffering>> FilterAsync(IQueryable<ServiceOffering> query, ListingFilter filter, ListingViewer viewer, bool member, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(o => o.SectorCode == filter.Sector);
        }

        if (!string.IsNullOrEmpty(filter.Industry))
        {
            query = query.Where(o => o.IndustryCode == filter.Industry);
        }

        return Task.FromResult(ListingQuery.InOwnerOrServedRegion(query, filter.Region));
    }

    public override ListingSummary Summarize(ServiceOffering listing, OfferingResponse o) =>
        new(Name, o.Id, o.Title, o.OrganizationName, null, o.SectorCode, listing.OwnerRegionCode, o.PriceDisplay, o.Status);

    public override string[] CsvHeader =>
        ["id", "status", "organization", "sector", "industry", "title", "priceModel", "priceYuan", "regionsServed", "leadTimeDays", "acceptsVouchers", "contactName", "contactPhone", "publishedAt", "expiresAt"];

    public override string?[] CsvFields(OfferingResponse o) =>
        [o.Id.ToString(), o.Status, o.OrganizationName, o.SectorCode, o.IndustryCode, o.Title, o.PriceModel, o.PriceFen is { } p ? new Money(p).ToYuanString() : null,
            string.Join(',', o.RegionsServed), o.LeadTimeDays.ToString(CultureInfo.InvariantCulture), o.AcceptsInnovationVouchers ? "yes" : "no", o.ContactName, o.ContactPhone,
            o.PublishedAt?.ToString("O"), o.ExpiresAt?.ToString("O")];

    // "¥5,000.00", "¥5,000.00 起" (from), null when negotiable (pages say "Negotiable" in the reader's language).
    public static string? PriceDisplay(ServiceOffering o) => o.PriceFen is not { } fen
        ? null
        : o.PriceModel == PriceModel.From ? new Money(fen).ToDisplay() + " 起" : new Money(fen).ToDisplay();

    private static List<string> ServiceItems(OfferingRequest request) =>
        (request.ServiceItems ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();

    private static List<string> RegionsServed(OfferingRequest request) =>
        (request.RegionsServed ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
}
