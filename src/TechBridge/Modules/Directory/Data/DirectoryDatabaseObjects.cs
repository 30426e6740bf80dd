namespace TechBridge.Modules.Directory.Data;

// Invariants the database keeps whatever the code does. One open membership request per user and organization: 32
// identical requests racing each other leave one open request (the others fail the unique index: 409). A partial
// unique index, the same SQL on SQLite and PostgreSQL; kept here (idempotent, run after every migration) rather than
// in the model until the one Initial migration is next regenerated.
internal sealed class DirectoryDatabaseObjects(PlatformDbContext db) : IStartupDataLoader
{
    public int Order => -10;

    public async Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            $"""
             CREATE UNIQUE INDEX IF NOT EXISTS "UX_Directory_MembershipRequests_Open"
             ON "Directory_MembershipRequests" ("OrganizationId", "UserId") WHERE "Status" = {(int)MembershipRequestStatus.Open}
             """,
            cancellationToken);
}
