using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Directory.GetOrganization;

// A business licence is readable by the organization's members and by the admins who verify its region.
internal sealed class EvidenceReadAuthorizer(PlatformDbContext db, IAccess access) : IFileReadAuthorizer
{
    public async Task<bool> MayReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var organizations = await db.Set<Organization>().Where(o => o.EvidenceSha256 == sha256)
            .Select(o => new { o.Id, o.RegionCode }).ToListAsync(cancellationToken);
        foreach (var organization in organizations)
        {
            if (await db.Set<Membership>().AnyAsync(m => m.OrganizationId == organization.Id && m.UserId == userId, cancellationToken)
                || await access.HasPermissionAsync(DirectoryPermissions.VerifyOrganizations, organization.RegionCode, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
