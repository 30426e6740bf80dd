using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Vouchers;

// Who acts and what is paid, for every voucher slice: the acting organization (an API caller with one membership
// needs no X-Organization header), today in China, and the payable items of every module that offers them.
internal sealed class VoucherParties(IAccess access, ActorContext actor, IOrganizationFacts facts, IEnumerable<IPayableItemSource> sources, TimeProvider clock)
{
    public IAccess Access => access;

    // The signed-in user, or null for a background job.
    public Guid? UserId => actor.UserId;

    public DateOnly Today => DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);

    public async Task<Guid> ActingAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganizationId is { } chosen)
        {
            return chosen;
        }

        var mine = await facts.MembershipsOfAsync(access.UserId, cancellationToken);
        return mine.Count == 1 ? mine[0].Id : access.ActingOrganizationId;
    }

    public async Task<Guid?> ActingOrNullAsync(CancellationToken cancellationToken)
    {
        if (actor.OrganizationId is { } chosen)
        {
            return chosen;
        }

        var mine = await facts.MembershipsOfAsync(access.UserId, cancellationToken);
        return mine.Count == 1 ? mine[0].Id : null;
    }

    public IPayableItemSource Source(string? kind) =>
        sources.FirstOrDefault(s => s.Kind == kind) ?? throw InvalidRequestException.For("itemKind", "unknownKind", "Vouchers pay for service orders (itemKind service-order).");

    public IEnumerable<IPayableItemSource> Sources => sources;

    public async Task<PayableItem> ItemAsync(string? kind, Guid? id, CancellationToken cancellationToken) =>
        id is { } itemId ? await Source(kind).FindAsync(itemId, cancellationToken) ?? throw new NotFoundException("The order")
        : throw InvalidRequestException.For("itemId", "required", "Name the order the voucher pays for.");
}
