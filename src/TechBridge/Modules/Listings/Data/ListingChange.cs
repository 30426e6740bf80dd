namespace TechBridge.Modules.Listings.Data;

// What a change did to a listing's public visibility; announced (by name) in ListingChanged.
internal enum ListingChange
{
    Published = 1,
    Unpublished = 2,
    Updated = 3,
}
