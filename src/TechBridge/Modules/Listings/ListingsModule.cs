using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageOfferings;

namespace TechBridge.Modules.Listings;

internal static class ListingsModule
{
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddScoped<ListingLifecycle>();
        services.AddScoped<ListingViewer>();
        return services;
    }

    public static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/offerings").WithTags("Listings")
            .MapManageOfferings()
            .MapListingLifecycle(ListingKind.Offering);
        return app;
    }
}
