using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Shared.Pickers;

// <industry-picker name="IndustryCode" value="@Model.IndustryCode" label="@T["Industry"]" />: GB/T 4754-2017 sections →
// divisions, searchable by name, in the page's language. Posts the section letter with the division ("M73"), which
// IReferenceData.IndustryDivisionExists accepts as it accepts the bare division.
[HtmlTargetElement("industry-picker", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IndustryPickerTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = "industry";

    public string? Id { get; set; }

    public string? Label { get; set; }

    public string? Value { get; set; }

    public bool Required { get; set; }

    public bool Invalid { get; set; }

    public string? DescribedBy { get; set; }

    public string? EmptyLabel { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var services = ViewContext.HttpContext.RequestServices;
        var reference = services.GetRequiredService<IReferenceData>();
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var nodes = new List<PickerNode>();
        foreach (var section in reference.IndustrySections)
        {
            var heading = section.Code + " " + (chinese ? section.NameZh : section.NameEn);
            nodes.Add(new PickerNode(section.Code, heading, null, false, heading, chinese));
            nodes.AddRange(reference.IndustryDivisions.Where(d => d.Section == section.Code)
                .Select(d => new PickerNode(section.Code + d.Code, d.Code + " " + (chinese ? d.NameZh : d.NameEn), section.Code, true, heading, chinese)));
        }

        // A bare division ("73") as stored by older records selects its entry.
        var value = Value is { Length: 2 } bare && reference.IndustryDivisions.FirstOrDefault(d => d.Code == bare) is { } division ? division.Section + bare : Value;
        PickerMarkup.Render(output, services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>(), text, new PickerOptions("industry", Name, Id, Label ?? text["Industry"], value is null ? [] : [value], false, Required, Invalid,
            DescribedBy, EmptyLabel, [text["Section"], text["Division"]]), nodes);
    }
}

// <reference-select kind="sector" name="sector" value="@Model.Sector" label="@T["Sector"]" empty-label="@T["All sectors"]" />
// Sectors, technology fields and recognition kinds chosen by name in the page's language. multiple="true" with
// values="" renders checkboxes (a short list reads better as boxes than as a multiple select).
[HtmlTargetElement("reference-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ReferenceSelectTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Kind { get; set; } = "sector";

    public string Name { get; set; } = "";

    public string? Label { get; set; }

    public string? Value { get; set; }

    public IEnumerable<string>? Values { get; set; }

    public bool Multiple { get; set; }

    public bool Required { get; set; }

    public bool Invalid { get; set; }

    public string? EmptyLabel { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var services = ViewContext.HttpContext.RequestServices;
        var reference = services.GetRequiredService<IReferenceData>();
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        IEnumerable<(string Code, string Zh, string En)> entries = Kind switch
        {
            "sector" => reference.Sectors.Select(s => (s.Code, s.NameZh, s.NameEn)),
            "technology-field" => reference.TechnologyFields.Select(f => (f.Code, f.NameZh, f.NameEn)),
            "recognition-kind" => reference.RecognitionKinds.Select(k => (k.Code, k.NameZh, k.NameEn)),
            _ => throw new InvalidOperationException($"Unknown reference list '{Kind}'."),
        };
        var chosen = (Values ?? (Value is null ? [] : [Value])).ToHashSet(StringComparer.Ordinal);
        var html = new System.Text.StringBuilder();
        var encode = services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>();
        var label = Label ?? text[Kind switch { "sector" => "Sector", "technology-field" => "Technology field", _ => "Kind" }].Value;
        if (Multiple)
        {
            output.TagName = "fieldset";
            html.Append("<legend>").Append(encode.Encode(label)).Append("</legend>");
            foreach (var (code, zh, en) in entries)
            {
                html.Append("<label><input type=\"checkbox\" name=\"").Append(encode.Encode(Name)).Append("\" value=\"").Append(encode.Encode(code)).Append('"')
                    .Append(chosen.Contains(code) ? " checked" : "").Append(Invalid ? " aria-invalid=\"true\"" : "").Append(" /> ")
                    .Append(encode.Encode(chinese ? zh : en)).Append("</label>");
            }

            output.Attributes.SetAttribute("class", "reference-choices");
        }
        else
        {
            output.TagName = "label";
            html.Append(encode.Encode(label)).Append("<select name=\"").Append(encode.Encode(Name)).Append('"')
                .Append(Required ? " required" : "").Append(Invalid ? " aria-invalid=\"true\"" : "").Append('>')
                .Append("<option value=\"\">").Append(encode.Encode(EmptyLabel ?? text["Choose…"])).Append("</option>");
            foreach (var (code, zh, en) in entries)
            {
                html.Append("<option value=\"").Append(encode.Encode(code)).Append('"').Append(chosen.Contains(code) ? " selected" : "").Append('>')
                    .Append(encode.Encode(chinese ? zh : en)).Append("</option>");
            }

            html.Append("</select>");
        }

        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(html.ToString());
    }
}
