using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Tests.Platform.Localization;

public sealed class CodeLabelsTests
{
    // A localizer with one Chinese entry, as UiText.zh-CN.resx has for "in-discussion".
    private sealed class OneEntry : IStringLocalizer
    {
        public LocalizedString this[string name] => name == "in-discussion" ? new(name, "洽谈中") : new(name, name, resourceNotFound: true);

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Theory]
    [InlineData("in-discussion", "洽谈中")]
    [InlineData("accepted", "Accepted")]
    [InlineData("not-selected", "Not selected")]
    [InlineData("open", "Awaiting response")]
    [InlineData("found-other", "Found another partner")]
    [InlineData(null, "")]
    public void Label_Code_ShowsTranslationOrWordsNeverTheRawCode(string? code, string expected)
    {
        Assert.Equal(expected, new OneEntry().Label(code));
    }
}
