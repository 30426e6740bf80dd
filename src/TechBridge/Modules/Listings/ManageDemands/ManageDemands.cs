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

namespace TechBridge.Modules.Listings.ManageDemands;

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
    string? StatusReason);

// /api/v1/demands: enterprises post technology demands (技术需求), possibly anonymously and possibly as open calls.
internal static class ManageDemandsEndpoints
{
    public static RouteGroupBuilder MapManageDemands(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateAsync)
            .WithName("CreateDemand")
            .WithSummary("Creates a draft technology demand for the acting organization (a verified enterprise).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateDemand")
            .WithSummary("Edits a draft or rejected demand (members of the owning organization acting for it).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reveal", RevealAsync)
            .WithName("RevealDemandIdentity")
            .WithSummary("Reveals the enterprise behind an anonymous demand to everyone (owner).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetDemand")
            .WithSummary("One demand; an anonymous demand's enterprise is shown only to its members, brokers and admins of the demand's jurisdiction.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync)
            .WithName("ListDemands")
            .WithSummary("Published demands filtered by technology field, sector, industry and region prefix; with owner= your organization, every status.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export.csv", ExportAsync)
            .WithName("ExportDemands")
            .WithSummary("The same list as CSV (UTF-8 with BOM, at most 10,000 rows; anonymous identities withheld as in the list); audited.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static async Task<Created<DemandResponse>> CreateAsync(DemandRequest request, IAccess access, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var organization = await facts.FindAsync(access.ActingOrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        if (organization.Type != OrganizationType.Enterprise || !organization.IsVerified)
        {
            throw new ForbiddenException("Only verified enterprises post technology demands.");
        }

        var demand = new TechnologyDemand
        {
            OrganizationId = organization.Id,
            OwnerRegionCode = organization.RegionCode,
            Title = "",
            Description = "",
            TechnologyFieldCode = "",
            RegionCode = organization.RegionCode,
            CreatedAt = lifecycle.Now(),
        };
        await ApplyAsync(demand, request, reference, lifecycle.Now(), cancellationToken);
        lifecycle.Touch(demand);
        lifecycle.Db.Add(demand);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/demands/{demand.Id}", ToResponse(demand, organization, seesIdentity: true));
    }

    internal static async Task<Ok<DemandResponse>> UpdateAsync(Guid id, DemandRequest request, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var demand = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
        ListingLifecycle.RequireEditable(demand);
        await ApplyAsync(demand, request, reference, lifecycle.Now(), cancellationToken);
        lifecycle.Touch(demand);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(demand, await facts.FindAsync(demand.OrganizationId, cancellationToken), seesIdentity: true));
    }

