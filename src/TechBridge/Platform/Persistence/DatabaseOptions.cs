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
}
