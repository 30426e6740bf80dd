using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Supervision;

internal static class SupervisionText
{
    public static string Status(IStringLocalizer<UiText> t, string status) => status switch
    {
        "done" => t["Done"],
        "overdue" => t["Overdue"],
        "in-progress" => t["In progress"],
        _ => t["Not started"],
    };
}
