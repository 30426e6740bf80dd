using TechBridge.Modules.Engagements.Data;

namespace TechBridge.Modules.Engagements.Contracts;

internal sealed record RatingSummary(Guid OrganizationId, double Average, int Count);

// What matching reads about how clients rated providers after accepted orders.
internal interface IProviderRatings
{
    // Organizations without ratings are absent from the answer.
    Task<IReadOnlyDictionary<Guid, RatingSummary>> ForAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default);
}

internal sealed class ProviderRatingsReader(PlatformDbContext db) : IProviderRatings
{
    public async Task<IReadOnlyDictionary<Guid, RatingSummary>> ForAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default)
    {
        var ids = organizationIds.Distinct().ToList();
        var rows = await db.Set<ProviderRating>().AsNoTracking()
            .Where(r => ids.Contains(r.ProviderOrganizationId))
            .GroupBy(r => r.ProviderOrganizationId)
            .Select(g => new { Id = g.Key, Sum = g.Sum(r => r.Stars), Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Averaged here from integer sums: SQLite and PostgreSQL agree exactly.
        return rows.ToDictionary(r => r.Id, r => new RatingSummary(r.Id, (double)r.Sum / r.Count, r.Count));
    }
}
