using Microsoft.EntityFrameworkCore.Design;

namespace TechBridge.Platform.Persistence;

// Used only by `dotnet ef migrations add`; see scripts/add-migration.sh.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePlatformDbContext>
{
    public SqlitePlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePlatformDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlatformDbContext>
{
    public PostgresPlatformDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlatformDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
