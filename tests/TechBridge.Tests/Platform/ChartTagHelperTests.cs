using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Web;

namespace TechBridge.Tests.Platform;

// A chart is also a table: a reader without the picture (screen reader, printout, no script) gets every figure.
public sealed class ChartTagHelperTests
{
    private sealed class Chinese : IStringLocalizerFactory, IStringLocalizer
    {
        public IStringLocalizer Create(Type resourceSource) => this;

        public IStringLocalizer Create(string baseName, string location) => this;

        public LocalizedString this[string name] => new(name, name == "Show as a table" ? "以表格查看" : name);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public void Chart_RendersTheFiguresAsATable_WithEverySeriesAndAGapAsADash()
    {
        var data = new ChartData("技术合同成交额", "万元", ChartKind.Line, ["2022", "2023"],
            [new ChartSeries("实际", [1250.5m, null]), new ChartSeries("目标", [1000m, 1200m], Dashed: true)]);
        var helper = new ChartTagHelper(new Chinese()) { Data = data };
        var output = new TagHelperOutput("chart", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Process(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);
        var html = output.Content.GetContent(HtmlEncoder.Create(UnicodeRanges.All));

        Assert.Equal("figure", output.TagName);
        Assert.Contains("<figcaption>技术合同成交额（万元）</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("以表格查看", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">实际</th><th scope=\"col\">目标</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2023</th><td class=\"number\">—</td><td class=\"number\">1,200</td>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;dashed&quot;:true", html, StringComparison.Ordinal);
    }
}
