using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Platform.Web;

// What a chart shows: one category axis (months, regions, sectors) and one or more named series over it. Unit is the
// label of the values ("万元", "项"), already in the page's language. A dashed series is a target or a forecast.
internal sealed record ChartData(string Title, string Unit, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

internal sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, bool Dashed = false);

internal enum ChartKind
{
    Line,
    Bar,
    StackedBar,
}

// <chart data="@Model.Chart" />: an ECharts figure (drawn by wwwroot/js/charts.js from the data attribute; no inline
// script) and the same figures as a table under it, so that every chart can be read without the picture.
// Data is typed as object because a public tag helper cannot expose an internal type; it must be a ChartData.
[HtmlTargetElement("chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChartTagHelper(IStringLocalizerFactory localizers) : TagHelper
{
    private readonly IStringLocalizer text = localizers.Create(typeof(UiText));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public object? Data { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var chart = Data as ChartData ?? throw new InvalidOperationException("<chart data> takes a ChartData.");
        output.TagName = "figure";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "chart");

        var caption = chart.Unit.Length == 0 ? chart.Title : $"{chart.Title}（{chart.Unit}）";
        var spec = JsonSerializer.Serialize(new
        {
            kind = chart.Kind switch { ChartKind.Line => "line", ChartKind.Bar => "bar", _ => "stacked" },
            unit = chart.Unit,
            categories = chart.Categories,
            series = chart.Series.Select(s => new { name = s.Name, values = s.Values, dashed = s.Dashed }),
        }, Json);

        var content = output.Content;
        content.AppendHtml("<figcaption>").Append(caption).AppendHtml("</figcaption>");
        content.AppendHtml("<div class=\"chart-canvas\" role=\"img\" aria-label=\"").Append(caption).AppendHtml("\" data-chart=\"").Append(spec).AppendHtml("\"></div>");
        content.AppendHtml("<details class=\"chart-table\"><summary>").Append(text["Show as a table"]).AppendHtml("</summary><div class=\"table-scroll\"><table><thead><tr><th scope=\"col\"></th>");
        foreach (var series in chart.Series)
        {
            content.AppendHtml("<th scope=\"col\">").Append(series.Name).AppendHtml("</th>");
        }

        content.AppendHtml("</tr></thead><tbody>");
        for (var row = 0; row < chart.Categories.Count; row++)
        {
            content.AppendHtml("<tr><th scope=\"row\">").Append(chart.Categories[row]).AppendHtml("</th>");
            foreach (var series in chart.Series)
            {
                var value = row < series.Values.Count ? series.Values[row] : null;
                content.AppendHtml("<td class=\"number\">").Append(value is { } v ? v.ToString("#,##0.##", CultureInfo.CurrentCulture) : "—").AppendHtml("</td>");
            }

            content.AppendHtml("</tr>");
        }

        content.AppendHtml("</tbody></table></div></details>");
    }
}
