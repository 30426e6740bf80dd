using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ExpireListings;
using TechBridge.Modules.Listings.ImportAchievements;
using TechBridge.Modules.Listings.ManageAchievements;
using TechBridge.Modules.Listings.ManageDemands;
using TechBridge.Modules.Listings.ManageOfferings;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Modules.Listings.ReviewListings;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Persistence;

namespace TechBridge.Modules.Listings;

internal static class ListingsModule
{
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddScoped<ListingLifecycle>();
        services.AddScoped<ListingViewer>();
        services.AddScoped<Contracts.IListingFacts, Contracts.ListingFactsReader>();
        services.AddScoped<ListingExpiry>();
        services.AddJob<ListingExpiry>("listings.expiry", "Listing expiry", c => TimeSpan.FromMinutes(c.GetValue("Listings:ExpiryPeriodMinutes", 60.0)));
        services.AddSingleton<ImportQueue>();
        services.AddScoped<AchievementImporter>();
        services.AddJob<ImportWorker>(ImportWorker.JobName, "Achievement imports", c => TimeSpan.FromSeconds(c.GetValue("Listings:ImportPollSeconds", 60.0)));
        services.AddHostedService<ImportWake>();
        services.AddScoped<IDemoSeeder, Seed.DemoListingsSeeder>();
        services.AddScoped<Contracts.IListingSearchSource, SearchSource.ListingSearchSource>();
        return services;
    }

    public static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
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
