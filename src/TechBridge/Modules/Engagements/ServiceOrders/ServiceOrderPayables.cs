using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Vouchers.Contracts;

namespace TechBridge.Modules.Engagements.ServiceOrders;

// Service orders as items innovation vouchers pay for (the Vouchers module's "what is paid" contract). The sector is
// the provider's first registered sector: an order carries none of its own.
internal sealed class ServiceOrderPayables(PlatformDbContext db, IOrganizationFacts facts) : IPayableItemSource
{
    public string Kind => "service-order";

    public PayableCategory Category => PayableCategory.Service;

    public async Task<PayableItem?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, PayableItem>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var list = ids.Distinct().ToList();
        return (await ToItemsAsync(await db.Set<ServiceOrder>().AsNoTracking().Where(o => list.Contains(o.Id)).ToListAsync(cancellationToken), cancellationToken)).ToDictionary(i => i.Id);
    }

    public async Task<IReadOnlyList<PayableItem>> ForClientAsync(Guid clientOrganizationId, CancellationToken cancellationToken = default) =>
        await ToItemsAsync(await db.Set<ServiceOrder>().AsNoTracking().Where(o => o.ClientOrganizationId == clientOrganizationId)
            .OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Take(500).ToListAsync(cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<PayableItem>> ToItemsAsync(List<ServiceOrder> orders, CancellationToken cancellationToken)
    {
        var providers = await facts.FindManyAsync(orders.Select(o => o.ProviderOrganizationId).Distinct().ToList(), cancellationToken);
        return orders.Select(o => new PayableItem(Kind, o.Id, o.Title, o.ProviderOrganizationId, o.ClientOrganizationId, o.AmountFen,
            providers.GetValueOrDefault(o.ProviderOrganizationId)?.Sectors is [var sector, ..] ? sector : null, Agreed: true,
            Delivered: o.Status is OrderStatus.Delivered or OrderStatus.Accepted)).ToList();
    }
}

// Demo data only: delivered service orders between the demo enterprise and the two demo providers, so that the
// voucher demo has orders to pay for (each continues an agreed engagement, as every order does).
internal sealed class DemoVoucherOrdersSeeder(PlatformDbContext db, IOrganizationFacts facts, TimeProvider clock) : IDemoSeeder
{
    public const string Scope = "创新券演示订单：检验检测与技术服务";

    public int Order => 40;

    private async Task<OrganizationFacts?> FirstAsync(string userName, CancellationToken cancellationToken) =>
        await facts.MembershipsOfUserNameAsync(userName, cancellationToken) is [var first, ..] ? first : null;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var enterprise = await FirstAsync("enterprise.demo", cancellationToken);
        if (enterprise is null || await db.Set<ServiceOrder>().AnyAsync(o => o.ClientOrganizationId == enterprise.Id && o.Scope == Scope, cancellationToken))
        {
            return;
        }

        var userId = await db.Users.Where(u => u.UserName == "enterprise.demo").Select(u => u.Id).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var (owner, count, baseYuan, stepYuan) in new[] { ("provider.demo", 64, 3_000L, 97L), ("provider.beijing", 28, 5_000L, 211L) })
        {
            var provider = await FirstAsync(owner, cancellationToken);
            if (provider is null)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                // Varied amounts, some small enough for full coverage; the last four are still in progress.
                var amountFen = (i % 9 == 0 ? 4_000L + (i * 7) : baseYuan + (i * stepYuan)) * 100;
                var delivered = i < count - 4;
                var engagement = new Engagement
                {
                    ListingKind = "offering",
                    ListingId = Guid.CreateVersion7(),
                    ListingTitle = $"检验检测与技术服务（演示 {i + 1}）",
                    ListingOrganizationId = provider.Id,
                    InterestedOrganizationId = enterprise.Id,
                    JurisdictionRegion = provider.RegionCode,
                    Status = EngagementStatus.Agreed,
                    CreatedByUserId = userId,
                    CreatedAt = now.AddDays(-60 + i % 30),
                    UpdatedAt = now.AddDays(-50 + i % 30),
                };
                db.Add(engagement);
                db.Add(new ServiceOrder
                {
                    EngagementId = engagement.Id,
                    ClientOrganizationId = enterprise.Id,
                    ProviderOrganizationId = provider.Id,
                    ProviderRegionCode = provider.RegionCode,
                    Title = engagement.ListingTitle,
                    Scope = Scope,
                    AmountFen = amountFen,
                    Status = delivered ? OrderStatus.Delivered : OrderStatus.InProgress,
                    DeliveryNote = delivered ? "服务已完成，报告已交付" : null,
                    DeliveredAt = delivered ? now.AddDays(-10) : null,
                    CreatedByUserId = userId,
                    CreatedAt = engagement.UpdatedAt,
                    Milestones = [new OrderMilestone { Sequence = 1, Title = "交付报告", DueDate = DateOnly.FromDateTime(now.UtcDateTime.AddDays(30)), AmountFen = amountFen }],
                });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        progress?.Report($"demo voucher orders: {added}");
    }
}
