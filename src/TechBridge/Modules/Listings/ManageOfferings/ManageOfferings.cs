using TechBridge.Platform.Security;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Files;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ManageOfferings;

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
    string? StatusReason);

// /api/v1/offerings: service institutions (verified; optionally through one of their branches) post offerings;
// everyone reads the published ones.
internal static class ManageOfferingsEndpoints
{
    public static RouteGroupBuilder MapManageOfferings(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateAsync)
            .WithName("CreateOffering")
            .WithSummary("Creates a draft service offering for the acting organization (a verified service institution).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateOffering")
            .WithSummary("Edits a draft or rejected offering (members of the owning organization acting for it).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetOffering")
            .WithSummary("One offering: published ones for everyone, others for the owner's members and reviewing admins.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync)
            .WithName("ListOfferings")
            .WithSummary("Published offerings filtered by sector, industry and region (owner's region prefix or a region served); with owner= your organization, every status.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export.csv", ExportAsync)
            .WithName("ExportOfferings")
            .WithSummary("The same list as CSV (UTF-8 with BOM, at most 10,000 rows, phone numbers masked); audited.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static async Task<Created<OfferingResponse>> CreateAsync(OfferingRequest request, IAccess access, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var organization = await facts.FindAsync(access.ActingOrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        if (organization.Type != OrganizationType.ServiceInstitution || !organization.IsVerified)
        {
            throw new ForbiddenException("Only verified service institutions post service offerings.");
        }

        var offering = new ServiceOffering
        {
            OrganizationId = organization.Id,
            OwnerRegionCode = organization.RegionCode,
            Title = "",
            Description = "",
            SectorCode = "",
            CreatedAt = lifecycle.Now(),
        };
        await ApplyAsync(offering, request, organization, reference, cancellationToken);
        lifecycle.Touch(offering);
        lifecycle.Db.Add(offering);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/offerings/{offering.Id}", ToResponse(offering, organization, maskPhone: false));
    }

    internal static async Task<Ok<OfferingResponse>> UpdateAsync(Guid id, OfferingRequest request, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var offering = await lifecycle.LoadOwnedAsync<ServiceOffering>(ListingKind.Offering, id, cancellationToken);
        ListingLifecycle.RequireEditable(offering);
        var organization = await facts.FindAsync(offering.OrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        await ApplyAsync(offering, request, organization, reference, cancellationToken);
        lifecycle.Touch(offering);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(offering, organization, maskPhone: false));
    }

    private static async Task<Ok<OfferingResponse>> GetAsync(Guid id, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var offering = await db.Set<ServiceOffering>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (offering is null || !await viewer.SeesAsync(offering, cancellationToken))
        {
            throw new NotFoundException("The offering");
        }

        var organization = await facts.FindAsync(offering.OrganizationId, cancellationToken);
        return TypedResults.Ok(ToResponse(offering, organization, maskPhone: false));
    }

    private static async Task<Ok<ListingPage<OfferingResponse>>> ListAsync([AsParameters] ListingFilter filter, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var (page, size) = ListingQuery.Paging(filter);
        var query = await QueryAsync(filter, viewer, db, cancellationToken);
        var (total, items) = await ListingQuery.PageAsync(query, page, size, cancellationToken);
        var organizations = await facts.FindManyAsync(items.Select(i => i.OrganizationId).ToList(), cancellationToken);
        return TypedResults.Ok(new ListingPage<OfferingResponse>(total, page, size,
            items.Select(i => ToResponse(i, organizations.GetValueOrDefault(i.OrganizationId), maskPhone: true)).ToList()));
    }

    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] ListingFilter filter, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, AuditTrail trail, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(filter, viewer, db, cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id).Take(ListingQuery.MaxExportRows).ToListAsync(cancellationToken);
        var organizations = await facts.FindManyAsync(items.Select(i => i.OrganizationId).ToList(), cancellationToken);
        var csv = new StringBuilder(Csv.Line("id", "status", "organization", "sector", "industry", "title", "priceModel", "priceYuan", "regionsServed", "leadTimeDays", "acceptsVouchers", "contactName", "contactPhone", "publishedAt", "expiresAt"));
        foreach (var o in items)
        {
            csv.Append(Csv.Line(o.Id.ToString(), ListingNames.Of(o.Status), organizations.GetValueOrDefault(o.OrganizationId)?.LegalName, o.SectorCode, o.IndustryCode, o.Title,
                ListingNames.Of(o.PriceModel), o.PriceFen is { } p ? new Money(p).ToYuanString() : null, o.RegionsServed, o.LeadTimeDays.ToString(CultureInfo.InvariantCulture),
                o.AcceptsInnovationVouchers ? "yes" : "no", o.ContactName, PersonalDataMask.Phone(o.ContactPhone), o.PublishedAt?.ToString("O"), o.ExpiresAt?.ToString("O")));
        }

