using Microsoft.Extensions.Options;
using TechBridge.Platform.Search.Evaluation;

namespace TechBridge.Platform.Search;

internal static class SearchSetup
{
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchRankingOptions>(configuration.GetSection(SearchRankingOptions.Section));
        services.AddSingleton(_ => ChineseSegmenter.Instance);
        services.AddSingleton(sp =>
        {
            var vocabulary = new SearchVocabulary(sp.GetRequiredService<ChineseSegmenter>());
            vocabulary.LoadDirectory(SearchVocabulary.DefaultDirectory);
            return vocabulary;
        });

        // The product's index lives under the data directory; opened on first use.
        services.AddSingleton<ISearchIndex>(sp => LuceneSearchIndex.OpenOnDisk(
            Path.Combine(DataDirectory.Resolve(configuration), "index"),
            sp.GetRequiredService<IOptions<SearchRankingOptions>>().Value,
            sp.GetRequiredService<SearchVocabulary>()));
        services.AddSingleton<SearchEval>();
        return services;
    }
}
