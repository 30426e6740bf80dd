using TechBridge.Modules.TechMarket.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.TechMarket.RegisterContracts;

// A written contract is readable by whoever may see an application or deal that refers to it: the parties, the
// registration authority of the registrant's jurisdiction and, during expert review, its experts.
internal sealed class ContractFileReadAuthorizer(PlatformDbContext db, ContractViewer viewer) : IFileReadAuthorizer
{
    public async Task<bool> MayReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var contracts = await db.Set<TechContract>().AsNoTracking().Where(c => c.ContractFileSha256 == sha256).Take(20).ToListAsync(cancellationToken);
        foreach (var contract in contracts)
        {
            if (await viewer.RoleAsync(contract, cancellationToken) is not null)
            {
                return true;
            }
        }

        var parties = await db.Set<Deal>().AsNoTracking().Where(d => d.ContractFileSha256 == sha256).Select(d => new[] { d.SellerOrganizationId, d.BuyerOrganizationId }).ToListAsync(cancellationToken);
        if (parties.Count == 0)
        {
            return false;
        }

        var mine = await viewer.MyOrganizationsAsync(cancellationToken);
        return parties.Any(p => p.Any(mine.Contains));
    }
}
