namespace TechBridge.Modules.Vouchers.Contracts;

// "What is paid": an item a voucher may pay for, described by the module that owns it (Engagements' service orders
// now; instrument bookings and test orders implement the same contract when those modules land). The voucher
// module never reads another module's tables: it asks every registered source by kind.
internal sealed record PayableItem(
    string Kind,
    Guid Id,
    string Title,
    Guid ProviderOrganizationId,
    Guid ClientOrganizationId,
    long AmountFen,
    // The service sector (the plan's ten sectors) the item belongs to; null when the owner cannot say.
    string? SectorCode,
    // Both parties agreed the item (an order exists): some programs require this before an application.
    bool Agreed,
    // The service was delivered: redemption may be asked for only then.
    bool Delivered);

internal interface IPayableItemSource
{
    // A stable kind name: "service-order", later "instrument-booking", "test-order".
    string Kind { get; }

    // Whether programs treat this kind as instrument use or as testing (programs may exclude either).
    PayableCategory Category { get; }

    Task<PayableItem?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, PayableItem>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    // Items where the organization is the client (what an enterprise may spend a voucher on), newest first.
    Task<IReadOnlyList<PayableItem>> ForClientAsync(Guid clientOrganizationId, CancellationToken cancellationToken = default);
}

internal enum PayableCategory
{
    Service = 1,
    InstrumentUse = 2,
    Testing = 3,
}
