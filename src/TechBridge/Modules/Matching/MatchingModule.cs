using TechBridge.Modules.Matching.Contracts;
using TechBridge.Modules.Matching.Indexing;
using TechBridge.Modules.Matching.ManageVocabulary;
using TechBridge.Modules.Matching.MatchListings;
using TechBridge.Modules.Matching.SearchListings;
using TechBridge.Platform.Outbox;
using TechBridge.Platform;
using TechBridge.Platform.Navigation;

namespace TechBridge.Modules.Matching;

// Search and matching: the per-node index fed from the platform outbox (listings and organizations), public search, explained
// matches and the admins' search vocabulary.
internal static class MatchingModule
{
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErrorTexts<MatchingErrorTexts>();
        services.Configure<MatchingWeights>(configuration.GetSection(MatchingWeights.Section));
        services.AddOutboxConsumer<SearchIndexer>();
        services.AddSingleton<VocabularySync>();
        services.AddHostedService<VocabularyFeeder>();
        services.AddScoped<SearchListingsHandler>();
        services.AddScoped<MatchListingsHandler>();
        services.AddScoped<ManageVocabularyHandler>();
        services.AddMatchingVerbs();
        services.AddPermissions(MatchingPermissions.All);
        services.AddNavigation(
            new(NavigationGroup.Main, 10, "Search", "/Search"),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 60, "Search vocabulary", "/Admin/SearchVocabulary", MatchingPermissions.ManageSearchVocabulary));
        services.AddRoutes(app => app.MapMatching());
        return services;
    }

    private static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/search").WithTags("Search").MapSearchListings();
        app.MapGroup("/api/v1/search/vocabulary").WithTags("Search").RequireAuthorization().MapManageVocabulary();
        app.MapMatchListings();
        return app;
    }
}
