using System.Xml.Linq;

namespace TechBridge.Tests.Platform.Localization;

public sealed class UiTextFileTests
{
    // Branches append their keys to the one file and merge by union, so the same key can arrive twice with two
    // translations; which one a reader sees would then depend on the resource compiler. One key, one translation.
    [Fact]
    public void ChineseUiTexts_HaveEachKeyOnce()
    {
        var path = Path.Combine(Architecture.ModuleRulesTests.RepositoryRoot(), "src", "TechBridge", "Platform", "Localization", "UiText.zh-CN.resx");
        var repeated = XDocument.Load(path).Root!.Elements("data")
            .GroupBy(d => (string)d.Attribute("name")!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" / ", g.Select(d => (string?)d.Element("value")))}")
            .ToList();

        Assert.Empty(repeated);
    }
}
