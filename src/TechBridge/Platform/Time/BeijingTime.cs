using System.Globalization;

namespace TechBridge.Platform.Time;

// The one way pages and messages show an instant: Beijing time, written the way the page's language writes dates
// ("2026年12月9日 02:03" / "9 Dec 2026, 02:03"), never an ISO string with ticks and an offset.
internal static class BeijingTime
{
    public static string Format(DateTimeOffset instant, CultureInfo culture, bool dateOnly = false)
    {
        var local = AdjustableClock.ToChina(instant);
        return Chinese(culture)
            ? local.ToString(dateOnly ? "yyyy年M月d日" : "yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture)
            : local.ToString(dateOnly ? "d MMM yyyy" : "d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Format(DateOnly date, CultureInfo culture) =>
        date.ToString(Chinese(culture) ? "yyyy年M月d日" : "d MMM yyyy", CultureInfo.InvariantCulture);

    // For the datetime attribute of <time>: machine-readable, with the Beijing offset.
    public static string Machine(DateTimeOffset instant) =>
        AdjustableClock.ToChina(instant).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static bool Chinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
