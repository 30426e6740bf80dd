using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ExpireListings;
using TechBridge.Modules.Listings.ImportAchievements;
using TechBridge.Modules.Listings.ManageAchievements;
using TechBridge.Modules.Listings.ManageDemands;
using TechBridge.Modules.Listings.ManageOfferings;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Modules.Listings.ReviewListings;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Modules.Listings;

internal static class ListingsModule
{
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddScoped<ListingLifecycle>();
        services.AddScoped<ListingViewer>();
        services.AddScoped<Contracts.IListingFacts, Contracts.ListingFactsReader>();
        services.AddScoped<ListingExpiry>();
        services.AddHostedService<ListingExpiryJob>();
        services.AddSingleton<ImportQueue>();
        services.AddScoped<AchievementImporter>();
        services.AddHostedService<ImportWorker>();
        services.AddScoped<IDemoSeeder, Seed.DemoListingsSeeder>();
        services.AddScoped<Contracts.IListingSearchSource, SearchSource.ListingSearchSource>();
        services.AddPermissions(ListingsPermissions.All);
        services.AddNavigation(
            new(NavigationGroup.Main, 20, "Listings", "/Listings"),
            new(NavigationGroup.Mine, 20, "My listings", "/Listings/Mine", NavigationAudience.SignedIn),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 30, "Listing review", "/Admin/ListingReview", ListingsPermissions.ReviewListings));
        services.AddRoutes(app => app.MapListings());
        return services;
    }

    private static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/offerings").WithTags("Listings")
            .MapManageOfferings()
            .MapListingLifecycle(ListingKind.Offering);
        app.MapGroup("/api/v1/demands").WithTags("Listings")
            .MapManageDemands()
            .MapRespondToOpenCall()
            .MapListingLifecycle(ListingKind.Demand);
        app.MapGroup("/api/v1/achievements").WithTags("Listings")
            .MapManageAchievements()
            .MapImportAchievements()
            .MapListingLifecycle(ListingKind.Achievement);
        app.MapGroup("/api/v1/listings").WithTags("Listings")
            .MapReviewListings();
        return app;
    }
}
