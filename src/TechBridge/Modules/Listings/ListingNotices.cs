using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Listings;

// What the Listings module tells people, rendered in each reader's language: the owner hears the review's outcome
// (with the reason), the reviewers hear of each submission.
internal static class ListingNotices
{
    public static readonly NotificationTemplate Submitted = new("listing.submitted",
        "To review: 「{listing}」", "{organization} submitted a listing ({kind}) for review.", "kind");

    public static readonly NotificationTemplate Approved = new("listing.approved",
        "「{listing}」 is published", "Your listing passed review and is now public.");

    public static readonly NotificationTemplate Rejected = new("listing.rejected",
        "「{listing}」 was not approved", "Reason: {reason}. Edit the listing and submit it again.");

    public static readonly NotificationTemplate TakenDown = new("listing.taken-down",
        "「{listing}」 was taken down", "Reason: {reason}.");

    public static NotificationTemplate[] All => [Submitted, Approved, Rejected, TakenDown];
}
