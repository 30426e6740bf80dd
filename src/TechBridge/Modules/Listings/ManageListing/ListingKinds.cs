using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ManageListing;

// The one table of listing kinds: which entity, which request and response, who may post it. Everything that
// differs between offerings, demands and achievements is a row here (a subclass below); the handlers, endpoints,
// lifecycle and pages are written once against it.
internal static class ListingKinds
{
    public static readonly OfferingKind Offering = new();
    public static readonly DemandKind Demand = new();
    public static readonly AchievementKind Achievement = new();

    public static readonly IReadOnlyList<ListingKindDefinition> All = [Offering, Demand, Achievement];

    public static ListingKindDefinition Of(ListingKind kind) => All.First(k => k.Kind == kind);

    // "offering", "demand" or "achievement"; null for anything else.
    public static ListingKindDefinition? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}

// How a response is shaped for the caller: whether the identity behind an anonymous demand shows, and whether it
// goes into a public list (personal data such as phone numbers masked there).
internal sealed record ListingView(bool SeesIdentity, bool InList);

// What a kind's rules may look at besides the request: the owning organization, the reference tables, the time.
internal sealed record ListingEditContext(OrganizationFacts Owner, IReferenceData Reference, DateTimeOffset Now);

// A row of the public list pages, whatever the kind.
internal sealed record ListingSummary(string Kind, Guid Id, string Title, string? Organization, string? Field, string? Sector, string Region, string? Price, string Status);

// One listing as the detail page shows it: Response is the kind's API response (OfferingResponse, ...).
internal sealed record ListingDetail(string Kind, Guid Id, Guid OrganizationId, bool IsPublished, bool ViewerIsMember, object Response);

// One row of an organization's own listings.
internal sealed record OwnListing(string Kind, Guid Id, string Title, string Status, string? Reason, DateTimeOffset? ExpiresAt, bool IsOpenCall);

internal abstract class ListingKindDefinition
{
    public abstract ListingKind Kind { get; }

    // The API's and the pages' name of the kind.
    public abstract string Name { get; }

    // The URL segment: /api/v1/{Plural}.
    public abstract string Plural { get; }

    // The suffix of the endpoint names (CreateOffering, SubmitDemand, ...).
    public abstract string RouteName { get; }

    // Who may post this kind, and what a refused poster is told.
    public abstract bool MayPost(OrganizationFacts organization);

    public abstract string WhoMayPost { get; }

    public OrganizationFacts RequirePoster(OrganizationFacts organization) =>
        organization.IsSuspended ? throw Suspended()
        : MayPost(organization) ? organization : throw new ForbiddenException(WhoMayPost);

    public static ConflictException Suspended() =>
        new("institution_suspended", "The institution is suspended: it publishes nothing until it is reinstated.");

    public abstract Task<Listing?> FindAsync(PlatformDbContext db, Guid id, bool tracking, CancellationToken cancellationToken);

    // Submitted listings in the jurisdictions, oldest first: the count of all of them and the first `take`.
    public abstract Task<(int Total, List<Listing> First)> SubmittedAsync(PlatformDbContext db, IReadOnlyList<string> jurisdictions, int take, CancellationToken cancellationToken);

    public abstract Task<List<OwnListing>> OfOrganizationAsync(PlatformDbContext db, Guid organizationId, int max, CancellationToken cancellationToken);

    // The typed operations behind the pages that take the kind as a string (list, detail).
    public abstract Task<ListingPage<ListingSummary>> ListSummariesAsync(ListListingsHandler lists, ListingFilter filter, CancellationToken cancellationToken);

    public abstract Task<ListingDetail> DetailAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken);
}

// What every kind's API response carries (the responses differ otherwise).
internal interface IListingResponse
{
    Guid Id { get; }
}

// The OpenAPI summaries that differ between the kinds (who posts it, which filters its list takes).
internal sealed record ListingApiText(string Create, string Get, string List, string Export);

