namespace TechBridge.Modules.Monitoring.Contracts;

// The extension point for live indicators: the module that owns the data computes the figure ("write each
// computation where its data exists") and registers an IIndicatorSource from its AddX. A KPI names the indicator by
// key; a key no registered source offers is shown as "not yet computable" with the reason the catalog gives.
internal interface IIndicatorSource
{
    // The keys (IndicatorKeys) this source computes.
    IReadOnlyList<string> Keys { get; }

    Task<IndicatorReading> ReadAsync(string key, IndicatorRequest request, CancellationToken cancellationToken = default);
}

// FromYear: the first year wanted; Today: the Beijing date the current (year-to-date) point is computed for.
internal sealed record IndicatorRequest(int FromYear, DateOnly Today);

// Points: one value per year (the last may be year to date); ByRegion: the latest value by region code (county 6,
// city 4 or province 2 digits), where the data has a location; Computation: what was computed, in words (zh, en),
// shown as the value's provenance; Beside: figures shown next to the value (e.g. the same ratio on 技术交易额).
internal sealed record IndicatorReading(
    IReadOnlyList<IndicatorPoint> Points,
    IReadOnlyDictionary<string, double> ByRegion,
    string ComputationZh,
    string ComputationEn,
    DateTimeOffset AsOf,
    IReadOnlyList<IndicatorAside>? Beside = null);

internal sealed record IndicatorPoint(int Year, double Value, bool YearToDate);

internal sealed record IndicatorAside(string LabelZh, string LabelEn, double Value, string Unit);

// The live indicators the plan's KPIs name. A module implementing one uses the constant, so a rename breaks the build.
internal static class IndicatorKeys
{
    // Hebei's share of Beijing–Tianjin technology output (DESIGN.md §6): computed by TechMarket from registered contracts.
    public const string HebeiShareOfBeijingTianjinOutput = "techmarket.hebei-share-of-beijing-tianjin-output";

    public const string LeadingEnterprises = "directory.leading-enterprises";
    public const string NewRdInstitutions = "directory.new-rd-institutions";
    public const string HighTechServiceEnterprises = "directory.high-tech-service-enterprises";
    public const string ServiceClusters = "directory.service-clusters";
    public const string InnovationAlliances = "directory.innovation-alliances";
    public const string InternationalCooperationBases = "directory.international-cooperation-bases";
    public const string NationalRdPlatforms = "directory.national-rd-platforms";

    // Vouchers of Hebei's programs paid out per year, in 万元: computed by Vouchers from posted redemptions.
    public const string VoucherRedemptions = "vouchers.redeemed-amount";

    // Machine-hours of completed uses of Hebei's shared instruments per year: computed by Instruments from bookings.
    public const string InstrumentSharedHours = "instruments.shared-hours";
}
