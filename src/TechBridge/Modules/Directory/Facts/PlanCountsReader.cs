using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Facts;

// The counts behind the plan's quantified targets, computed where the recognitions and groups live. An item counts on
// a date when it was in force then: a recognition issued on or before it and not expired (revoked ones never count);
// a group registered on or before it. Only Hebei (13) counts: the targets are the province's.
internal sealed class PlanCountsReader(PlatformDbContext db) : IPlanCounts
{
    private static readonly string[] NationalPlatformKinds = ["key-lab", "engineering-centre", "innovation-centre"];

    public async Task<IReadOnlyList<PlanCountAt>> CountAsync(PlanCountKind kind, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken = default)
    {
        var items = kind switch
        {
            PlanCountKind.LeadingEnterprises => await RecognitionsAsync(["leading-enterprise"], null, false, cancellationToken),
            PlanCountKind.NewRdInstitutions => await RecognitionsAsync(["new-rd-institution"], null, false, cancellationToken),
            PlanCountKind.HighTechServiceEnterprises => await RecognitionsAsync(["high-tech-enterprise"], null, true, cancellationToken),
            PlanCountKind.InternationalCooperationBases => await RecognitionsAsync(["international-cooperation-base"], [RecognitionLevel.National, RecognitionLevel.Provincial], false, cancellationToken),
            PlanCountKind.NationalRdPlatforms => await RecognitionsAsync(NationalPlatformKinds, [RecognitionLevel.National], false, cancellationToken),
            PlanCountKind.ServiceClusters => await GroupsAsync(GroupKind.Cluster, cancellationToken),
            PlanCountKind.InnovationAlliances => await GroupsAsync(GroupKind.Alliance, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        return dates.Select(date =>
        {
            // An organization holding two overlapping certificates of the kind (a renewal) counts once.
            var inForce = items.Where(i => i.From <= date && (i.Until is null || i.Until >= date)).DistinctBy(i => i.Key).ToList();
            var byRegion = inForce.GroupBy(i => i.RegionCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new PlanCountAt(date, inForce.Count, byRegion);
        }).ToList();
    }

    private sealed record Item(Guid Key, string RegionCode, DateOnly From, DateOnly? Until);

    private async Task<List<Item>> RecognitionsAsync(string[] kinds, RecognitionLevel[]? levels, bool tenSectorsOnly, CancellationToken cancellationToken)
    {
        var query =
            from r in db.Set<Recognition>().AsNoTracking()
            join o in db.Set<Organization>() on r.OrganizationId equals o.Id
            where kinds.Contains(r.KindCode) && r.Status == RecognitionStatus.Confirmed && o.RegionCode.StartsWith(Jurisdictions.Hebei)
            select new { r.Level, r.IssuedOn, r.ValidUntil, o.RegionCode, o.Id };
        if (levels is not null)
        {
            query = query.Where(r => levels.Contains(r.Level));
        }

        if (tenSectorsOnly)
        {
            query = query.Where(r => db.Set<OrganizationSector>().Any(s => s.OrganizationId == r.Id));
        }

        var rows = await query.ToListAsync(cancellationToken);
        return rows.Select(r => new Item(r.Id, r.RegionCode, r.IssuedOn, r.ValidUntil)).ToList();
    }

    private async Task<List<Item>> GroupsAsync(GroupKind kind, CancellationToken cancellationToken)
    {
        var rows = await db.Set<OrganizationGroup>().AsNoTracking()
            .Where(g => g.Kind == kind && g.RegionCode.StartsWith(Jurisdictions.Hebei))
            .Select(g => new { g.Id, g.RegionCode, g.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(g => new Item(g.Id, g.RegionCode, DateOnly.FromDateTime(g.CreatedAt.UtcDateTime), null)).ToList();
    }
}