internal abstract class ListingKindDefinition<TEntity, TRequest, TResponse> : ListingKindDefinition
    where TEntity : Listing
    where TResponse : IListingResponse
{
    public abstract ListingApiText ApiText { get; }

    public abstract TEntity New(OrganizationFacts owner, DateTimeOffset now);

    // Every broken rule of the request at once, under the request's field names.
    public abstract Task<Validation> ValidateAsync(TRequest request, TEntity target, ListingEditContext context, CancellationToken cancellationToken);

    // Copies a validated request onto the listing.
    public abstract void Apply(TEntity target, TRequest request, ListingEditContext context);

    public abstract TResponse ToResponse(TEntity listing, OrganizationFacts? owner, ListingView view);

    // The kind's own list filters (sector, field, industry, region), after the status and owner filters.
    public abstract Task<IQueryable<TEntity>> FilterAsync(IQueryable<TEntity> query, ListingFilter filter, ListingViewer viewer, bool member, CancellationToken cancellationToken);

    public abstract ListingSummary Summarize(TEntity listing, TResponse response);

    public abstract string[] CsvHeader { get; }

    public abstract string?[] CsvFields(TResponse response);

    public override async Task<Listing?> FindAsync(PlatformDbContext db, Guid id, bool tracking, CancellationToken cancellationToken)
    {
        var set = tracking ? db.Set<TEntity>() : db.Set<TEntity>().AsNoTracking();
        return await set.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    // The mapped column behind Listing.JurisdictionRegion (which EF cannot translate): the owner's region by default.
    protected virtual System.Linq.Expressions.Expression<Func<TEntity, string>> JurisdictionColumn => l => l.OwnerRegionCode;

    public override async Task<(int Total, List<Listing> First)> SubmittedAsync(PlatformDbContext db, IReadOnlyList<string> jurisdictions, int take, CancellationToken cancellationToken)
    {
        var query = db.Set<TEntity>().AsNoTracking().Where(l => l.Status == ListingStatus.Submitted)
            .Where(Jurisdictions.CoveredBy(jurisdictions, JurisdictionColumn));
        var total = await query.CountAsync(cancellationToken);
        var first = await query.OrderBy(l => l.SubmittedAt).ThenBy(l => l.Id).Take(take).ToListAsync(cancellationToken);
        return (total, [.. first]);
    }

    public override async Task<List<OwnListing>> OfOrganizationAsync(PlatformDbContext db, Guid organizationId, int max, CancellationToken cancellationToken) =>
        (await db.Set<TEntity>().AsNoTracking().Where(l => l.OrganizationId == organizationId).OrderByDescending(l => l.UpdatedAt).Take(max).ToListAsync(cancellationToken))
            .Select(l => new OwnListing(Name, l.Id, l.Title, l.Status.ToString(), l.StatusReason, l.ExpiresAt, l is TechnologyDemand { IsOpenCall: true })).ToList();

    public override async Task<ListingPage<ListingSummary>> ListSummariesAsync(ListListingsHandler lists, ListingFilter filter, CancellationToken cancellationToken)
    {
        var (total, page, size, items) = await lists.PageAsync(this, filter, cancellationToken);
        return new ListingPage<ListingSummary>(total, page, size, items.Select(i => Summarize(i.Listing, i.Response)).ToList());
    }

    public override Task<ListingDetail> DetailAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken) =>
        handler.DetailAsync(this, id, cancellationToken);
}

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
        else if (request.PriceFen > BudgetRange.Cap.Fen)
        {
            validation.Add("priceFen", "range", "A price is at most 1,000,000,000 yuan.");
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
            validation.Add("regionsServed", "maxCount", "At most 50 regions.", new Dictionary<string, object> { ["max"] = 50 });
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

    // A demand is reviewed where it applies (JurisdictionRegion), not where its owner is registered.
    protected override System.Linq.Expressions.Expression<Func<TechnologyDemand, string>> JurisdictionColumn => d => d.RegionCode;

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

// AskingPriceFen null means negotiable. TransferModes: assignment, licence, equity, joint-development (or 转让, 许可,
// 作价入股, 合作开发).
internal sealed record AchievementRequest(
    string? Title,
    string? Abstract,
    IReadOnlyList<string>? Keywords,
    string? TechnologyFieldCode,
    string? IndustryCode,
    int? Trl,
    string? LinkedIp,
    IReadOnlyList<string>? TransferModes,
    long? AskingPriceFen);

internal sealed record AchievementResponse(
    Guid Id,
    string Status,
    Guid OrganizationId,
    string OrganizationName,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    string TechnologyFieldCode,
    string? IndustryCode,
    int Trl,
    string? LinkedIp,
    IReadOnlyList<string> TransferModes,
    long? AskingPriceFen,
    string? AskingPriceDisplay,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt,
    string? StatusReason) : IListingResponse;

// Technology achievements (科技成果) offered for transfer by any verified organization, by hand or by bulk import
// (which validates each row with the same rules and field names).
internal sealed class AchievementKind : ListingKindDefinition<TechnologyAchievement, AchievementRequest, AchievementResponse>
{
    // The transfer modes' API names, for forms that offer them as choices.
    public static IReadOnlyList<string> TransferModeNames { get; } = ListingNames.TransferModeNames.Select(t => t.Name).ToList();

    public override ListingKind Kind => ListingKind.Achievement;

    public override string Name => "achievement";

    public override string Plural => "achievements";

    public override ListingApiText ApiText { get; } = new(
        "Creates a draft technology achievement for the acting organization (verified).",
        "One achievement: published ones for everyone, others for the owner's members and reviewing admins.",
        "Published achievements filtered by technology field, industry and owner region prefix; with owner= your organization, every status.",
        "The same list as CSV (UTF-8 with BOM, at most 10,000 rows); audited.");

    public override string RouteName => "Achievement";

    public override string WhoMayPost => "Only verified organizations post technology achievements.";

    public override bool MayPost(OrganizationFacts organization) => organization.IsVerified;

    public override TechnologyAchievement New(OrganizationFacts owner, DateTimeOffset now) => new()
    {
        OrganizationId = owner.Id,
        OwnerRegionCode = owner.RegionCode,
        Title = "",
        Abstract = "",
        TechnologyFieldCode = "",
        CreatedAt = now,
        UpdatedAt = now,
    };

    public override Task<Validation> ValidateAsync(AchievementRequest request, TechnologyAchievement target, ListingEditContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Validate(request, context.Reference));

    public static Validation Validate(AchievementRequest request, IReferenceData reference)
    {
        var validation = new Validation()
            .Required("title", request.Title).MaxLength("title", request.Title, 200)
            .Required("abstract", request.Abstract).MaxLength("abstract", request.Abstract, 8000)
            .Required("technologyFieldCode", request.TechnologyFieldCode)
            .MaxLength("linkedIp", request.LinkedIp, 1000);
        if (request.TechnologyFieldCode is not null && !reference.TechnologyFieldExists(request.TechnologyFieldCode))
        {
            validation.Add("technologyFieldCode", "unknown", "Not one of the 11 technology fields.");
        }

        if (!string.IsNullOrEmpty(request.IndustryCode) && !reference.IndustryDivisionExists(request.IndustryCode))
        {
            validation.Add("industryCode", "unknown", "Not a GB/T 4754 division.");
        }

        if (request.Trl is not (>= 1 and <= 9))
        {
            validation.Add("trl", "range", "The technology readiness level is 1 to 9.");
        }

        var keywords = Keywords(request.Keywords);
        if (keywords.Count > 20 || request.Keywords?.Count > 20 || string.Join(';', keywords).Length > 1000)
        {
            validation.Add("keywords", "maxCount", "At most 20 keywords (1,000 characters).");
        }

        var parsed = ListingNames.ParseTransferModes(request.TransferModes);
        if (parsed is null)
        {
            validation.Add("transferModes", "unknown", "Transfer modes are assignment, licence, equity, joint-development (转让, 许可, 作价入股, 合作开发).");
        }
        else if (parsed == Data.TransferModes.None)
        {
            validation.Add("transferModes", "required", "Name at least one transfer mode.");
        }

        if (request.AskingPriceFen is < 0 || request.AskingPriceFen > BudgetRange.Cap.Fen)
        {
            validation.Add("askingPriceFen", "range", "The asking price is 0 to 1,000,000,000 yuan in fen; leave it empty for negotiable.");
        }

        return validation;
    }

    public override void Apply(TechnologyAchievement target, AchievementRequest request, ListingEditContext context) => Apply(target, request);

    public static void Apply(TechnologyAchievement target, AchievementRequest request)
    {
        target.Title = request.Title!.Trim();
        target.Abstract = request.Abstract!.Trim();
        target.Keywords = string.Join(';', Keywords(request.Keywords));
        target.TechnologyFieldCode = request.TechnologyFieldCode!;
        target.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        target.Trl = request.Trl!.Value;
        target.LinkedIp = string.IsNullOrWhiteSpace(request.LinkedIp) ? null : request.LinkedIp.Trim();
        target.TransferModes = ListingNames.ParseTransferModes(request.TransferModes)!.Value;
        target.AskingPriceFen = request.AskingPriceFen;
    }

    public override AchievementResponse ToResponse(TechnologyAchievement listing, OrganizationFacts? owner, ListingView view) => new(
        listing.Id,
        ListingNames.Of(listing.Status),
        listing.OrganizationId,
        owner?.LegalName ?? "",
        listing.Title,
        listing.Abstract,
        listing.Keywords.Split(';', StringSplitOptions.RemoveEmptyEntries),
        listing.TechnologyFieldCode,
        listing.IndustryCode,
        listing.Trl,
        listing.LinkedIp,
        ListingNames.Of(listing.TransferModes),
        listing.AskingPriceFen,
        listing.AskingPriceFen is { } p ? new Money(p).ToDisplay() : null,
        listing.CreatedAt,
        listing.PublishedAt,
        listing.ExpiresAt,
        listing.StatusReason);

    public override Task<IQueryable<TechnologyAchievement>> FilterAsync(IQueryable<TechnologyAchievement> query, ListingFilter filter, ListingViewer viewer, bool member, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(filter.Field))
        {
            query = query.Where(a => a.TechnologyFieldCode == filter.Field);
        }

        if (!string.IsNullOrEmpty(filter.Industry))
        {
            query = query.Where(a => a.IndustryCode == filter.Industry);
        }

        return Task.FromResult(ListingQuery.InOwnerRegion(query, filter.Region));
    }

    public override ListingSummary Summarize(TechnologyAchievement listing, AchievementResponse a) =>
        new(Name, a.Id, a.Title, a.OrganizationName, a.TechnologyFieldCode, null, listing.OwnerRegionCode, a.AskingPriceDisplay, a.Status);

    public override string[] CsvHeader =>
        ["id", "status", "organization", "title", "keywords", "technologyField", "industry", "trl", "linkedIp", "transferModes", "askingPriceYuan", "publishedAt", "expiresAt"];

    public override string?[] CsvFields(AchievementResponse a) =>
        [a.Id.ToString(), a.Status, a.OrganizationName, a.Title, string.Join(';', a.Keywords), a.TechnologyFieldCode, a.IndustryCode, a.Trl.ToString(CultureInfo.InvariantCulture),
            a.LinkedIp, string.Join(';', a.TransferModes), a.AskingPriceFen is { } p ? new Money(p).ToYuanString() : "negotiable", a.PublishedAt?.ToString("O"), a.ExpiresAt?.ToString("O")];

    private static List<string> Keywords(IReadOnlyList<string>? keywords) =>
        (keywords ?? []).SelectMany(k => k.Split([';', '；', '_'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
}
