using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Shared.Pickers;

// <region-picker name="RegionCode" value="@Model.RegionCode" label="@T["Region"]" counties-only="true" required="true" />
// The one region chooser of every form and filter: province → city → county of Beijing, Tianjin and Hebei, with the
// city beside a county ("石家庄市 长安区"). counties-only for a field that stores a county; multiple="true" with values=""
// for several regions; groups="jjj,xiongan,…" offers region groups (京津冀 as "jjj", the plan's groups by their
// code) where the consumer understands them. Public because Razor discovers only public tag helpers.
[HtmlTargetElement("region-picker", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RegionPickerTagHelper : TagHelper
{
    public const string Jingjinji = "jjj";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = "region";

    public string? Id { get; set; }

    public string? Label { get; set; }

    public string? Value { get; set; }

    public IEnumerable<string>? Values { get; set; }

    public bool Multiple { get; set; }

    public bool Required { get; set; }

    public bool Invalid { get; set; }

    public string? DescribedBy { get; set; }

    public bool CountiesOnly { get; set; }

    public string? Groups { get; set; }

    public string? EmptyLabel { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var services = ViewContext.HttpContext.RequestServices;
        var reference = services.GetRequiredService<IReferenceData>();
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        var english = !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var tree = await reference.RegionTreeAsync(ViewContext.HttpContext.RequestAborted);
        var nodes = new List<PickerNode>();

        var groupHeading = text["Region groups"].Value;
        foreach (var code in (Groups ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (code == Jingjinji)
            {
                nodes.Add(new PickerNode(Jingjinji, text["Beijing-Tianjin-Hebei (all)"], null, true, groupHeading, false));
            }
            else if (reference.RegionGroups.FirstOrDefault(g => g.Code == code) is { } group)
            {
                nodes.Add(new PickerNode(group.Code, english ? group.NameEn : group.NameZh, null, true, groupHeading, !english));
            }
        }

        // English pages name regions in English (Data/regions/names-en.csv), Chinese names where the file has none.
        string Own(RegionNode node) => english && RegionText.EnglishName(node.Code) is { } en ? en.Split(',')[0] : node.Name;
        var names = tree.ToDictionary(n => n.Code, Own, StringComparer.Ordinal);
        foreach (var region in tree)
        {
            var selectable = !CountiesOnly || region.Level == RegionNodeLevel.County;
            // Headings of the plain select: the province, and for Hebei the province with the city.
            var heading = region.Level switch
            {
                RegionNodeLevel.Province => names[region.Code],
                RegionNodeLevel.City => names[region.Code[..2]] + " " + region.Name,
                _ when region.ParentCode is { Length: 4 } city => names.GetValueOrDefault(region.Code[..2]) + " " + names.GetValueOrDefault(city),
                _ => names.GetValueOrDefault(region.Code[..2], region.Code[..2]),
            };
            var display = english ? RegionText.EnglishName(region.Code) ?? region.DisplayName : region.DisplayName;
            var label = region.Level == RegionNodeLevel.County || CountiesOnly ? display : text["{0} (all)", names[region.Code]].Value;
            nodes.Add(new PickerNode(region.Code, label, region.ParentCode, selectable, heading, !english));
        }

        var values = Values?.ToList() ?? (Value is null ? [] : [Value]);
        PickerMarkup.Render(output, services.GetRequiredService<System.Text.Encodings.Web.HtmlEncoder>(), text, new PickerOptions("region", Name, Id, Label ?? text["Region"], values, Multiple, Required, Invalid, DescribedBy,
            EmptyLabel ?? (CountiesOnly ? text["Choose a county-level region"] : text["All regions"]),
            [text["Province"], text["City or district"], text["County or district"]]), nodes);
    }
}
