
namespace TechBridge.Platform.Persistence;

// Start-up work on the database: migrate where allowed, run the modules' loaders of shipped reference data, seed demo
// data where asked.
internal static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        RequireConfigured(options);
        var autoMigrate = options.AutoMigrate ?? !environment.IsProduction();
        if (!autoMigrate)
        {
            await RequireMigratedAsync(services, cancellationToken);
            return;
        }

        await MigrateAsync(services, null, cancellationToken);
        if (options.SeedDemo && !environment.IsProduction())
        {
            await SeedDemoAsync(services, null, cancellationToken);
        }
    }

    public static void RequireConfigured(DatabaseOptions options)
    {
        if (options.Unconfigured)
        {
            throw new StartupException(DatabaseOptions.UnconfiguredMessage);
        }
    }

    // Without automatic migration the schema must already be in place: a server on a database that was never migrated
    // (or is behind) would fail on every request.
    private static async Task RequireMigratedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        List<string> pending;
        try
        {
            await RefuseOlderSchemaAsync(db, cancellationToken);
            pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            throw new StartupException($"Cannot reach the database ({e.Message.Split('\n')[0].Trim()}); check ConnectionStrings__Platform.", e);
        }

        if (pending.Count > 0)
        {
            throw new StartupException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): run `techbridge db migrate` first, or set Database__AutoMigrate=true.");
        }
    }

    private static async Task RefuseOlderSchemaAsync(PlatformDbContext db, CancellationToken cancellationToken)
    {
        // Until the first release the schema is one "Initial" migration that is regenerated (ADR 3): a database made
        // by an older one cannot be migrated, and says so instead of failing on "table already exists".
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupException(
                $"This database was made by a pre-release schema ({string.Join(", ", unknown)}) that this version no longer has (docs/adr, ADR 3): " +
                "delete the development database (the data directory, src/TechBridge/data under dotnet run) or point Platform:DataDirectory elsewhere.");
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        RequireConfigured(services.GetRequiredService<DatabaseOptions>());
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Action = "db migrate";
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await RefuseOlderSchemaAsync(db, cancellationToken);

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
