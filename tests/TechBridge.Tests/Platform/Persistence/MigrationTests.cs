using Microsoft.EntityFrameworkCore;
using TechBridge.Platform.Persistence;

namespace TechBridge.Tests.Platform.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrate_DatabaseOfAnOlderPreReleaseSchema_SaysWhatToDo_AndChangesNothing()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite);
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20260101000000_Initial', '10.0.0')"));

        var error = await Assert.ThrowsAsync<TechBridge.Platform.StartupException>(() => DatabaseStartup.MigrateAsync(host.Services, null, CancellationToken.None));

        Assert.Contains("20260101000000_Initial", error.Message, StringComparison.Ordinal);
        Assert.Contains("delete the development database", error.Message, StringComparison.Ordinal);
        Assert.Empty(await host.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}
