
namespace TechBridge.Platform.Persistence;

// Start-up work on the database: migrate where allowed, run the modules' loaders of shipped reference data, seed demo
// data where asked.
internal static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        var autoMigrate = options.AutoMigrate ?? !environment.IsProduction();
        if (!autoMigrate)
        {
            return;
        }

        await MigrateAsync(services, null, cancellationToken);
        if (options.SeedDemo && !environment.IsProduction())
        {
            await SeedDemoAsync(services, null, cancellationToken);
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Action = "db migrate";
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        // Until the first release the schema is one "Initial" migration that is regenerated (ADR 3): a database made
        // by an older one cannot be migrated, and says so instead of failing on "table already exists".
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"This database was made by a pre-release schema ({string.Join(", ", unknown)}) that this version no longer has (docs/adr, ADR 3). " +
                "Delete the development database (the data directory, src/TechBridge/data under dotnet run) or point Platform:DataDirectory elsewhere.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        foreach (var migration in pending)
        {
            progress?.Report($"applying {migration}");
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var loader in scope.ServiceProvider.GetServices<IStartupDataLoader>().OrderBy(l => l.Order))
        {
            await loader.LoadAsync(progress, cancellationToken);
        }

        progress?.Report(pending.Count == 0 ? "database is up to date" : $"applied {pending.Count} migration(s)");
    }

    public static async Task SeedDemoAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Action = "seed demo";
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(progress, cancellationToken);
        }
    }
}

// A module's demo data. Seeders run in Order, each idempotent: a second start reuses what is there.
internal interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken);
}

// Shipped reference data a module loads after every migration (regions, say), in every environment. Loaders run in
// Order, each idempotent: one that finds its data in place does nothing.
internal interface IStartupDataLoader
{
    int Order { get; }

    Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken);
}
