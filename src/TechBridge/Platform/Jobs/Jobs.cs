using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TechBridge.Platform.Jobs;

// One round of a background job (expiry, reminders, imports), run in its own scope. Must be idempotent: a round may
// be cut short by a crash and run again. Returns how many items it handled (shown to admins).
internal interface IJob
{
    Task<int> RunOnceAsync(CancellationToken cancellationToken);
}

// A registered job: Name is stable (it keys the lease and the state row); Title is the English UI key naming it for
// people (the module adds its Chinese to UiText). A per-node job works on the node's own state and takes no lease;
// any other job runs on one node at a time.
internal sealed record JobDefinition(string Name, string Title, Type JobType, Func<IConfiguration, TimeSpan> Period, bool PerNode);

internal static class JobRegistration
{
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string name, string title, Func<IConfiguration, TimeSpan> period, bool perNode = false)
        where TJob : class, IJob
    {
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobDefinition(name, title, typeof(TJob), period, perNode));
        return services;
    }
}

// What the jobs page shows of a job's rounds, shared by all nodes (Node is "" for a job that runs on one node).
internal sealed class JobState
{
    public required string Name { get; set; }

    public required string Node { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public DateTimeOffset? LastFinishedAt { get; set; }

    public int? LastCount { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LastErrorAt { get; set; }

    public DateTimeOffset? NextRunAt { get; set; }

    // Set by "run now"; the node that takes the lease next runs the job at once and clears it.
    public DateTimeOffset? RunRequestedAt { get; set; }
}

internal sealed class JobStateConfiguration : IEntityTypeConfiguration<JobState>
{
    public void Configure(EntityTypeBuilder<JobState> builder)
    {
        builder.ToTable("Platform_Jobs");
        builder.HasKey(j => new { j.Name, j.Node });
        builder.Property(j => j.Name).HasMaxLength(100);
        builder.Property(j => j.Node).HasMaxLength(100);
        builder.Property(j => j.LastError).HasMaxLength(2000);
    }
}

// Runs every registered job once at start and then every period. When a round is due is measured on this
// process's monotonic clock (moving the test clock does not fire jobs behind a test's back); the state row says
// when any node last ran it, so a node that finds a round already done by another waits for the next one (except
// for its first round after start: a restart runs every job once, e.g. imports a stopped process left unfinished).
internal sealed class JobScheduler(IEnumerable<JobDefinition> jobs, IServiceScopeFactory scopes, Leases leases, NodeIdentity node, TimeProvider clock, IConfiguration configuration, ILogger<JobScheduler> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, long> dueAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> requested = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0, int.MaxValue);

    public IReadOnlyList<JobDefinition> Jobs { get; } = [.. jobs];

    public static string LeaseName(JobDefinition job) => $"job:{job.Name}";

    public string NodeOf(JobDefinition job) => job.PerNode ? node.NodeId : "";

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(configuration.GetValue("Jobs:LeaseSeconds", 60.0));

    public bool Knows(string name) => Jobs.Any(j => j.Name == name);

    // "Run now" from a background service (an upload queued an import).
    public async Task RequestRunAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RequestRunAsync(name, scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
    }

    // "Run now": recorded in the state row through the caller's unit of work (any node may hold the lease; a
    // request's record is audited as the admin's), and this node woken to try at once.
    public async Task RequestRunAsync(string name, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var job = Jobs.FirstOrDefault(j => j.Name == name) ?? throw new InvalidOperationException($"No job {name} is registered.");
        var nodeId = NodeOf(job);
        var state = await db.Set<JobState>().FirstOrDefaultAsync(j => j.Name == job.Name && j.Node == nodeId, cancellationToken);
        if (state is null)
        {
            state = new JobState { Name = job.Name, Node = nodeId };
            db.Add(state);
        }

        state.RunRequestedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The job's first round inserted the row meanwhile; the local request below still runs it.
            db.ChangeTracker.Clear();
        }

        requested[job.Name] = true;
        wake.Release();
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(configuration.GetValue("Jobs:PollSeconds", 5.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            Dictionary<string, DateTimeOffset?> requests;
            try
            {
                requests = await RequestsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Not migrated yet, or the database is busy: the next poll tries again.
                logger.LogDebug(exception, "Reading job requests failed");
                requests = [];
            }

            foreach (var job in Jobs)
            {
                var forced = requested.TryRemove(job.Name, out _) || requests.GetValueOrDefault(job.Name) is not null;
                if (!forced && clock.GetTimestamp() < dueAt.GetValueOrDefault(job.Name))
                {
                    continue;
                }

                try
                {
                    await RunAsync(job, forced, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    logger.LogWarning(exception, "Job {Job} could not run; retrying at the next poll", job.Name);
                }
            }

            try
            {
                await wake.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var job in Jobs.Where(j => !j.PerNode))
        {
            try
            {
                await leases.ReleaseAsync(LeaseName(job), node.Holder, cancellationToken);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Could not release the lease of job {Job}; it expires by itself", job.Name);
            }
        }
    }

    private async Task<Dictionary<string, DateTimeOffset?>> RequestsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var nodeId = node.NodeId;
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<JobState>().AsNoTracking()
            .Where(j => j.RunRequestedAt != null && (j.Node == "" || j.Node == nodeId))
            .ToDictionaryAsync(j => j.Name, j => j.RunRequestedAt, cancellationToken);
    }

    private async Task RunAsync(JobDefinition job, bool forced, CancellationToken stoppingToken)
    {
        var period = job.Period(configuration);
        if (!job.PerNode && !await leases.TryAcquireAsync(LeaseName(job), node.Holder, LeaseDuration, stoppingToken))
        {
            // Another node is running it; look again at the next poll.
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var nodeId = NodeOf(job);
            var state = await db.Set<JobState>().FirstOrDefaultAsync(j => j.Name == job.Name && j.Node == nodeId, stoppingToken);
            var started = clock.GetUtcNow();
            var firstHere = !dueAt.ContainsKey(job.Name);
            if (!forced && !firstHere && state is { RunRequestedAt: null, LastRunAt: { } last, LastFinishedAt: { } finished } && finished >= last
                && started - last < period * 0.9)
            {
                // Another node (or this one before a restart) finished this round already.
                dueAt[job.Name] = clock.GetTimestamp() + (long)((period - (started - last)).TotalSeconds * clock.TimestampFrequency);
                return;
            }

            if (state is null)
            {
                state = new JobState { Name = job.Name, Node = nodeId };
                db.Add(state);
            }

            state.LastRunAt = started;
            state.NextRunAt = started + period;
            var requestedAt = state.RunRequestedAt;
            await db.SaveChangesAsync(stoppingToken);
            dueAt[job.Name] = clock.GetTimestamp() + (long)(period.TotalSeconds * clock.TimestampFrequency);

            try
            {
                var count = await RunWithRenewalAsync(job, stoppingToken);
                state.LastCount = count;
                state.LastError = null;
                state.LastErrorAt = null;
                if (count > 0)
                {
                    logger.LogInformation("Job {Job} handled {Count} item(s)", job.Name, count);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A failed round (database busy, a bad row) is retried at the next period; admins see the error.
                logger.LogWarning(exception, "Job {Job} failed", job.Name);
                state.LastError = OutboxTruncate(exception.Message);
                state.LastErrorAt = clock.GetUtcNow();
            }

            state.LastFinishedAt = clock.GetUtcNow();
            if (state.RunRequestedAt == requestedAt)
            {
                state.RunRequestedAt = null;
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            if (!job.PerNode)
            {
                await leases.ReleaseAsync(LeaseName(job), node.Holder, CancellationToken.None);
            }
        }
    }

    // Runs one round in its own scope; a long round renews its lease so that no other node takes the job meanwhile.
    private async Task<int> RunWithRenewalAsync(JobDefinition job, CancellationToken stoppingToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = job.PerNode ? Task.CompletedTask : RenewAsync(job, done.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (IJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            return await instance.RunOnceAsync(stoppingToken);
        }
        finally
        {
            await done.CancelAsync();
            await renewal;
        }
    }

    private async Task RenewAsync(JobDefinition job, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, clock, cancellationToken);
                await leases.TryAcquireAsync(LeaseName(job), node.Holder, LeaseDuration, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The round finished.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Renewing the lease of job {Job} failed", job.Name);
        }
    }

    private static string OutboxTruncate(string message) => message.Length <= 2000 ? message : message[..2000];
}
