namespace TechBridge.Platform.Persistence;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    // Apply pending migrations at start-up. On by default outside Production; Production must opt in.
    public bool? AutoMigrate { get; set; }

    // Seed demo data at start-up when the database has none. Never honoured in Production.
    public bool SeedDemo { get; set; }

    // Set at start-up, not configured: Production named no database. Serving and the verbs that use the database
    // refuse to start then; the verbs that need none (help, search-eval, the benchmarks) still run.
    public bool Unconfigured { get; set; }

    public const string UnconfiguredMessage =
        "Production needs an explicit database: set ConnectionStrings__Platform (and Database__Provider=Postgres for PostgreSQL); README, \"Production\".";
}
