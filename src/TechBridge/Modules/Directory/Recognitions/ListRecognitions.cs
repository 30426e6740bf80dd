using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Recognitions;

internal sealed record RecognitionListResponse(int Total, IReadOnlyList<RecognitionResponse> Items);

internal sealed record RecognitionFilter(string? Kind, RecognitionLevel? Level, string? Region, RecognitionStatus? Status);

// GET /api/v1/recognitions?kind=&level=&region= (confirmed recognitions, for the plan's counts) and
// GET /api/v1/organizations/{id}/recognitions (an organization's; pending and revoked ones only for its members and
// the admins of its jurisdiction).
internal static class ListRecognitionsEndpoints
{
    public static RouteGroupBuilder MapListRecognitions(this RouteGroupBuilder recognitions)
    {
        recognitions.MapGet("/", ListAsync)
            .WithName("ListRecognitions")
            .WithSummary("Confirmed recognitions by kind, level and region (code prefix, region group such as XIONGAN, or jjj), with the total count; at most 200 items.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return recognitions;
    }

    public static RouteGroupBuilder MapListOrganizationRecognitions(this RouteGroupBuilder organizations)
    {
        organizations.MapGet("/{organizationId:guid}/recognitions", ListForOrganizationAsync)
            .WithName("ListOrganizationRecognitions")
            .WithSummary("An organization's recognitions: confirmed ones for everyone; pending and revoked ones also for its members and admins.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return organizations;
    }

    private static async Task<Ok<RecognitionListResponse>> ListAsync(string? kind, string? level, string? region, ListRecognitionsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ListConfirmedAsync(kind, level, region, cancellationToken));

    private static async Task<Ok<RecognitionListResponse>> ListForOrganizationAsync(Guid organizationId, ListRecognitionsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ListForOrganizationAsync(organizationId, cancellationToken));
}

internal sealed class RecognitionRow
{
    public required Recognition Recognition { get; init; }

    public required Organization Organization { get; init; }
}

internal sealed class ListRecognitionsHandler(PlatformDbContext db, IAccess access, ActorContext actor, IReferenceData reference)
{
    private const int MaxRows = 500;

    private const int MaxItems = 200;

    // Everyone's view: confirmed recognitions only, at most 200.
    public async Task<RecognitionListResponse> ListConfirmedAsync(string? kind, string? level, string? region, CancellationToken cancellationToken)
    {
        var parsedLevel = RecognitionMapping.ParseLevel(level);
        if (level is not null && parsedLevel is null)
        {
            throw InvalidRequestException.For("level", "unknown", "Level is national, provincial or city.");
        }

        if (kind is not null && !reference.RecognitionKindExists(kind))
        {
            throw InvalidRequestException.For("kind", "unknown", "Not a recognition kind (GET /api/v1/reference/recognition-kinds).");
        }

        var query = Query(db, new RecognitionFilter(kind, parsedLevel, region, RecognitionStatus.Confirmed));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(x => x.Recognition.KindCode).ThenBy(x => x.Organization.LegalName).Take(MaxItems).ToListAsync(cancellationToken);
        return new RecognitionListResponse(total, items.Select(x => RecognitionMapping.ToResponse(x.Recognition, x.Organization, reference)).ToList());
    }

    public async Task<RecognitionListResponse> ListForOrganizationAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw new NotFoundException("The organization");
        var seesAll = false;
        if (actor.UserId is { } userId)
        {
            seesAll = await db.Set<Membership>().AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, cancellationToken)
                || await access.HasPermissionAsync(DirectoryPermissions.ManageRecognitions, organization.RegionCode, cancellationToken);
        }

        var items = await db.Set<Recognition>().AsNoTracking()
            .Where(r => r.OrganizationId == organizationId && (seesAll || r.Status == RecognitionStatus.Confirmed))
            .OrderBy(r => r.KindCode).ThenBy(r => r.IssuedOn)
            .ToListAsync(cancellationToken);
        return new RecognitionListResponse(items.Count, items.Select(r => RecognitionMapping.ToResponse(r, organization, reference)).ToList());
    }

    // Recognitions joined with their organizations, filtered.
    private static IQueryable<RecognitionRow> Query(PlatformDbContext db, RecognitionFilter filter)
    {
        var query = from r in db.Set<Recognition>().AsNoTracking()
                    join o in db.Set<Organization>().AsNoTracking() on r.OrganizationId equals o.Id
                    select new RecognitionRow { Recognition = r, Organization = o };
        if (!string.IsNullOrEmpty(filter.Kind))
        {
            query = query.Where(x => x.Recognition.KindCode == filter.Kind);
        }

        if (filter.Level is { } level)
        {
            query = query.Where(x => x.Recognition.Level == level);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Recognition.Status == status);
        }

        query = query.InRegion(RegionFilter.Parse(filter.Region), x => x.Organization.RegionCode);

        return query;
    }

    // The admin's view: every status, only the recognitions in the caller's jurisdictions, at most 500.
    public async Task<List<RecognitionResponse>> AdminListAsync(string? kind, string? level, string? status, string? region, CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(DirectoryPermissions.ManageRecognitions, cancellationToken);
        RecognitionStatus? parsedStatus = Enum.TryParse<RecognitionStatus>(status, ignoreCase: true, out var parsed) ? parsed : null;
        var filter = new RecognitionFilter(reference.RecognitionKindExists(kind) ? kind : null, RecognitionMapping.ParseLevel(level), region, parsedStatus);
        var rows = await Query(db, filter)
            .OrderBy(x => x.Recognition.Status).ThenBy(x => x.Recognition.ValidUntil)
            .Take(MaxRows * 4)
            .ToListAsync(cancellationToken);
        return rows.Where(x => jurisdictions.Any(j => Jurisdictions.Covers(j, x.Organization.RegionCode)))
            .Take(MaxRows)
            .Select(x => RecognitionMapping.ToResponse(x.Recognition, x.Organization, reference))
            .ToList();
    }
}
