using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Facts;

internal sealed class OrganizationFactsReader(PlatformDbContext db) : IOrganizationFacts
{
    public async Task<OrganizationFacts?> FindAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([organizationId], cancellationToken)).GetValueOrDefault(organizationId);

    public async Task<IReadOnlyDictionary<Guid, OrganizationFacts>> FindManyAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default)
    {
        var ids = organizationIds.Distinct().ToList();
        var organizations = await db.Set<Organization>().AsNoTracking().AsSplitQuery()
            .Include(o => o.Sectors).Include(o => o.Branches)
            .Where(o => ids.Contains(o.Id))
            .ToListAsync(cancellationToken);
        var suspended = await db.Set<InstitutionApplication>().AsNoTracking()
            .Where(a => ids.Contains(a.OrganizationId) && a.State == InstitutionState.Suspended)
            .Select(a => a.OrganizationId).ToListAsync(cancellationToken);
        return organizations.ToDictionary(o => o.Id, o => ToFacts(o) with { IsSuspended = suspended.Contains(o.Id) });
    }

    public async Task<IReadOnlyDictionary<string, Guid>> FindVerifiedByNamesAsync(IReadOnlyCollection<string> legalNames, CancellationToken cancellationToken = default)
    {
        var names = legalNames.Distinct().ToList();
        var rows = await db.Set<Organization>().AsNoTracking()
            .Where(o => names.Contains(o.LegalName) && o.Verification == VerificationStatus.Verified)
            .Select(o => new { o.LegalName, o.Id })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.LegalName).ToDictionary(g => g.Key, g => g.First().Id);
    }

    public async Task<IReadOnlyList<OrganizationFacts>> MembershipsOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var ids = await db.Set<Membership>().Where(m => m.UserId == userId).Select(m => m.OrganizationId).ToListAsync(cancellationToken);
        return (await FindManyAsync(ids, cancellationToken)).Values.OrderBy(o => o.LegalName, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<Guid>> MemberUserIdsAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        await db.Set<Membership>().Where(m => m.OrganizationId == organizationId).Select(m => m.UserId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> AdminUserIdsAsync(string permission, string regionCode, CancellationToken cancellationToken = default)
    {
        var grants = await db.Set<AdminGrant>().AsNoTracking().Where(g => g.Permission == permission)
            .Select(g => new { g.UserId, g.JurisdictionCode }).ToListAsync(cancellationToken);
        return grants.Where(g => Jurisdictions.Covers(g.JurisdictionCode, regionCode)).Select(g => g.UserId).Distinct().ToList();
    }

    public async Task<IReadOnlyList<OrganizationFacts>> MembershipsOfUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(cancellationToken);
        return userId is { } id ? await MembershipsOfAsync(id, cancellationToken) : [];
    }

    public async Task<IReadOnlyList<Guid>> SuspendedOrganizationIdsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<InstitutionApplication>().AsNoTracking().Where(a => a.State == InstitutionState.Suspended)
            .Select(a => a.OrganizationId).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<OrganizationFacts>> DemoOrganizationsAsync(OrganizationType type, CancellationToken cancellationToken = default)
    {
        var kind = (OrganizationKind)(int)type;
        var organizations = await db.Set<Organization>().AsNoTracking().AsSplitQuery()
            .Include(o => o.Sectors).Include(o => o.Branches)
            .Where(o => o.IsDemo && o.Kind == kind && o.Verification == VerificationStatus.Verified)
            .OrderBy(o => o.CreditCode)
            .ToListAsync(cancellationToken);
        return organizations.Select(ToFacts).ToList();
    }

    private static OrganizationFacts ToFacts(Organization o) => new(
        o.Id,
        o.LegalName,
        (OrganizationType)(int)o.Kind,
        o.RegionCode,
        o.Verification == VerificationStatus.Verified,
        o.Sectors.Select(s => s.SectorCode).ToList(),
        o.Branches.Select(b => new BranchFacts(b.Id, b.Name, b.RegionCode)).ToList());
}
