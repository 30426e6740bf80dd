using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Platform.Jobs;

// Who runs a job or an outbox consumer right now. Taken and renewed by one conditional statement, so two nodes never
// both believe they hold it: the database decides, not a read followed by a write.
internal sealed class Lease
{
    public required string Name { get; set; }

    public required string Holder { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> builder)
    {
        builder.ToTable("Platform_Leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}

// This process's identity: NodeId names the node (its own search index, per-node cursors), Holder names this very
// process for leases, so a restarted node does not mistake its predecessor's unexpired lease for its own.
internal sealed class NodeIdentity(IConfiguration configuration)
{
    public string NodeId { get; } = configuration["Search:NodeId"] is { Length: > 0 } node ? node[..Math.Min(node.Length, 100)] : Environment.MachineName;

    public string Holder { get; } = $"{Environment.ProcessId}/{Guid.NewGuid():N}";
}

internal sealed class Leases(IServiceScopeFactory scopes, TimeProvider clock)
{
    // Takes the lease if it is free, expired, or already this holder's (then it is renewed until now + duration).
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow();
        var until = now + duration;
        if (await TakeAsync(db, name, holder, now, until, cancellationToken))
        {
            return true;
        }

        if (await db.Set<Lease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            // The row exists now; it may have been committed after our update looked (by this holder asking twice at
            // once), so the conditional update decides again.
            return await TakeAsync(db, name, holder, now, until, cancellationToken);
        }

        db.Add(new Lease { Name = name, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Someone inserted the first row between our statements: the conditional update decides again (it was
            // perhaps this holder, asking twice at once).
            db.ChangeTracker.Clear();
            return await TakeAsync(db, name, holder, now, until, cancellationToken);
        }
    }

    private static async Task<bool> TakeAsync(PlatformDbContext db, string name, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await db.Set<Lease>()
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;

    // Lets the lease go at once (the next holder need not wait for it to expire); only the holder can.
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = clock.GetUtcNow();
        await db.Set<Lease>().Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }

    public async Task<Lease?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Lease>().AsNoTracking()
            .FirstOrDefaultAsync(l => l.Name == name, cancellationToken);
    }
}
