using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Security;

namespace TechBridge.Modules.Listings.ExpireListings;

// Moves published listings past their validity to Expired, announcing each in the outbox. Idempotent: a listing
// already expired (or renewed meanwhile: the Status token makes that a lost race) is simply not touched again.
internal sealed class ListingExpiry(ListingLifecycle lifecycle, ActorContext actor)
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

// Runs the expiry every Listings:ExpiryPeriodMinutes (default 60).
internal sealed class ListingExpiryJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<ListingExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMinutes(configuration.GetValue("Listings:ExpiryPeriodMinutes", 60.0));
        using var timer = new PeriodicTimer(period, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var expired = await scope.ServiceProvider.GetRequiredService<ListingExpiry>().RunOnceAsync(stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} listing(s)", expired);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed round (database busy, not yet migrated) is retried at the next tick.
                logger.LogWarning(exception, "Listing expiry failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
