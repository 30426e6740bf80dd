using System.Globalization;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Monitoring;

// Words for the monitoring pages' codes (status, unit, source kind), in the page's language.
internal static class MonitoringText
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Pick(string zh, string en) => Chinese ? zh : en;

    public static string Status(IStringLocalizer<UiText> t, string status) => status switch
    {
        "achieved" => t["Achieved"],
        "on-track" => t["On track"],
        "at-risk" => t["At risk"],
        "off-track" => t["Off track"],
        _ => t["Not assessable"],
    };

    public static string Unit(IStringLocalizer<UiText> t, string unit) => unit switch
    {
        "percent" => "%",
        "hundred-million-yuan" => t["100 million yuan"],
        "ten-thousand-yuan" => t["10,000 yuan (wan)"],
        "hours" => t["machine-hours"],
        _ => t["units"],
    };

    public static string SourceKind(IStringLocalizer<UiText> t, string kind) => kind switch
    {
        "official-series" => t["Official statistics series"],
        "reported" => t["Reported by the responsible agencies"],
        _ => t["Computed from platform data"],
    };

    public static string Definition(IStringLocalizer<UiText> t, string definition) => definition switch
    {
        "output" => t["Output: counted by the seller's province"],
        "absorption" => t["Absorption: counted by the buyer's province"],
        "recognitions" => t["Recognitions in the year"],
        _ => t["Evaluation results"],
    };

    public static string Value(double? value, string unit) => KpiBoardHandler.Format(value, unit);

    // A card's sparkline: the yearly values (and the target, dashed, when set) scaled into a 100 × 24 box, as SVG
    // point lists. Decoration beside the figures the card states in words; the KPI page has the chart and its table.
    public static (string Values, double? TargetY) Sparkline(KpiSummary k)
    {
        if (k.Trend.Count < 2)
        {
            return ("", null);
        }

        var max = Math.Max(k.Trend.Max(p => p.Value), k.Target ?? 0);
        var min = Math.Min(k.Trend.Min(p => p.Value), 0);
        var span = max - min == 0 ? 1 : max - min;
        double Y(double v) => Math.Round(22 - (v - min) / span * 20, 1);
        var step = 100.0 / (k.Trend.Count - 1);
        var points = string.Join(' ', k.Trend.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(i * step, 1)},{Y(p.Value)}")));
        return (points, k.Target is { } t ? Y(t) : null);
    }
}
