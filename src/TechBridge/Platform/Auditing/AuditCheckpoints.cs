using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TechBridge.Platform.Jobs;

namespace TechBridge.Platform.Auditing;

// The chain's head written where the database writer cannot rewrite it: a file outside the database (directory
// `Audit:CheckpointDirectory`, default <data>/audit-checkpoints), one signed line per checkpoint appended to
// checkpoints.log. The signature is an HMAC with a key derived from the chain key, so a forged or edited line is
// ignored and reported. Verify compares the database with the newest valid line: fewer records than the checkpoint
// counted is truncation; a different hash at the checkpoint's position is a rewrite. Operators may copy the log
// elsewhere (a regulator's store) as it grows; each line stands on its own.
internal sealed class AuditCheckpoints(IConfiguration configuration, AuditKey key)
{
    public sealed record Checkpoint(long Sequence, string Hash, long RecordId, DateTimeOffset At);

    private string Directory => configuration["Audit:CheckpointDirectory"] ?? Path.Combine(DataDirectory.Resolve(configuration), "audit-checkpoints");

    public string LogPath => Path.Combine(Directory, "checkpoints.log");

    public void Append(Checkpoint checkpoint)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var body = string.Join('|',
            checkpoint.Sequence.ToString(CultureInfo.InvariantCulture), checkpoint.Hash,
            checkpoint.RecordId.ToString(CultureInfo.InvariantCulture), checkpoint.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        using var stream = new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.WriteLine($"{body}|{Sign(body)}");
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    // The newest line whose signature holds; lines that do not verify are counted (tampering with the file itself).
    public (Checkpoint? Latest, int Invalid) ReadLatest()
    {
        if (!File.Exists(LogPath))
        {
            return (null, 0);
        }

        Checkpoint? latest = null;
        var invalid = 0;
        foreach (var line in File.ReadLines(LogPath))
        {
            var cut = line.LastIndexOf('|');
            if (cut <= 0)
            {
                invalid += line.Length > 0 ? 1 : 0;
                continue;
            }

            var body = line[..cut];
            var parts = body.Split('|');
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body)), Encoding.ASCII.GetBytes(line[(cut + 1)..]))
                || parts.Length != 4
                || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var sequence)
                || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var recordId)
                || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var ticks))
            {
                invalid++;
                continue;
            }

            if (latest is null || sequence >= latest.Sequence)
            {
                latest = new Checkpoint(sequence, parts[1], recordId, new DateTimeOffset(ticks, TimeSpan.Zero));
            }
        }

        return (latest, invalid);
    }

    private string Sign(string body) => Convert.ToHexStringLower(HMACSHA256.HashData(key.CheckpointKey, Encoding.UTF8.GetBytes(body)));
}

// Chains what is pending and writes the head as a checkpoint when it moved (`Audit:CheckpointMinutes`, default 1).
internal sealed class AuditCheckpointJob(AuditChain chain, AuditCheckpoints checkpoints, PlatformDbContext db, TimeProvider clock) : IJob
{
    public const string Name = "platform.audit-checkpoint";

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await chain.ChainPendingAsync(cancellationToken);
        var head = await db.Set<AuditRecord>().AsNoTracking().Where(r => r.ChainSequence != null)
            .OrderByDescending(r => r.ChainSequence)
            .Select(r => new { r.ChainSequence, r.Hash, r.Id })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null || checkpoints.ReadLatest().Latest?.Sequence == head.ChainSequence)
        {
            return 0;
        }

        checkpoints.Append(new AuditCheckpoints.Checkpoint(head.ChainSequence!.Value, head.Hash!, head.Id, clock.GetUtcNow()));
        return 1;
    }
}
