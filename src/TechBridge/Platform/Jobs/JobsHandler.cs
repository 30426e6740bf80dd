using TechBridge.Platform.Auditing;
using TechBridge.Platform.Outbox;

namespace TechBridge.Platform.Jobs;

// One line of the admins' jobs page: a job, or an outbox consumer (on one node, for per-node consumers). Lag is the
// number of outbox events of the consumer's types it has not applied yet (null for jobs). Times are UTC instants.
internal sealed record JobStatus(
    string Name,
    string Title,
    string Kind,
    string? Node,
    bool PerNode,
    double PeriodSeconds,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? NextRunAt,
    int? LastCount,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    long? Lag,
    bool RunRequested,
    bool Running);

// Reads what the jobs page and GET /api/v1/admin/jobs show, and asks for a round at once ("run now").
internal sealed class JobsHandler(
    PlatformDbContext db,
    JobScheduler scheduler,
    OutboxDispatcher dispatcher,
    OutboxDispatchService outbox,
    IEnumerable<IOutboxConsumer> consumers,
    NodeIdentity node,
    AuditTrail trail,
    IConfiguration configuration,
    TimeProvider clock)
{
    public const string JobKind = "job";
    public const string ConsumerKind = "outbox-consumer";

    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var states = await db.Set<JobState>().AsNoTracking().ToListAsync(cancellationToken);
        var leases = await db.Set<Lease>().AsNoTracking().Where(l => l.ExpiresAt > now).Select(l => l.Name).ToListAsync(cancellationToken);
        var result = new List<JobStatus>();
        foreach (var job in scheduler.Jobs)
        {
            var period = job.Period(configuration).TotalSeconds;
            var rows = states.Where(s => s.Name == job.Name && (!job.PerNode || s.Node != "")).ToList();
            if (rows.Count == 0)
            {
                rows.Add(new JobState { Name = job.Name, Node = scheduler.NodeOf(job) });
            }

            result.AddRange(rows.Select(s => new JobStatus(
                job.Name, job.Title, JobKind, job.PerNode ? s.Node : null, job.PerNode, period,
                s.LastRunAt, s.NextRunAt, s.LastCount, s.LastError, s.LastErrorAt, null,
                s.RunRequestedAt is not null,
                !job.PerNode && leases.Contains(JobScheduler.LeaseName(job)))));
        }

        var poll = configuration.GetValue("Outbox:PollMilliseconds", configuration.GetValue("Search:PollMilliseconds", 250)) / 1000.0;
        var cursors = await db.Set<OutboxCursor>().AsNoTracking().ToListAsync(cancellationToken);
        foreach (var consumer in consumers)
        {
            var rows = cursors.Where(c => c.Consumer == consumer.Name).ToList();
            var here = dispatcher.NodeOf(consumer);
            if (rows.All(c => c.Node != here))
            {
                rows.Add(new OutboxCursor { Consumer = consumer.Name, Node = here, Position = -1 });
            }

            foreach (var cursor in rows)
            {
                var local = cursor.Node == here ? dispatcher.LastError(consumer.Name) : null;
                var lag = await dispatcher.LagAsync(consumer, cursor.Position < 0 ? null : cursor.Position, cancellationToken);
                result.Add(new JobStatus(
                    consumer.Name, consumer.Title, ConsumerKind, consumer.PerNode ? cursor.Node : null, consumer.PerNode, poll,
                    cursor.LastRunAt, null, null,
                    cursor.LastError ?? local?.Message, cursor.LastErrorAt ?? local?.At, lag, false,
                    !consumer.PerNode && leases.Contains(OutboxDispatcher.LeaseName(consumer))));
            }
        }

        return result;
    }

    // Jobs run at once on whichever node takes their lease; consumers deliver at once on this node.
    public async Task RunNowAsync(string name, CancellationToken cancellationToken)
    {
        if (scheduler.Knows(name))
        {
            await scheduler.RequestRunAsync(name, db, cancellationToken);
            return;
        }

        if (consumers.Any(c => c.Name == name))
        {
            // Nothing to store (a consumer runs continuously): the request itself is what the audit trail keeps.
            trail.Note("OutboxConsumer", name, "run now");
            await db.SaveChangesAsync(cancellationToken);
            outbox.Wake();
            return;
        }

        throw new NotFoundException("Job");
    }

    public string NodeId => node.NodeId;
}
