using TechBridge.Modules.Instruments.Data;

namespace TechBridge.Modules.Instruments.BrowseCatalog;

// The catalog's code lists, each code with the English label that pages translate (UiText). Codes travel in the API;
// pages show the labels.
internal static class CatalogCodes
{
    public static readonly IReadOnlyList<(string Code, string Label)> Categories =
    [
        ("electron-microscopy", "Electron microscopes"),
        ("spectroscopy", "Spectrometers"),
        ("mass-spectrometry", "Mass spectrometers and chromatographs"),
        ("x-ray", "X-ray instruments"),
        ("magnetic-resonance", "Magnetic resonance instruments"),
        ("thermal-analysis", "Thermal analysers"),
        ("mechanical-testing", "Mechanical testing machines"),
        ("life-science", "Life science instruments"),
        ("metrology", "Measuring and inspection instruments"),
        ("environmental-testing", "Environmental and reliability test equipment"),
        ("other-instruments", "Other instruments"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> FundingSources =
    [
        ("central-finance", "Central government funds"),
        ("local-finance", "Local government funds"),
        ("own-funds", "The unit's own funds"),
        ("other-funds", "Other funding"),
    ];

    // Value bands of the catalog filter, in fen: [From, To).
    public static readonly IReadOnlyList<(string Code, string Label, long FromFen, long ToFen)> ValueBands =
    [
        ("under-300k", "Under 300,000 yuan", 0, 30_000_000),
        ("300k-500k", "300,000 to 500,000 yuan", 30_000_000, 50_000_000),
        ("500k-1m", "500,000 to 1 million yuan", 50_000_000, 100_000_000),
        ("1m-5m", "1 to 5 million yuan", 100_000_000, 500_000_000),
        ("over-5m", "5 million yuan and more", 500_000_000, long.MaxValue),
    ];

    // Scope thresholds (DESIGN.md §6): the Hebei platform covers instruments of 30万 and more, the national network 50万.
    public const long HebeiPlatformThresholdFen = 30_000_000;
    public const long NationalNetworkThresholdFen = 50_000_000;

    public static readonly IReadOnlyDictionary<string, InstrumentStatus> Statuses = new Dictionary<string, InstrumentStatus>(StringComparer.Ordinal)
    {
        ["in-use"] = InstrumentStatus.InUse,
        ["maintenance"] = InstrumentStatus.Maintenance,
        ["idle"] = InstrumentStatus.Idle,
        ["retired"] = InstrumentStatus.Retired,
    };

    public static readonly IReadOnlyDictionary<string, FeeMode> Modes = new Dictionary<string, FeeMode>(StringComparer.Ordinal)
    {
        ["per-reservation"] = FeeMode.PerReservation,
        ["per-use"] = FeeMode.PerUse,
        ["reservation-plus-overage"] = FeeMode.ReservationPlusOverage,
    };

    public static readonly IReadOnlyDictionary<string, PriceGroup> PriceGroups = new Dictionary<string, PriceGroup>(StringComparer.Ordinal)
    {
        ["internal"] = PriceGroup.Internal,
        ["external-academic"] = PriceGroup.ExternalAcademic,
        ["enterprise"] = PriceGroup.Enterprise,
    };

    public static string Code(InstrumentStatus status) => Statuses.First(s => s.Value == status).Key;

    public static string Code(FeeMode mode) => Modes.First(m => m.Value == mode).Key;

    public static string Code(PriceGroup group) => PriceGroups.First(g => g.Value == group).Key;

    public static string Code(BookingStatus status) => status switch
    {
        BookingStatus.Requested => "requested",
        BookingStatus.Approved => "approved",
        BookingStatus.InUse => "in-use",
        BookingStatus.Completed => "completed",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Rejected => "rejected",
        _ => "no-show",
    };

    public static string? CategoryLabel(string code) => Categories.FirstOrDefault(c => c.Code == code).Label;

    public static string? FundingLabel(string code) => FundingSources.FirstOrDefault(c => c.Code == code).Label;
}
