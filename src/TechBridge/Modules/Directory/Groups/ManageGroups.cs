using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Groups;

internal sealed record CreateGroupRequest(string? Kind, string? Name, string? NameEn, string? RegionCode, Guid? LeadOrganizationId, string? ReferenceCode, string? SectorCode);

internal sealed record AddGroupMemberRequest(Guid? OrganizationId);

// POST /api/v1/groups and POST /api/v1/groups/{id}/members: admins with ManageGroups for the group's region.
internal static class ManageGroupsEndpoints
{
    public static RouteGroupBuilder MapManageGroups(this RouteGroupBuilder groups)
    {
        groups.MapPost("/", CreateAsync)
            .WithName("CreateGroup")
            .WithSummary("Creates an alliance (with its lead organization), cluster, high-tech zone or county cluster.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        groups.MapPost("/{id:guid}/members", AddMemberAsync)
            .WithName("AddGroupMember")
            .WithSummary("Adds an organization to a group.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return groups;
    }

    private static async Task<Created<GroupSummary>> CreateAsync(CreateGroupRequest request, ManageGroupsHandler handler, CancellationToken cancellationToken)
    {
        var group = await handler.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/v1/groups/{group.Id}", group);
    }

    private static async Task<Created<GroupMemberResponse>> AddMemberAsync(Guid id, AddGroupMemberRequest request, ManageGroupsHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/groups/{id}", await handler.AddMemberAsync(id, request, cancellationToken));
}

internal sealed class ManageGroupsHandler(IAccess access, IReferenceData reference, PlatformDbContext db, TimeProvider clock)
{
    public async Task<GroupSummary> CreateAsync(CreateGroupRequest request, CancellationToken cancellationToken)
    {
        var kind = GroupMapping.ParseKind(request.Kind);
        var validation = new Validation().Required("kind", request.Kind).Required("name", request.Name)
            .MaxLength("name", request.Name, 200).MaxLength("nameEn", request.NameEn, 200);
        if (request.Kind is not null && kind is null)
        {
            validation.Add("kind", "unknown", "Kind is alliance, cluster, high-tech-zone or county-cluster.");
        }

        if (request.SectorCode is not null && !reference.SectorExists(request.SectorCode))
        {
            validation.Add("sectorCode", "unknown", "Not one of the ten sectors (GET /api/v1/reference/sectors).");
        }

        if (kind == GroupKind.CountyCluster && !reference.CountyClusters.Any(c => c.Code == request.ReferenceCode))
        {
            validation.Add("referenceCode", "unknown", "A county cluster names its code from GET /api/v1/reference/region-groups.");
        }

        Organization? lead = null;
        if (kind == GroupKind.Alliance)
        {
            lead = request.LeadOrganizationId is { } leadId ? await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == leadId, cancellationToken) : null;
            if (lead is null)
            {
                validation.Add("leadOrganizationId", "required", "An alliance names an existing lead organization.");
            }
        }
        else if (!await reference.RegionExistsAsync(request.RegionCode, cancellationToken))
        {
            validation.Add("regionCode", "unknown", "A region code (city 4 or county 6 digits) from the regions table is required.");
        }

        validation.ThrowIfInvalid();
        var regionCode = lead?.RegionCode ?? request.RegionCode!;
        await access.RequirePermissionAsync(DirectoryPermissions.ManageGroups, regionCode, cancellationToken);

        var group = new OrganizationGroup
        {
            Kind = kind!.Value,
            Name = request.Name!.Trim(),
            NameEn = request.NameEn?.Trim(),
            RegionCode = regionCode,
            LeadOrganizationId = lead?.Id,
            ReferenceCode = request.ReferenceCode,
            SectorCode = request.SectorCode,
            CreatedAt = clock.GetUtcNow(),
        };
        if (lead is not null)
        {
            group.Members.Add(new GroupMember { OrganizationId = lead.Id, JoinedAt = group.CreatedAt });
        }

        db.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return ListGroupsEndpoints.Summary(group, group.Members.Count);
    }

    public async Task<GroupMemberResponse> AddMemberAsync(Guid id, AddGroupMemberRequest request, CancellationToken cancellationToken)
    {
        if (request.OrganizationId is null)
        {
            throw InvalidRequestException.For("organizationId", "required", "Name the organization to add.");
        }

        var group = await db.Set<OrganizationGroup>().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) ?? throw new NotFoundException("The group");
        await access.RequirePermissionAsync(DirectoryPermissions.ManageGroups, group.RegionCode, cancellationToken);
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken)
            ?? throw InvalidRequestException.For("organizationId", "unknown", "No such organization.");
        if (await db.Set<GroupMember>().AnyAsync(m => m.GroupId == id && m.OrganizationId == organization.Id, cancellationToken))
        {
            throw new ConflictException("already_member", "The organization is already a member of the group.");
        }

        var member = new GroupMember { GroupId = id, OrganizationId = organization.Id, JoinedAt = clock.GetUtcNow() };
        db.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return new GroupMemberResponse(organization.Id, organization.LegalName, organization.RegionCode, member.JoinedAt);
    }
}