    private static async Task<Ok<DemandResponse>> RevealAsync(Guid id, IOrganizationFacts facts, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var demand = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
        if (!demand.IdentityHidden)
        {
            throw new ConflictException("not_anonymous", "The demand's enterprise is already shown.");
        }

        demand.IdentityRevealedAt = lifecycle.Now();
        lifecycle.Touch(demand);
        if (demand.Status == ListingStatus.Published)
        {
            lifecycle.Announce(demand, ListingChange.Updated);
        }

        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(demand, await facts.FindAsync(demand.OrganizationId, cancellationToken), seesIdentity: true));
    }

    private static async Task<Ok<DemandResponse>> GetAsync(Guid id, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var demand = await db.Set<TechnologyDemand>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (demand is null || !await viewer.SeesAsync(demand, cancellationToken))
        {
            throw new NotFoundException("The demand");
        }

        var sees = await viewer.SeesIdentityAsync(demand, cancellationToken);
        return TypedResults.Ok(ToResponse(demand, sees ? await facts.FindAsync(demand.OrganizationId, cancellationToken) : null, sees));
    }

    private static async Task<Ok<ListingPage<DemandResponse>>> ListAsync([AsParameters] ListingFilter filter, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var (page, size) = ListingQuery.Paging(filter);
        var query = await QueryAsync(filter, viewer, db, cancellationToken);
        var (total, items) = await ListingQuery.PageAsync(query, page, size, cancellationToken);
        return TypedResults.Ok(new ListingPage<DemandResponse>(total, page, size, await ToResponsesAsync(items, viewer, facts, cancellationToken)));
    }

    public static async Task<IReadOnlyList<DemandResponse>> ToResponsesAsync(IReadOnlyList<TechnologyDemand> items, ListingViewer viewer, IOrganizationFacts facts, CancellationToken cancellationToken)
    {
        var organizations = await facts.FindManyAsync(items.Select(i => i.OrganizationId).ToList(), cancellationToken);
        var responses = new List<DemandResponse>(items.Count);
        foreach (var d in items)
        {
            var sees = await viewer.SeesIdentityAsync(d, cancellationToken);
            responses.Add(ToResponse(d, sees ? organizations.GetValueOrDefault(d.OrganizationId) : null, sees));
        }

        return responses;
    }

    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] ListingFilter filter, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, AuditTrail trail, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(filter, viewer, db, cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id).Take(ListingQuery.MaxExportRows).ToListAsync(cancellationToken);
        var csv = new StringBuilder(Csv.Line("id", "status", "organization", "visibility", "title", "technologyField", "sector", "industry", "budgetMinYuan", "budgetMaxYuan", "deadline", "region", "openCall", "publishedAt", "expiresAt"));
        foreach (var d in await ToResponsesAsync(items, viewer, facts, cancellationToken))
        {
            csv.Append(Csv.Line(d.Id.ToString(), d.Status, d.OrganizationName, d.Visibility, d.Title, d.TechnologyFieldCode, d.SectorCode, d.IndustryCode,
                d.BudgetMinFen is { } min ? new Platform.Values.Money(min).ToYuanString() : null, d.BudgetMaxFen is { } max ? new Platform.Values.Money(max).ToYuanString() : null,
                d.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.RegionCode, d.IsOpenCall ? "yes" : "no", d.PublishedAt?.ToString("O"), d.ExpiresAt?.ToString("O")));
        }

        trail.Note(nameof(TechnologyDemand), "export", $"exported {items.Count} demands");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(ListingQuery.CsvBytes(csv.ToString()), "text/csv; charset=utf-8", "demands.csv");
    }

    public static async Task<IQueryable<TechnologyDemand>> QueryAsync(ListingFilter filter, ListingViewer viewer, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var (query, member) = await ListingQuery.ApplyAsync(db.Set<TechnologyDemand>().AsNoTracking(), filter, viewer, cancellationToken);
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

        if (filter.Region == Jurisdictions.Xiongan)
        {
            string[] xiongan = ["130629", "130632", "130638"];
            query = query.Where(d => xiongan.Contains(d.RegionCode));
        }
        else if (!string.IsNullOrEmpty(filter.Region))
        {
            var region = filter.Region;
            query = query.Where(d => d.RegionCode.StartsWith(region));
        }

        return query;
    }

    private static async Task ApplyAsync(TechnologyDemand demand, DemandRequest request, IReferenceData reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
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
        var today = DateOnly.FromDateTime(Platform.Time.AdjustableClock.ToChina(now).DateTime);
        if (request.Deadline is { } deadline && deadline <= today)
        {
            validation.Add("deadline", "future", "The deadline must be after today.");
        }

        var region = string.IsNullOrEmpty(request.RegionCode) ? demand.RegionCode : request.RegionCode;
        if (!await reference.IsCountyLevelAsync(region, cancellationToken))
        {
            validation.Add("regionCode", "countyLevel", "The demand's region is a county-level code (6 digits) from the regions table.");
        }

        DemandVisibility? visibility = request.Visibility switch
        {
            null or "public" => DemandVisibility.Public,
            "anonymous" => DemandVisibility.Anonymous,
            _ => null,
        };
        if (visibility is null)
        {
            validation.Add("visibility", "unknown", "Visibility is public or anonymous.");
        }

        validation.ThrowIfInvalid();
        demand.Title = request.Title!.Trim();
        demand.Description = request.Description!.Trim();
        demand.TechnologyFieldCode = request.TechnologyFieldCode!;
        demand.SectorCode = string.IsNullOrEmpty(request.SectorCode) ? null : request.SectorCode;
        demand.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        demand.BudgetMinFen = request.BudgetMinFen;
        demand.BudgetMaxFen = request.BudgetMaxFen;
        demand.Deadline = request.Deadline;
        demand.RegionCode = region!;
        demand.Visibility = visibility!.Value;
        demand.IsOpenCall = request.IsOpenCall ?? false;
    }

    public static DemandResponse ToResponse(TechnologyDemand d, OrganizationFacts? organization, bool seesIdentity)
    {
        var budget = BudgetRange.FromFen(d.BudgetMinFen, d.BudgetMaxFen).ToDisplay();
        return new(
            d.Id,
            ListingNames.Of(d.Status),
            seesIdentity ? d.OrganizationId : null,
            seesIdentity ? organization?.LegalName : null,
            ListingNames.Of(d.Visibility),
            d.IdentityRevealedAt is not null,
            d.Title,
            d.Description,
            d.TechnologyFieldCode,
            d.SectorCode,
            d.IndustryCode,
            d.BudgetMinFen,
            d.BudgetMaxFen,
            budget.Length == 0 ? null : budget,
            d.Deadline,
            d.RegionCode,
            d.IsOpenCall,
            d.OpenCallDecidedAt is not null,
            d.CreatedAt,
            d.PublishedAt,
            d.ExpiresAt,
            d.StatusReason);
    }
}
