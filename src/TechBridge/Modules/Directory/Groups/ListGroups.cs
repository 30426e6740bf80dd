using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Groups;

// GET /api/v1/groups?kind=&region= and GET /api/v1/groups/{id}: alliances, clusters and zones with their members.
internal static class ListGroupsEndpoints
{
    public static RouteGroupBuilder MapListGroups(this RouteGroupBuilder groups)
    {
        groups.MapGet("/", ListAsync)
            .WithName("ListGroups")
            .WithSummary("Alliances, clusters, high-tech zones and county clusters, by kind and region (code prefix, region group or jjj).")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        groups.MapGet("/{id:guid}", GetAsync)
            .WithName("GetGroup")
            .WithSummary("One group with its lead organization and members.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return groups;
    }

    public static GroupSummary Summary(OrganizationGroup g, int count) =>
        new(g.Id, GroupMapping.Name(g.Kind), g.Name, g.NameEn, g.RegionCode, g.LeadOrganizationId, g.ReferenceCode, g.SectorCode, count);

    private static async Task<Ok<List<GroupSummary>>> ListAsync(string? kind, string? region, ListGroupsHandler handler, CancellationToken cancellationToken)
    {
        var parsed = GroupMapping.ParseKind(kind);
        if (kind is not null && parsed is null)
        {
            throw InvalidRequestException.For("kind", "unknown", "Kind is alliance, cluster, high-tech-zone or county-cluster.");
        }

        return TypedResults.Ok(await handler.QueryAsync(parsed, region, cancellationToken));
    }

    private static async Task<Ok<GroupDetail>> GetAsync(Guid id, ListGroupsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.DetailAsync(id, cancellationToken));
}

// The group queries the API and the /Groups page share.
internal sealed class ListGroupsHandler(PlatformDbContext db)
{
    public async Task<List<GroupSummary>> QueryAsync(GroupKind? kind, string? region, CancellationToken cancellationToken)
    {
        var query = db.Set<OrganizationGroup>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(g => g.Kind == k);
        }

        query = query.InRegion(RegionFilter.Parse(region), g => g.RegionCode);

        var rows = await query.OrderBy(g => g.Kind).ThenBy(g => g.Name)
            .Select(g => new { Group = g, Count = g.Members.Count })
            .ToListAsync(cancellationToken);
        return rows.Select(r => ListGroupsEndpoints.Summary(r.Group, r.Count)).ToList();
    }

    public async Task<GroupDetail> DetailAsync(Guid id, CancellationToken cancellationToken)
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
        return new GroupDetail(ListGroupsEndpoints.Summary(group, members.Count), lead, members);
    }
}
