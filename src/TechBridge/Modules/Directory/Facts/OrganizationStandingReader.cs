using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Facts;

internal sealed class OrganizationStandingReader(PlatformDbContext db) : IOrganizationStanding
{
    public async Task<IReadOnlyDictionary<Guid, OrganizationStanding>> FindManyAsync(IReadOnlyCollection<Guid> organizationIds, DateOnly on, CancellationToken cancellationToken = default)
    {
        var ids = organizationIds.Distinct().ToList();
        var organizations = await db.Set<Organization>().AsNoTracking().Include(o => o.Sectors).Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var recognitions = await db.Set<Recognition>().AsNoTracking()
            .Where(r => ids.Contains(r.OrganizationId) && r.Status == RecognitionStatus.Confirmed)
            .Select(r => new { r.OrganizationId, r.KindCode, r.ValidUntil })
            .ToListAsync(cancellationToken);
        var admitted = (await db.Set<InstitutionApplication>().AsNoTracking()
            .Where(a => ids.Contains(a.OrganizationId) && a.State == InstitutionState.Approved)
            .Select(a => a.OrganizationId).ToListAsync(cancellationToken)).ToHashSet();
        return organizations.ToDictionary(o => o.Id, o => new OrganizationStanding(
            o.Id, o.LegalName, (OrganizationType)(int)o.Kind, o.RegionCode, o.Verification == VerificationStatus.Verified,
            o.CreditCode, o.LegalRepresentative, o.ActualController, o.Sectors.Select(s => s.SectorCode).ToList(),
            recognitions.Where(r => r.OrganizationId == o.Id && (r.ValidUntil is null || r.ValidUntil >= on)).Select(r => r.KindCode).Distinct().ToList(),
            admitted.Contains(o.Id)));
    }

    public async Task<IReadOnlyList<Guid>> AdmittedInstitutionsAsync(string regionPrefix, CancellationToken cancellationToken = default) =>
        await db.Set<InstitutionApplication>().AsNoTracking()
            .Where(a => a.State == InstitutionState.Approved && a.RegionCode.StartsWith(regionPrefix))
            .Select(a => a.OrganizationId).Distinct().ToListAsync(cancellationToken);
}
