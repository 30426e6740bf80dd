using System.Security.Claims;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Access;

internal sealed class Access(IHttpContextAccessor http, ActorContext actor, PlatformDbContext db) : IAccess
{
    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public Guid UserId => actor.UserId ?? throw new UnauthorizedException();

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public Guid ActingOrganizationId => actor.OrganizationId
        ?? throw InvalidRequestException.For(ActingOrganization.Header, "required", "Choose the organization you act for (X-Organization header).");

    public async Task RequireMemberAsync(Guid organizationId, bool ownerOnly = false, CancellationToken cancellationToken = default)
    {
        if (AuditorReads)
        {
            return;
        }

        var userId = UserId;
        var member = await db.Set<Membership>().AnyAsync(
            m => m.UserId == userId && m.OrganizationId == organizationId && (!ownerOnly || m.Role == MembershipRole.Owner), cancellationToken);
        if (!member)
        {
            throw new NotFoundException("The organization");
        }
    }

    public async Task<Guid> RequireVerifiedActingOrganizationAsync(CancellationToken cancellationToken = default)
    {
        var organizationId = ActingOrganizationId;
        var verified = await db.Set<Organization>().AnyAsync(o => o.Id == organizationId && o.Verification == VerificationStatus.Verified, cancellationToken);
        if (!verified)
        {
            throw new ConflictException("organization_not_verified", "The organization you act for is not verified yet.");
        }

        return organizationId;
    }

    // The auditor reads everything the admins of every jurisdiction read (queues, drafts, applications, orders,
    // engagements), but only while reading: on any other method the auditor holds no permission at all, and the
    // platform's AuditorReadOnly middleware has refused the request before it got here anyway.
    public bool ReadsEverything => AuditorReads;

    private bool AuditorReads =>
        AuditorReadOnly.IsOnlyAuditor(Principal) && AuditorReadOnly.IsRead(http.HttpContext?.Request.Method ?? "POST");

    public async Task<bool> HasPermissionAsync(string permission, string regionCode, CancellationToken cancellationToken = default)
    {
        if (AuditorReads)
        {
            return true;
        }

        var jurisdictions = await JurisdictionsWithAsync(permission, cancellationToken);
        return jurisdictions.Any(j => Jurisdictions.Covers(j, regionCode));
    }

    public async Task RequirePermissionAsync(string permission, string regionCode, CancellationToken cancellationToken = default)
    {
        if (!await HasPermissionAsync(permission, regionCode, cancellationToken))
        {
            throw new ForbiddenException($"You need the permission '{permission}' for the jurisdiction of region {regionCode}.");
        }
    }

    public async Task<IReadOnlyList<string>> JurisdictionsWithAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (AuditorReads)
        {
            return Jurisdictions.Provinces;
        }

        if (!IsInRole(Roles.Admin) || IsInRole(Roles.SystemAdmin) || IsInRole(Roles.Auditor))
        {
            return [];
        }

        var userId = UserId;
        return await db.Set<AdminGrant>()
            .Where(g => g.UserId == userId && g.Permission == permission)
            .Select(g => g.JurisdictionCode)
            .ToListAsync(cancellationToken);
    }

    // Not an approval right, so it needs no Admin role: a grant row names the broker's region.
    public async Task<IReadOnlyList<string>> BrokerRegionsAsync(CancellationToken cancellationToken = default)
    {
        if (!IsInRole(Roles.Broker))
        {
            return [];
        }

        var userId = UserId;
        return await db.Set<AdminGrant>()
            .Where(g => g.UserId == userId && g.Permission == DirectoryPermissions.BrokerRegion)
            .Select(g => g.JurisdictionCode)
            .ToListAsync(cancellationToken);
    }
}
