using TechBridge.Platform.Search;

namespace TechBridge.Tests.Platform.Search;

public sealed class TermHighlighterTests
{
    private static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal) { "与", "的" };

    [Fact]
    public void Mark_LongestTermWins_AndSubTermsCountAsMatched()
    {
        var highlighter = new TermHighlighter(["锂离子电池", "电池", "离子"], StopWords);
        var matched = new SortedSet<string>(StringComparer.Ordinal);

        var html = highlighter.Mark("新型锂离子电池隔膜", fragmentChars: null, fragments: 1, matched);

        Assert.Equal("新型<mark>锂离子电池</mark>隔膜", html);
        Assert.Equal(["电池", "离子", "锂离子电池"], matched);
    }

    [Fact]
    public void Mark_LatinTermsOnlyAtWordBoundaries_CaseFolded()
    {
        var highlighter = new TermHighlighter(["AI"], StopWords);
        var matched = new SortedSet<string>(StringComparer.Ordinal);

        Assert.Null(highlighter.Mark("Send mail today", null, 1, matched));
        Assert.Equal("基于<mark>Ai</mark>的检测", highlighter.Mark("基于Ai的检测", null, 1, matched));
        Assert.Equal(["ai"], matched);
    }

    [Fact]
    public void Mark_EncodesHtml_AndSkipsFunctionWordsWhenOthersExist()
    {
        var highlighter = new TermHighlighter(["检测", "与"], StopWords);
        var matched = new SortedSet<string>(StringComparer.Ordinal);

        var html = highlighter.Mark("<b>检测</b>与认证", null, 1, matched);

        Assert.Equal("&lt;b&gt;<mark>检测</mark>&lt;/b&gt;与认证", html);
        Assert.Equal(["检测"], matched);
        Assert.Equal(["与"], new TermHighlighter(["与"], StopWords).Terms);
    }

    [Fact]
    public void Mark_Fragments_PickThePiecesWithMostDifferentTermsInTextOrder()
    {
        var filler = new string('甲', 20);
        var text = "检测" + filler + filler + "认证" + filler + "检测" + filler + "标准" + filler + "检测认证标准";
        var highlighter = new TermHighlighter(["检测", "认证", "标准"], StopWords);

        var html = highlighter.Mark(text, fragmentChars: 30, fragments: 2, new HashSet<string>(StringComparer.Ordinal));

        Assert.NotNull(html);
        var pieces = html.Split(" … ");
        Assert.Equal(2, pieces.Length);
        Assert.EndsWith("<mark>检测</mark><mark>认证</mark><mark>标准</mark>", pieces[1], StringComparison.Ordinal);
        Assert.DoesNotContain(text, html, StringComparison.Ordinal);
    }
}
