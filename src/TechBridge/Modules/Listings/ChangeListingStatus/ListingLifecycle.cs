using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Outbox;

namespace TechBridge.Modules.Listings.ChangeListingStatus;

// Loads listings for the caller and moves them between states. Every transition checks the state it read and saves
// with Status as the concurrency token (UPDATE … WHERE Status = old), so a racing transition loses with 409 instead
// of overwriting; outbox rows go into the same SaveChanges, i.e. the same transaction.
internal sealed class ListingLifecycle(PlatformDbContext db, IAccess access, ActorContext actor, TimeProvider clock, IConfiguration configuration,
    IOrganizationFacts facts, Notifier notifier)
{
    public TimeSpan Validity => TimeSpan.FromDays(configuration.GetValue("Listings:ValidityDays", 180));

    public PlatformDbContext Db => db;

    public Task<Listing?> FindAsync(ListingKind kind, Guid id, CancellationToken cancellationToken) =>
        ListingKinds.Of(kind).FindAsync(db, id, tracking: true, cancellationToken);

    // The listing, if the caller acts (X-Organization) for the organization that owns it; 404 for everyone else.
    public async Task<T> LoadOwnedAsync<T>(ListingKind kind, Guid id, CancellationToken cancellationToken)
        where T : Listing
    {
        _ = access.UserId;
        var listing = await FindAsync(kind, id, cancellationToken);
        if (listing is not T owned || actor.OrganizationId != listing.OrganizationId)
        {
            throw new NotFoundException($"The {ListingNames.Of(kind)}");
        }

        return owned;
    }

    // The listing, if the caller may review it: 404 when it does not exist, 403 outside the admin's jurisdiction.
    public async Task<Listing> LoadForReviewAsync(ListingKind kind, Guid id, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var listing = await FindAsync(kind, id, cancellationToken) ?? throw new NotFoundException($"The {ListingNames.Of(kind)}");
        await access.RequirePermissionAsync(ListingsPermissions.ReviewListings, listing.JurisdictionRegion, cancellationToken);
        return listing;
    }

    public static void RequireEditable(Listing listing)
    {
        if (listing.Status is not (ListingStatus.Draft or ListingStatus.Rejected))
        {
            throw new ConflictException("not_editable", $"Only draft or rejected listings can be edited; this one is {ListingNames.Of(listing.Status)}.");
        }
    }

    public void Submit(Listing listing)
    {
        Require(listing, "submit", ListingStatus.Draft, ListingStatus.Rejected);
        listing.Status = ListingStatus.Submitted;
        listing.SubmittedAt = Now();
        listing.StatusReason = null;
        Touch(listing);
    }

    public void Approve(Listing listing)
    {
        Require(listing, "approve", ListingStatus.Submitted);
        var now = Now();
        listing.Status = ListingStatus.Published;
        listing.PublishedAt = now;
        listing.ExpiresAt = now + Validity;
        listing.ReviewedBy = access.UserId;
        listing.StatusReason = null;
        Touch(listing);
        Announce(listing, ListingChange.Published);
    }

    public void Reject(Listing listing, string? reason)
    {
        var why = RequireReason(reason);
        Require(listing, "reject", ListingStatus.Submitted);
        listing.Status = ListingStatus.Rejected;
        listing.ReviewedBy = access.UserId;
        listing.StatusReason = why;
        Touch(listing);
    }

    public void TakeDown(Listing listing, string? reason)
    {
        var why = RequireReason(reason);
        var was = listing.Status;
        Require(listing, "take down", ListingStatus.Published, ListingStatus.Submitted);
        listing.Status = ListingStatus.TakenDown;
        listing.ReviewedBy = access.UserId;
        listing.StatusReason = why;
        Touch(listing);
        if (was == ListingStatus.Published)
        {
            Announce(listing, ListingChange.Unpublished);
        }
    }

    public void Close(Listing listing)
    {
        var was = listing.Status;
        Require(listing, "close", ListingStatus.Published, ListingStatus.Draft, ListingStatus.Rejected, ListingStatus.Submitted);
        listing.Status = ListingStatus.Closed;
        Touch(listing);
        if (was == ListingStatus.Published)
        {
            Announce(listing, ListingChange.Unpublished);
        }
    }

    // Extends a published listing by another validity period from now (or from its current end, whichever is
    // later), or brings back an expired one: it was reviewed already, so it is published again directly.
    public static readonly TimeSpan RenewalWindow = TimeSpan.FromDays(30);

    public void Renew(Listing listing)
    {
        var was = listing.Status;
        Require(listing, "renew", ListingStatus.Published, ListingStatus.Expired);
        var now = Now();
        // Renewal is for a listing about to lapse: earlier, each renewal would push the expiry another period out and
        // a listing could stay published for years without its owner looking at it again.
        if (listing.ExpiresAt is { } current && current - now > RenewalWindow)
        {
            throw new ConflictException("renewal_too_early", $"A listing can be renewed in the last {RenewalWindow.TotalDays:0} days of its period.");
        }

        var from = listing.ExpiresAt is { } end && end > now ? end : now;
        listing.Status = ListingStatus.Published;
        listing.ExpiresAt = from + Validity;
        Touch(listing);
        Announce(listing, was == ListingStatus.Expired ? ListingChange.Published : ListingChange.Updated);
    }

    public void Expire(Listing listing)
    {
        Require(listing, "expire", ListingStatus.Published);
        listing.Status = ListingStatus.Expired;
        Touch(listing);
        Announce(listing, ListingChange.Unpublished);
    }

    // Whoever waits for the step just taken hears of it, in the same SaveChanges: the reviewers of the listing's
    // jurisdiction on a submission, the owner's members on approval, rejection or take-down (with the reason).
    public async Task NotifyAsync(Listing listing, CancellationToken cancellationToken)
    {
        var link = $"/Listings/Detail?kind={ListingNames.Of(listing.Kind)}&id={listing.Id}";
        var parameters = new Dictionary<string, string> { ["listing"] = listing.Title };
        (NotificationTemplate Template, IReadOnlyList<Guid> To)? message = listing.Status switch
        {
            ListingStatus.Submitted => (ListingNotices.Submitted, await facts.AdminUserIdsAsync(ListingsPermissions.ReviewListings, listing.JurisdictionRegion, cancellationToken)),
            ListingStatus.Published => (ListingNotices.Approved, await facts.MemberUserIdsAsync(listing.OrganizationId, cancellationToken)),
            ListingStatus.Rejected => (ListingNotices.Rejected, await facts.MemberUserIdsAsync(listing.OrganizationId, cancellationToken)),
            ListingStatus.TakenDown => (ListingNotices.TakenDown, await facts.MemberUserIdsAsync(listing.OrganizationId, cancellationToken)),
            _ => null,
        };
        if (message is not { } m)
        {
            return;
        }

        if (listing.Status == ListingStatus.Submitted)
        {
            parameters["organization"] = (await facts.FindAsync(listing.OrganizationId, cancellationToken))?.LegalName ?? "";
            parameters["kind"] = ListingNames.Of(listing.Kind);
            link = "/Admin/ListingReview";
        }
        else
        {
            parameters["reason"] = listing.StatusReason ?? "";
        }

        foreach (var userId in m.To.Where(u => u != actor.UserId).Distinct())
        {
            notifier.Notify(userId, m.Template, parameters, link);
        }
    }

    public void Announce(Listing listing, ListingChange change) =>
        db.Announce(new ListingChanged(ListingNames.Of(listing.Kind), listing.Id, ListingNames.Of(change)), Now());

    public void Touch(Listing listing) => listing.UpdatedAt = Now();

    public DateTimeOffset Now() => clock.GetUtcNow();

    public static string RequireReason(string? reason)
    {
        new Validation().Required("reason", reason).MaxLength("reason", reason, 1000).ThrowIfInvalid();
        return reason!.Trim();
    }

    private static void Require(Listing listing, string action, params ListingStatus[] from)
    {
        if (!from.Contains(listing.Status))
        {
            throw new ConflictException("transition_not_allowed", $"Cannot {action} a listing that is {ListingNames.Of(listing.Status)}.");
        }
    }
}
