using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Engagements.ServiceOrders;

// Delivery evidence is read by those who must judge the delivery: both parties of the order (the client accepts or
// disputes on it) and the admins who resolve complaints in the provider's jurisdiction.
internal sealed class OrderEvidenceReadAuthorizer(PlatformDbContext db, IAccess access, IOrganizationFacts facts) : IFileReadAuthorizer
{
    public async Task<bool> MayReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var orders = await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.DeliveryEvidenceSha256 == sha256)
            .Select(o => new { o.ClientOrganizationId, o.ProviderOrganizationId, o.ProviderRegionCode }).Take(20).ToListAsync(cancellationToken);
        if (orders.Count == 0)
        {
            return false;
        }

        var mine = (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Select(m => m.Id).ToHashSet();
        foreach (var order in orders)
        {
            if (mine.Contains(order.ClientOrganizationId) || mine.Contains(order.ProviderOrganizationId)
                || await access.HasPermissionAsync(EngagementsPermissions.ResolveComplaints, order.ProviderRegionCode, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
