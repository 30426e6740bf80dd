using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Shared.Pickers;

// One entry of a picker's tree. Group is the heading the entry sits under in the plain select (no script); Selectable
// false for levels that only lead to their children (a province where a county is required, an industry section).
internal sealed record PickerNode(string Code, string Name, string? Parent, bool Selectable, string Group, bool Chinese);

// What every picker renders: a plain select (single or multiple, grouped by heading) that works without script, and
// the tree as JSON for wwwroot/js/pickers.js, which adds search by name, a step-by-step cascade and, for multiple
// choice, a list of the chosen entries. The select stays the form field, so codes remain the posted values.
internal static class PickerMarkup
{
    public static void Render(TagHelperOutput output, HtmlEncoder encoder, IStringLocalizer<UiText> text, PickerOptions options, IReadOnlyList<PickerNode> nodes)
    {
        var id = options.Id ?? "picker-" + options.Name.Replace('.', '-').Replace('[', '-').Replace(']', '-');
        var chosen = options.Values.Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("<label for=\"").Append(encoder.Encode(id)).Append("\">").Append(encoder.Encode(options.Label)).Append("</label>");
        html.Append("<select id=\"").Append(encoder.Encode(id)).Append("\" name=\"").Append(encoder.Encode(options.Name)).Append('"');
        if (options.Multiple)
        {
            html.Append(" multiple size=\"8\"");
        }

        if (options.Required)
        {
            html.Append(" required");
        }

        if (options.Invalid)
        {
            html.Append(" aria-invalid=\"true\"");
        }

        if (options.DescribedBy is { } describedBy)
        {
            html.Append(" aria-describedby=\"").Append(encoder.Encode(describedBy)).Append('"');
        }

        html.Append('>');
        if (!options.Multiple)
        {
            html.Append("<option value=\"\">").Append(encoder.Encode(options.EmptyLabel ?? text["Choose…"])).Append("</option>");
        }

        // A value that is not in the tree (an old code, a region outside the three provinces) stays selected by code.
        foreach (var unknown in chosen.Where(c => !nodes.Any(n => n.Selectable && n.Code == c)))
        {
            html.Append("<option value=\"").Append(encoder.Encode(unknown)).Append("\" selected>").Append(encoder.Encode(unknown)).Append("</option>");
        }

        foreach (var group in nodes.Where(n => n.Selectable).GroupBy(n => n.Group))
        {
            html.Append("<optgroup label=\"").Append(encoder.Encode(group.Key)).Append('"').Append(group.First().Chinese ? " lang=\"zh-CN\"" : "").Append('>');
            foreach (var node in group)
            {
                html.Append("<option value=\"").Append(encoder.Encode(node.Code)).Append('"')
                    .Append(chosen.Contains(node.Code) ? " selected" : "")
                    .Append(node.Chinese ? " lang=\"zh-CN\"" : "")
                    .Append('>').Append(encoder.Encode(node.Name)).Append("</option>");
            }

            html.Append("</optgroup>");
        }

        html.Append("</select>");
        if (options.Multiple)
        {
            html.Append("<small class=\"picker-hint\">").Append(encoder.Encode(text["Hold Ctrl (or ⌘) to choose several."])).Append("</small>");
        }

        var tree = nodes.Select(n => new { c = n.Code, n = n.Name, p = n.Parent, s = n.Selectable });
        // Inside <script>, "</" must not appear; the serializer escapes '<' and '>' by default.
        html.Append("<script type=\"application/json\" data-picker-tree>").Append(JsonSerializer.Serialize(tree)).Append("</script>");

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "picker");
        output.Attributes.SetAttribute("data-picker", options.Kind);
        output.Attributes.SetAttribute("data-steps", string.Join('|', options.Steps));
        output.Attributes.SetAttribute("data-text-search", text["Search by name"].Value);
        output.Attributes.SetAttribute("data-text-none", text["No match"].Value);
        output.Attributes.SetAttribute("data-text-add", text["Add"].Value);
        output.Attributes.SetAttribute("data-text-remove", text["Remove"].Value);
        output.Attributes.SetAttribute("data-text-all", text["All of it"].Value);
        output.Attributes.SetAttribute("data-text-choose", text["Choose…"].Value);
        output.Attributes.SetAttribute("data-text-chosen", text["Chosen"].Value);
        if (options.Multiple)
        {
            output.Attributes.SetAttribute("data-multiple", "true");
        }

        output.Content.SetHtmlContent(html.ToString());
    }
}

internal sealed record PickerOptions(string Kind, string Name, string? Id, string Label, IReadOnlyList<string> Values, bool Multiple, bool Required,
    bool Invalid, string? DescribedBy, string? EmptyLabel, IReadOnlyList<string> Steps);
