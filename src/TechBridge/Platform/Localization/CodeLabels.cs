using Microsoft.Extensions.Localization;

namespace TechBridge.Platform.Localization;

// Status and reason codes are shown through T[...], whose keys are English text. Resource names are
// case-insensitive, so a code that spells like an existing label ("open" and "Open") cannot carry its own
// translation: these codes are shown under a distinct English label instead.
internal static class CodeLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["open"] = "Awaiting response",
        ["closed"] = "Ended",
        ["budget"] = "Budget does not fit",
        ["scope"] = "Scope does not fit",
        ["client"] = "Client side",
        ["provider"] = "Provider",
        ["other"] = "Other",
        ["admin"] = "Admin",
        ["submitted"] = "Submitted",
        ["rejected"] = "Rejected",
        ["found-other"] = "Found another partner",
    };

    // Complaint outcomes: "rejected" there means the complaint was not upheld.
    private static readonly Dictionary<string, string> Outcomes = new(StringComparer.Ordinal)
    {
        ["rejected"] = "Not upheld",
    };

    public static string Of(string? code) => code is null ? "" : Labels.GetValueOrDefault(code, code);

    // What a page shows for a status, reason or mode code: its translation where the resources have one, otherwise
    // (English pages) the code read as words ("in-discussion" → "In discussion"), never the raw code.
    public static string Label(this IStringLocalizer t, string? code) => Localize(t, Of(code));

    public static string OutcomeLabel(this IStringLocalizer t, string? code) => Localize(t, OfOutcome(code));

    private static string Localize(IStringLocalizer t, string label)
    {
        if (label.Length == 0)
        {
            return "";
        }

        var text = t[label];
        return text.ResourceNotFound ? Humanize(label) : text.Value;
    }

    private static string Humanize(string code) =>
        code.Length == 0 || !char.IsAsciiLetterLower(code[0]) ? code : char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');

    public static string OfOutcome(string? code) => code is null ? "" : Outcomes.GetValueOrDefault(code, Of(code));
}
