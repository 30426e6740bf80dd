using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Jobs;

namespace TechBridge.Modules.Listings.ExpireListings;

// Moves published listings past their validity to Expired, announcing each in the outbox. Idempotent: a listing
// already expired (or renewed meanwhile: the Status token makes that a lost race) is simply not touched again.
// A platform job ("listings.expiry", every Listings:ExpiryPeriodMinutes, default 60), one node at a time.
internal sealed class ListingExpiry(ListingLifecycle lifecycle, ActorContext actor) : IJob
{
    private const int Batch = 500;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        actor.Action = "expire listings";
        var now = lifecycle.Now();
        var expired = 0;
        expired += await ExpireAsync(lifecycle.Db.Set<ServiceOffering>(), now, cancellationToken);
        expired += await ExpireAsync(lifecycle.Db.Set<TechnologyDemand>(), now, cancellationToken);
        expired += await ExpireAsync(lifecycle.Db.Set<TechnologyAchievement>(), now, cancellationToken);
        return expired;
    }

    private async Task<int> ExpireAsync<T>(IQueryable<T> set, DateTimeOffset now, CancellationToken cancellationToken)
        where T : Listing
    {
        var count = 0;
        while (true)
        {
            var due = await set.Where(l => l.Status == ListingStatus.Published && l.ExpiresAt != null && l.ExpiresAt <= now)
                .OrderBy(l => l.ExpiresAt).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return count;
            }

            foreach (var listing in due)
            {
                lifecycle.Expire(listing);
            }

            try
            {
                await lifecycle.Db.SaveChangesAsync(cancellationToken);
                count += due.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // An owner renewed or closed one of them meanwhile; the next round reads the batch afresh.
                lifecycle.Db.ChangeTracker.Clear();
                continue;
            }

            lifecycle.Db.ChangeTracker.Clear();
            if (due.Count < Batch)
            {
                return count;
            }
        }
    }
}
