using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Cli;

namespace TechBridge.Modules.Directory.ImportRegions;

// The shipped regions load after the first migration of a database (every later start finds them in place).
internal sealed class ShippedRegionsLoader(PlatformDbContext db, ImportRegionsHandler import) : IStartupDataLoader
{
    public int Order => 0;

    public async Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!await db.Set<Region>().AnyAsync(cancellationToken))
        {
            await import.ImportDirectoryAsync(ImportRegionsHandler.ShippedDirectory, progress, cancellationToken);
        }
    }
}

internal static class RegionVerbs
{
    public static readonly OperatorVerb ImportRegionsVerb = new()
    {
        Name = "import regions",
        Usage = "import regions PATH",
        Description = "load regions from a CSV file or a directory of provinces/cities/areas.csv",
        Arguments = 1,
        RunAsync = async c =>
        {
            var path = c.Arguments[0];
            await using var scope = c.App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActorContext>().Action = "import regions";
            var import = scope.ServiceProvider.GetRequiredService<ImportRegionsHandler>();
            var count = System.IO.Directory.Exists(path)
                ? await import.ImportDirectoryAsync(path, c.Progress, c.Cancellation)
                : await import.ImportFileAsync(path, c.Progress, c.Cancellation);
            Console.WriteLine($"imported {count} regions");
            return 0;
        },
    };
}
