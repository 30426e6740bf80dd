namespace TechBridge.Platform.Time;

// The system clock plus an offset that tests (and only tests: the endpoint is not mapped in Production) can advance,
// so that notice periods and expiry reminders can be exercised end to end.
internal sealed class AdjustableClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public static TimeZoneInfo China { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset ToChina(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, China);
}
