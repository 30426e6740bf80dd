namespace TechBridge.Modules.Listings.Contracts;

// The Listings' admin permissions (registered with the platform in AddListings).
internal static class ListingsPermissions
{
    public const string ReviewListings = "listings.review";

    public static readonly string[] All = [ReviewListings];
}
