
namespace TechBridge.Modules.Matching;

// Search, matches and the vocabulary: the search form's filters as the page labels them, and the rules only they check.
internal sealed class MatchingErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts =>
    [
        new("field:q", "搜索内容", "Search text"),
        new("field:sort", "排序", "Sort"),
        new("field:sector", "领域", "Sector"),
        new("field:field", "技术领域", "Technology field"),
        new("field:industry", "行业", "Industry"),
        new("field:recognition", "资质认定", "Recognition"),
        new("field:region", "地区", "Region"),
        new("field:priceMinFen", "价格", "Price"),
        new("field:trlMin", "技术成熟度", "Technology readiness level"),
        new("rule:range@trlMin", "技术成熟度应为 1 至 9 级。", "The technology readiness level is 1 to 9."),
        new("rule:count@words", "领域词只能是一个词；同义词组须包含 2 至 20 个不同的词。", "A domain term is exactly one word; a synonym group has 2 to 20 different words."),
    ];
}
