using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Pages.Shared;

// Region names in the page's language: the Directory's Chinese display names ("石家庄市 长安区"), or on English pages
// the English name shipped in Data/regions/names-en.csv with its city or province ("Chang'an District, Shijiazhuang").
internal static class RegionText
{
    private static readonly Lazy<FrozenDictionary<string, string>> English = new(Load);

    public static bool EnglishPage => !CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReferenceData reference, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var list = codes.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        var chinese = await reference.RegionNamesAsync(list, cancellationToken);
        if (!EnglishPage)
        {
            return chinese;
        }

        return list.ToDictionary(c => c, c => EnglishName(c) ?? chinese.GetValueOrDefault(c, c), StringComparer.Ordinal);
    }

    public static async Task<string> NameAsync(IReferenceData reference, string code, CancellationToken cancellationToken = default) =>
        (await NamesAsync(reference, [code], cancellationToken)).GetValueOrDefault(code, code);

    // A county with its city (or its municipality), a city with its province; null for a code the file lacks.
    public static string? EnglishName(string code)
    {
        var names = English.Value;
        if (code == "XIONGAN")
        {
            return "Xiong'an New Area";
        }

        if (!names.TryGetValue(code, out var own))
        {
            return null;
        }

        return code.Length switch
        {
            6 when code[..4] is "1101" or "1201" or "3101" or "5001" or "5002" => $"{own}, {names.GetValueOrDefault(code[..2], "")}",
            6 when names.TryGetValue(code[..4], out var city) && !city.StartsWith("County-level", StringComparison.Ordinal) => $"{own}, {city}",
            6 => $"{own}, {names.GetValueOrDefault(code[..2], "")}",
            4 when code[..2] is not ("11" or "12" or "31" or "50") => $"{own}, {names.GetValueOrDefault(code[..2], "")}",
            _ => own,
        };
    }

    private static FrozenDictionary<string, string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "regions", "names-en.csv");
        if (!File.Exists(path))
        {
            return FrozenDictionary<string, string>.Empty;
        }

        return File.ReadLines(path).Skip(1)
            .Select(line => line.Split(',', 2))
            .Where(parts => parts.Length == 2)
            .ToFrozenDictionary(parts => parts[0], parts => parts[1].Trim('"'), StringComparer.Ordinal);
    }
}

// <region-name code="130102" />: the region's name in the page's language; Chinese names carry lang="zh-CN".
[HtmlTargetElement("region-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RegionNameTagHelper : TagHelper
{
    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    [HtmlAttributeNotBound]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = null!;

    public string? Code { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (string.IsNullOrEmpty(Code))
        {
            output.Content.SetContent("—");
            return;
        }

        var reference = ViewContext.HttpContext.RequestServices.GetRequiredService<IReferenceData>();
        var name = await RegionText.NameAsync(reference, Code, ViewContext.HttpContext.RequestAborted);
        if (!RegionText.EnglishPage || name.Any(c => c >= '\u4e00'))
        {
            output.Attributes.SetAttribute("lang", "zh-CN");
        }

        output.Content.SetContent(name);
    }
}
