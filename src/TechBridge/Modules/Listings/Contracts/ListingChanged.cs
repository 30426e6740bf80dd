using TechBridge.Platform.Outbox;

namespace TechBridge.Modules.Listings.Contracts;

// Announces what the public may now see (or no longer see) of a listing, through the platform outbox in the
// transaction that made the change. Kind is one of SearchableKinds.Listings; Change is "published", "unpublished"
// or "updated". Read the listing's current state through IListingSearchSource.
internal sealed record ListingChanged(string Kind, Guid ListingId, string Change) : IOutboxEvent
{
    public static string EventType => "listings.listing-changed";
}
