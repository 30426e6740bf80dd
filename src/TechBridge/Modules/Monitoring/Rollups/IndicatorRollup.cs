using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Monitoring.Rollups;

// One live indicator as last computed: the whole reading (yearly points, latest values by region, provenance), the
// Beijing date it was computed for and when. The dashboard reads these instead of aggregating the modules' tables on
// every request (10 million contracts and uses take seconds to aggregate; a page must answer in well under one). A
// cache of a computation, not a record of anyone's act: not audited.
internal sealed class IndicatorRollup : IUnaudited
{
    public required string Key { get; set; }

    public int FromYear { get; set; }

    public DateOnly ComputedFor { get; set; }

    public required string ReadingJson { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    // How long the computation took: the staleness bound is the refresh period plus this.
    public int RefreshMilliseconds { get; set; }
}

internal sealed class IndicatorRollupConfiguration : IEntityTypeConfiguration<IndicatorRollup>
{
    public void Configure(EntityTypeBuilder<IndicatorRollup> builder)
    {
        builder.ToTable("Monitoring_IndicatorRollups");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(100);
    }
}

// How old a rolled-up figure may be (Monitoring:RollupMaxAgeSeconds, default 60) and how often the job refreshes
// them all (Monitoring:RollupPeriodSeconds, default 30). A reader never shows a figure older than the maximum age:
// it computes and stores it itself; with the job running it finds every figure fresh.
internal sealed record RollupOptions(TimeSpan MaxAge, TimeSpan Period)
{
    public static RollupOptions From(IConfiguration configuration) => new(
        TimeSpan.FromSeconds(configuration.GetValue("Monitoring:RollupMaxAgeSeconds", 60.0)),
        TimeSpan.FromSeconds(configuration.GetValue("Monitoring:RollupPeriodSeconds", 30.0)));
}

// Reads live indicators through their rollups, computing and storing a reading that is missing, older than the
// maximum age, or computed for another day.
internal sealed class IndicatorRollups(PlatformDbContext db, IEnumerable<IIndicatorSource> sources, RollupOptions options, TimeProvider clock, ILogger<IndicatorRollups> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Offers(string key) => sources.Any(s => s.Keys.Contains(key));

    public IReadOnlyList<string> Keys => [.. sources.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal)];

    public async Task<IReadOnlyDictionary<string, IndicatorReading>> ReadAsync(IReadOnlyCollection<string> keys, IndicatorRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = await db.Set<IndicatorRollup>().AsNoTracking().Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken);
        var result = new Dictionary<string, IndicatorReading>(StringComparer.Ordinal);
        foreach (var key in keys.Where(Offers))
        {
            var row = stored.FirstOrDefault(r => r.Key == key);
            result[key] = row is not null && row.FromYear == request.FromYear && row.ComputedFor == request.Today && now - row.ComputedAt <= options.MaxAge && now >= row.ComputedAt
                ? JsonSerializer.Deserialize<IndicatorReading>(row.ReadingJson, Json)!
                : await RefreshAsync(key, request, cancellationToken);
        }

        return result;
    }

    // Computes one indicator and stores the reading (AsOf: when the computation started, the oldest data it can miss).
    public async Task<IndicatorReading> RefreshAsync(string key, IndicatorRequest request, CancellationToken cancellationToken)
    {
        var source = sources.First(s => s.Keys.Contains(key));
        var started = clock.GetUtcNow();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var reading = await source.ReadAsync(key, request, cancellationToken) with { AsOf = started };
        var json = JsonSerializer.Serialize(reading, Json);
        var row = await db.Set<IndicatorRollup>().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (row is null)
        {
            row = new IndicatorRollup { Key = key, ReadingJson = json };
            db.Add(row);
        }

        row.FromYear = request.FromYear;
        row.ComputedFor = request.Today;
        row.ReadingJson = json;
        row.ComputedAt = started;
        row.RefreshMilliseconds = (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Two readers refreshed the same figure at once: the other's row stands, this reading is as good.
            logger.LogDebug(e, "Rollup {Key} was stored by another reader", key);
            db.Entry(row).State = EntityState.Detached;
        }

        return reading;
    }

    public static IndicatorRequest RequestFor(DateTimeOffset now, int fromYear) =>
        new(fromYear, DateOnly.FromDateTime(AdjustableClock.ToChina(now).DateTime));
}

// The job that keeps every rollup fresh ("monitoring.indicator-rollups", every Monitoring:RollupPeriodSeconds).
internal sealed class IndicatorRollupJob(IndicatorRollups rollups, TimeProvider clock) : IJob
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var request = IndicatorRollups.RequestFor(clock.GetUtcNow(), KpiBoard.KpiBoardHandler.FirstYear);
        foreach (var key in rollups.Keys)
        {
            await rollups.RefreshAsync(key, request, cancellationToken);
        }

        return rollups.Keys.Count;
    }
}
