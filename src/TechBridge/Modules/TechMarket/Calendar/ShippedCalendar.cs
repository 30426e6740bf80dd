using System.Globalization;
using System.Text.Json;
using TechBridge.Modules.TechMarket.Data;

namespace TechBridge.Modules.TechMarket.Calendar;

// Data/calendar/chinese-days.json (source and licence in Data/calendar/SOURCE.md): {"holidays": {"2025-01-28":
// "Spring Festival,春节,4", ...}, "workdays": {...}}. A year is covered when it has any holiday listed.
internal sealed record ShippedCalendar(IReadOnlySet<int> Years, IReadOnlyList<CalendarDay> Days)
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "calendar", "chinese-days.json");

    public static ShippedCalendar Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var days = new List<CalendarDay>();
        foreach (var (property, kind) in new[] { ("holidays", CalendarDayKind.Holiday), ("workdays", CalendarDayKind.MakeUpWorkday) })
        {
            foreach (var entry in json.RootElement.GetProperty(property).EnumerateObject())
            {
                var date = DateOnly.ParseExact(entry.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                // "Spring Festival,春节,4": keep the Chinese name, the one the notices use.
                var parts = (entry.Value.GetString() ?? "").Split(',');
                days.Add(new CalendarDay { Date = date, Kind = kind, Name = parts.Length > 1 ? parts[1] : parts[0] });
            }
        }

        var years = days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date.Year).ToHashSet();
        return new ShippedCalendar(years, days);
    }
}

// Loads the shipped years that the database does not hold yet; years an admin entered are left as they are.
internal sealed class ShippedCalendarLoader(PlatformDbContext db, TimeProvider clock, WorkingCalendarSource source) : IStartupDataLoader
{
    public int Order => 50;

    public async Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var shipped = ShippedCalendar.Read(ShippedCalendar.DefaultPath);
        var present = (await db.Set<CalendarYear>().Select(y => y.Year).ToListAsync(cancellationToken)).ToHashSet();
        var missing = shipped.Years.Where(y => !present.Contains(y)).Order().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var year in missing)
        {
            db.Add(new CalendarYear { Year = year, Source = "shipped", AddedAt = now });
        }

        db.AddRange(shipped.Days.Where(d => missing.Contains(d.Date.Year)));
        await db.SaveChangesAsync(cancellationToken);
        source.Invalidate();
        progress?.Report($"working-day calendar: {missing.Count} years loaded ({missing[0]}–{missing[^1]})");
    }
}
