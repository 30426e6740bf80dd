using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;

namespace TechBridge.Modules.Directory.Groups;

// GET /api/v1/groups?kind=&region= and GET /api/v1/groups/{id}: alliances, clusters and zones with their members.
internal static class ListGroupsEndpoints
{
    public static RouteGroupBuilder MapListGroups(this RouteGroupBuilder groups)
    {
        groups.MapGet("/", ListAsync)
            .WithName("ListGroups")
            .WithSummary("Alliances, clusters, high-tech zones and county clusters, by kind and region code prefix.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        groups.MapGet("/{id:guid}", GetAsync)
            .WithName("GetGroup")
            .WithSummary("One group with its lead organization and members.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return groups;
    }

    public static async Task<List<GroupSummary>> QueryAsync(PlatformDbContext db, GroupKind? kind, string? region, CancellationToken cancellationToken)
    {
        var query = db.Set<OrganizationGroup>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(g => g.Kind == k);
        }

        if (!string.IsNullOrEmpty(region))
        {
            query = query.Where(g => g.RegionCode.StartsWith(region));
        }

        var rows = await query.OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new { Group = g, Count = g.Members.Count })
            .ToListAsync(cancellationToken);
        return rows.Select(r => Summary(r.Group, r.Count)).ToList();
    }

    public static GroupSummary Summary(OrganizationGroup g, int count) =>
        new(g.Id, GroupMapping.Name(g.Kind), g.Name, g.NameEn, g.RegionCode, g.LeadOrganizationId, g.ReferenceCode, g.SectorCode, count);

    private static async Task<Ok<List<GroupSummary>>> ListAsync(string? kind, string? region, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var parsed = GroupMapping.ParseKind(kind);
        if (kind is not null && parsed is null)
        {
            throw InvalidRequestException.For("kind", "unknown", "Kind is alliance, cluster, high-tech-zone or county-cluster.");
        }

        return TypedResults.Ok(await QueryAsync(db, parsed, region, cancellationToken));
    }

    private static async Task<Ok<GroupDetail>> GetAsync(Guid id, PlatformDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DetailAsync(db, id, cancellationToken));

    public static async Task<GroupDetail> DetailAsync(PlatformDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var group = await db.Set<OrganizationGroup>().AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw new NotFoundException("The group");
        var ids = group.Members.Select(m => m.OrganizationId).Append(group.LeadOrganizationId ?? Guid.Empty).ToList();
        var organizations = await db.Set<Organization>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new { o.LegalName, o.RegionCode }, cancellationToken);
        var members = group.Members
            .Select(m => new GroupMemberResponse(m.OrganizationId, organizations[m.OrganizationId].LegalName, organizations[m.OrganizationId].RegionCode, m.JoinedAt))
            .OrderBy(m => m.LegalName, StringComparer.Ordinal)
            .ToList();
        var lead = group.LeadOrganizationId is { } leadId && organizations.TryGetValue(leadId, out var o) ? o.LegalName : null;
        return new GroupDetail(Summary(group, members.Count), lead, members);
    }
}
