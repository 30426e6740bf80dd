using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TechBridge.Platform.Auditing;

// Ok: every record matches and nothing the last checkpoint counted is missing. FirstBroken: the id of the first record
// that no longer matches (edited, reordered, or written over the checkpointed head). Truncated: the newest records
// that a checkpoint counted are gone (CheckpointSequence is how many it counted). InvalidCheckpoints: lines of the
// checkpoint log whose signature does not hold.
internal sealed record AuditVerification(bool Ok, long Records, long? FirstBroken, bool Truncated = false, long? CheckpointSequence = null, int InvalidCheckpoints = 0);

// Links committed audit records into a keyed hash chain (HMAC-SHA-256 with AuditKey, which the database does not hold)
// in the order they are seen committed. One chainer runs at a time per process; across nodes the unique ChainSequence
// index lets only one append win, the other retries. AuditCheckpoints anchors the head outside the database.
internal sealed class AuditChain(IServiceScopeFactory scopes, AuditKey key, AuditCheckpoints checkpoints, ILogger<AuditChain> logger) : IDisposable
{
    private const int Batch = 500;
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async Task<int> ChainPendingAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            for (var attempt = 0; attempt < 5;)
            {
                try
                {
                    var chained = await ChainBatchAsync(cancellationToken);
                    total += chained;
                    if (chained < Batch)
                    {
                        return total;
                    }
                }
                catch (DbUpdateException exception)
                {
                    attempt++;
                    logger.LogInformation(exception, "Audit chaining collided with another node; retrying");
                }
            }

            return total;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> ChainBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var tail = await db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.ChainSequence != null)
            .OrderByDescending(r => r.ChainSequence)
            .Select(r => new { r.ChainSequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var pending = await db.Set<AuditRecord>()
            .Where(r => r.ChainSequence == null)
            .OrderBy(r => r.Id)
            .Take(Batch)
            .ToListAsync(cancellationToken);
        var sequence = tail?.ChainSequence ?? 0;
        var previous = tail?.Hash ?? "";
        foreach (var record in pending)
        {
            record.ChainSequence = ++sequence;
            record.Hash = HashOf(key.ChainKey, record, previous);
            previous = record.Hash;
        }

        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await ChainPendingAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var (checkpoint, invalid) = checkpoints.ReadLatest();
        long expected = 0;
        var previous = "";
        long? lastSequence = 0;
        while (true)
        {
            var batch = await db.Set<AuditRecord>().AsNoTracking()
                .Where(r => r.ChainSequence > lastSequence)
                .OrderBy(r => r.ChainSequence)
                .Take(2000)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                // The chain holds together; it must also still reach as far as the last checkpoint counted.
                var truncated = checkpoint is not null && expected < checkpoint.Sequence;
                return new AuditVerification(!truncated && invalid == 0, expected, null, truncated, checkpoint?.Sequence, invalid);
            }

            foreach (var record in batch)
            {
                expected++;
                if (record.ChainSequence != expected || record.Hash != HashOf(key.ChainKey, record, previous)
                    || (checkpoint is not null && expected == checkpoint.Sequence && record.Hash != checkpoint.Hash))
                {
                    return new AuditVerification(false, expected, record.Id, false, checkpoint?.Sequence, invalid);
                }

                previous = record.Hash;
            }

            lastSequence = batch[^1].ChainSequence;
        }
    }

    internal static string HashOf(byte[] key, AuditRecord record, string previousHash)
    {
        var canonical = string.Join('\u001f',
            previousHash,
            record.ChainSequence?.ToString(CultureInfo.InvariantCulture),
            record.Id.ToString(CultureInfo.InvariantCulture),
            record.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            record.UserId?.ToString(),
            record.UserName,
            record.OrganizationId?.ToString(),
            record.Action,
            record.EntityType,
            record.EntityId,
            record.Summary,
            record.ClientAddress);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }
}

// Chains new records every few seconds so the chain stays close behind the commits.
internal sealed class AuditChainJob(AuditChain chain, ILogger<AuditChainJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await chain.ChainPendingAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Audit chaining failed; will retry");
            }
        }
    }
}
