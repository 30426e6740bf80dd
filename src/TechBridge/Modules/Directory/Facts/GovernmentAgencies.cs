using Microsoft.AspNetCore.Identity;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Facts;

internal sealed class GovernmentAgencies(PlatformDbContext db, UserManager<PlatformUser> users, TimeProvider clock) : IGovernmentAgencies
{
    public async Task<IReadOnlyDictionary<string, Guid>> EnsureAsync(IReadOnlyList<AgencySpec> agencies, CancellationToken cancellationToken = default)
    {
        var names = agencies.Select(a => a.LegalName).Distinct().ToList();
        var found = await db.Set<Organization>()
            .Where(o => o.Kind == OrganizationKind.GovernmentAgency && names.Contains(o.LegalName))
            .Select(o => new { o.LegalName, o.Id })
            .ToListAsync(cancellationToken);
        var result = found.GroupBy(o => o.LegalName).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var agency in agencies.Where(a => !result.ContainsKey(a.LegalName)).DistinctBy(a => a.LegalName))
        {
            var organization = new Organization
            {
                Kind = OrganizationKind.GovernmentAgency,
                LegalName = agency.LegalName,
                RegionCode = agency.RegionCode,
                Verification = VerificationStatus.Verified,
                VerificationReason = "named as a responsible unit by the plan",
                CreatedAt = clock.GetUtcNow(),
            };
            db.Add(organization);
            result[agency.LegalName] = organization.Id;
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    public async Task<IReadOnlyList<Guid>> AdminsWithAsync(string permission, string regionCode, CancellationToken cancellationToken = default)
    {
        var grants = await db.Set<AdminGrant>().Where(g => g.Permission == permission)
            .Select(g => new { g.UserId, g.JurisdictionCode }).ToListAsync(cancellationToken);
        return grants.Where(g => Jurisdictions.Covers(g.JurisdictionCode, regionCode)).Select(g => g.UserId).Distinct().ToList();
    }

    public async Task EnsureDemoMemberAsync(string userName, string displayName, Guid agencyId, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new PlatformUser { UserName = userName, DisplayName = displayName, IsDemo = true, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }
        }

        if (!await db.Set<Membership>().AnyAsync(m => m.UserId == user.Id && m.OrganizationId == agencyId, cancellationToken))
        {
            db.Add(new Membership { UserId = user.Id, OrganizationId = agencyId, Role = MembershipRole.Owner, CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
