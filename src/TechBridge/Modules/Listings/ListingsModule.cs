using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.ImportAchievements;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Modules.Listings.RespondToOpenCall;
using TechBridge.Modules.Listings.ReviewListings;
using TechBridge.Platform.Jobs;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Listings;

internal static class ListingsModule
{
    public static IServiceCollection AddListings(this IServiceCollection services)
    {
        services.AddErrorTexts<ListingsErrorTexts>();
        services.AddScoped<ListingLifecycle>();
        services.AddNotificationTemplates(ListingNotices.All);
        services.AddScoped<ListingViewer>();
        services.AddScoped<ManageListingHandler>();
        services.AddScoped<ListListings.ListListingsHandler>();
        services.AddScoped<ListListings.ExportListingsHandler>();
        services.AddScoped<ChangeListingStatusHandler>();
        services.AddScoped<ReviewListingsHandler>();
        services.AddScoped<RespondToOpenCallHandler>();
        services.AddScoped<Contracts.IListingFacts, Contracts.ListingFactsReader>();
        services.AddScoped<ExpireListings.ListingExpiry>();
        services.AddJob<ExpireListings.ListingExpiry>("listings.expiry", "Listing expiry", c => TimeSpan.FromMinutes(c.GetValue("Listings:ExpiryPeriodMinutes", 60.0)));
        services.AddSingleton<ImportQueue>();
        services.AddScoped<ImportAchievementsHandler>();
        services.AddJob<ImportWorker>(ImportWorker.JobName, "Achievement imports", c => TimeSpan.FromSeconds(c.GetValue("Listings:ImportPollSeconds", 60.0)));
        services.AddHostedService<ImportWake>();
        services.AddScoped<IDemoSeeder, Seed.DemoListingsSeeder>();
        services.AddScoped<Contracts.IListingSearchSource, SearchSource.ListingSearchSource>();
        services.AddPermissions(ListingsPermissions.All);
        services.AddNavigation(
            new(NavigationGroup.Main, 20, "Listings", "/Listings"),
            NavigationEntry.ForPolicy(NavigationGroup.Mine, 20, "My listings", "/Listings/Mine", Policies.OrganizationMember),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 30, "Listing review", "/Admin/ListingReview", ListingsPermissions.ReviewListings));
        services.AddPortalSource<Portal.ListingsPortalSource>();
        services.AddWorkspaceSource<Portal.ListingsPortalSource>();
        services.AddScoped<Portal.OrganizationListingsHandler>();
        services.AddEntryPoints(
            new(10, "Find services", "Testing, R&D, design and more from verified institutions", "/Search?kind=offering"),
            new(20, "Post a demand", "Describe the technology you need and get matched", "/Listings/Edit?kind=demand"),
            new(30, "Find achievements", "Technology ready to license or transfer", "/Search?kind=achievement"));
        services.AddRoutes(app => app.MapListings());
        return services;
    }

    // The routes of each kind come from its row in the kinds table.
    private static IEndpointRouteBuilder MapListings(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/offerings").WithTags("Listings")
            .MapManageListing(ListingKinds.Offering)
            .MapListingLifecycle(ListingKinds.Offering);
        app.MapGroup("/api/v1/demands").WithTags("Listings")
            .MapManageListing(ListingKinds.Demand)
            .MapRevealDemand()
            .MapRespondToOpenCall()
            .MapListingLifecycle(ListingKinds.Demand);
        app.MapGroup("/api/v1/achievements").WithTags("Listings")
            .MapManageListing(ListingKinds.Achievement)
            .MapImportAchievements()
            .MapListingLifecycle(ListingKinds.Achievement);
        app.MapGroup("/api/v1/listings").WithTags("Listings")
            .MapReviewListings();
        return app;
    }
}