        trail.Note(nameof(ServiceOffering), "export", $"exported {items.Count} offerings");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(ListingQuery.CsvBytes(csv.ToString()), "text/csv; charset=utf-8", "offerings.csv");
    }

    private static async Task<IQueryable<ServiceOffering>> QueryAsync(ListingFilter filter, ListingViewer viewer, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var (query, _) = await ListingQuery.ApplyAsync(db.Set<ServiceOffering>().AsNoTracking(), filter, viewer, cancellationToken);
        if (!string.IsNullOrEmpty(filter.Sector))
        {
            query = query.Where(o => o.SectorCode == filter.Sector);
        }

        if (!string.IsNullOrEmpty(filter.Industry))
        {
            query = query.Where(o => o.IndustryCode == filter.Industry);
        }

        if (!string.IsNullOrEmpty(filter.Region) && filter.Region != Jurisdictions.Xiongan)
        {
            var region = filter.Region;
            query = query.Where(o => o.OwnerRegionCode.StartsWith(region) || o.RegionsServed.Contains(region));
        }
        else
        {
            query = ListingQuery.InOwnerRegion(query, filter.Region);
        }

        return query;
    }

    private static async Task ApplyAsync(ServiceOffering offering, OfferingRequest request, OrganizationFacts organization, IReferenceData reference, CancellationToken cancellationToken)
    {
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

        if (request.BranchId is { } branch && organization.Branches.All(b => b.Id != branch))
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

        var items = (request.ServiceItems ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (items.Any(i => i.Length > 200) || items.Count > 30)
        {
            validation.Add("serviceItems", "maxLength", "At most 30 service items of 200 characters each.");
        }

        var regions = (request.RegionsServed ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
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

        validation.ThrowIfInvalid();
        offering.Title = request.Title!.Trim();
        offering.Description = request.Description!.Trim();
        offering.SectorCode = request.SectorCode!;
        offering.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        offering.BranchId = request.BranchId;
        offering.ServiceItems = string.Join('\n', items);
        offering.PriceModel = model!.Value;
        offering.PriceFen = request.PriceFen;
        offering.RegionsServed = string.Join(',', regions);
        offering.LeadTimeDays = request.LeadTimeDays ?? 0;
        offering.AcceptsInnovationVouchers = request.AcceptsInnovationVouchers ?? false;
        offering.ContactName = request.ContactName?.Trim();
        offering.ContactPhone = request.ContactPhone?.Trim();
    }

    public static OfferingResponse ToResponse(ServiceOffering o, OrganizationFacts? organization, bool maskPhone) => new(
        o.Id,
        ListingNames.Of(o.Status),
        o.OrganizationId,
        organization?.LegalName ?? "",
        o.BranchId,
        organization?.Branches.FirstOrDefault(b => b.Id == o.BranchId)?.Name,
        o.SectorCode,
        o.IndustryCode,
        o.Title,
        o.Description,
        o.ServiceItems.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        ListingNames.Of(o.PriceModel),
        o.PriceFen,
        PriceDisplay(o),
        o.RegionsServed.Split(',', StringSplitOptions.RemoveEmptyEntries),
        o.LeadTimeDays,
        o.AcceptsInnovationVouchers,
        o.ContactName,
        maskPhone ? PersonalDataMask.Phone(o.ContactPhone) : o.ContactPhone,
        o.CreatedAt,
        o.PublishedAt,
        o.ExpiresAt,
        o.StatusReason);

    // "¥5,000.00", "¥5,000.00 起" (from), null when negotiable (pages say "Negotiable" in the reader's language).
    public static string? PriceDisplay(ServiceOffering o) => o.PriceFen is not { } fen
        ? null
        : o.PriceModel == PriceModel.From ? new Money(fen).ToDisplay() + " 起" : new Money(fen).ToDisplay();
}
