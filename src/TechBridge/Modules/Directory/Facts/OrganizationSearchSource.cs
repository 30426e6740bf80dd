using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Facts;

internal sealed class OrganizationSearchSource(PlatformDbContext db, TimeProvider clock) : IOrganizationSearchSource
{
    public async Task<IReadOnlyList<SearchableOrganization>> VerifiedPageAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var organizations = await db.Set<Organization>().AsNoTracking().AsSplitQuery()
            .Include(o => o.Sectors).Include(o => o.Branches)
            .Where(o => o.Verification == VerificationStatus.Verified)
            .OrderBy(o => o.Id).Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return await WithRecognitionsAsync(organizations, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, SearchableOrganization>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        var organizations = await db.Set<Organization>().AsNoTracking().AsSplitQuery()
            .Include(o => o.Sectors).Include(o => o.Branches)
            .Where(o => wanted.Contains(o.Id))
            .ToListAsync(cancellationToken);
        return (await WithRecognitionsAsync(organizations, cancellationToken)).ToDictionary(o => o.Id);
    }

    private async Task<IReadOnlyList<SearchableOrganization>> WithRecognitionsAsync(List<Organization> organizations, CancellationToken cancellationToken)
    {
        var ids = organizations.Select(o => o.Id).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var recognitions = (await db.Set<Recognition>().AsNoTracking()
                .Where(r => ids.Contains(r.OrganizationId) && r.Status == RecognitionStatus.Confirmed)
                .Select(r => new { r.OrganizationId, r.KindCode, r.ValidUntil })
                .ToListAsync(cancellationToken))
            .Where(r => r.ValidUntil is null || r.ValidUntil >= today)
            .ToLookup(r => r.OrganizationId, r => r.KindCode);
        return organizations.Select(o => new SearchableOrganization(
            o.Id, o.LegalName, (OrganizationType)(int)o.Kind, o.RegionCode, o.IndustryCode,
            o.Sectors.Select(s => s.SectorCode).ToList(),
            o.Branches.Select(b => b.RegionCode).Distinct(StringComparer.Ordinal).ToList(),
            recognitions[o.Id].Distinct(StringComparer.Ordinal).ToList(),
            o.Verification == VerificationStatus.Verified,
            o.CreatedAt)).ToList();
    }
}
