using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Matching.MatchListings;

namespace TechBridge.Pages.Shared;

// One signal's part of a match score, as a bar: its UI-text label and its share of the whole score in percent.
internal sealed record SignalShare(string Signal, string Label, int Percent);

// A match as a person reads it: a sentence or two in the page's language built from the signals that counted, and
// each counting signal's share of the score. The raw weights and values stay in the match for operators.
internal static class MatchExplainer
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["text"] = "Similar wording",
        ["field"] = "Technology field",
        ["sector"] = "Sector",
        ["industry"] = "Industry",
        ["region"] = "Region",
        ["voucher"] = "Innovation vouchers",
        ["standing"] = "Verified",
        ["recognitions"] = "Recognitions",
        ["trl"] = "Maturity (TRL)",
        ["budget"] = "Budget",
        ["rating"] = "Rating",
    };

    public static string LabelOf(string signal) => Labels.GetValueOrDefault(signal, signal);

    public static IReadOnlyList<SignalShare> Shares(MatchItem match)
    {
        if (match.Score <= 0)
        {
            return [];
        }

        return match.Contributions.Where(c => c.Contribution > 0)
            .OrderByDescending(c => c.Contribution)
            .Select(c => new SignalShare(c.Signal, LabelOf(c.Signal), (int)Math.Round(c.Contribution / match.Score * 100m, MidpointRounding.AwayFromZero)))
            .ToList();
    }

    public static string Sentence(MatchItem match, IReferenceData reference, bool english)
    {
        var parts = new List<string>();
        foreach (var c in match.Contributions.Where(c => c.Value > 0))
        {
            var part = c.Signal switch
            {
                "text" when c.Value >= 0.5m => english ? "title and description close to yours" : "标题与描述相近",
                "field" => reference.TechnologyFields.FirstOrDefault(f => f.Code == c.Detail) is { } field
                    ? english ? $"same field: {field.NameEn}" : $"同在{field.NameZh}领域"
                    : english ? "same technology field" : "同一技术领域",
                "sector" => SectorPart(c.Detail, reference, english),
                "industry" => c.Value >= 1m ? english ? "same industry" : "同一行业" : english ? "a related industry" : "相近行业",
                "region" => c.Value switch
                {
                    >= 1m => english ? "in the same county" : "同在一个区县",
                    >= 0.75m => english ? "in the same city" : "同在一个城市",
                    >= 0.5m => english ? "in the same province" : "同在一个省",
                    _ => english ? "within Beijing-Tianjin-Hebei" : "同在京津冀",
                },
                "voucher" => english ? "accepts innovation vouchers" : "接受创新券",
                "standing" => english ? "a verified institution" : "已认证机构",
                "recognitions" => RecognitionPart(c.Detail, reference, english),
                "trl" => english ? $"maturity TRL {c.Detail}" : $"成熟度 TRL {c.Detail}",
                "budget" when c.Detail == "within budget" => english ? "price within the budget" : "价格在预算内",
                "rating" => english ? $"rated {c.Detail} out of 5" : $"评分 {c.Detail}",
                _ => null,
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        if (parts.Count == 0)
        {
            return english ? "Found by the words of the text only." : "仅因文字相近而列出。";
        }

        return english ? char.ToUpper(parts[0][0], CultureInfo.InvariantCulture) + string.Join("; ", parts)[1..] + "." : string.Join("；", parts) + "。";
    }

    private static string SectorPart(string detail, IReferenceData reference, bool english)
    {
        var names = detail.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => reference.Sectors.FirstOrDefault(s => s.Code == code)).OfType<Sector>().Take(2)
            .Select(s => english ? s.NameEn : s.NameZh).ToList();
        return names.Count == 0 ? english ? "same sector" : "同一服务领域"
            : english ? $"same sector: {string.Join(", ", names)}" : $"同属{string.Join("、", names)}";
    }

    private static string RecognitionPart(string detail, IReferenceData reference, bool english)
    {
        var names = detail.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => reference.RecognitionKinds.FirstOrDefault(k => k.Code == code)).OfType<RecognitionKind>().Take(3)
            .Select(k => english ? k.NameEn : k.NameZh).ToList();
        return names.Count == 0 ? english ? "holds recognitions" : "持有资质"
            : english ? $"holds {string.Join(", ", names)}" : $"持有{string.Join("、", names)}";
    }

    // Listings with the same title from the same owner (a provider that published one service twice) show as one
    // card: the best-scored one, with how many others it stands for.
    public static IReadOnlyList<(MatchItem Match, int Duplicates)> Collapse(IEnumerable<MatchItem> matches) =>
        matches.GroupBy(m => (Title: StripTags(m.TitleHtml), Owner: m.OrganizationId ?? m.Id, m.Kind))
            .Select(g => (Match: g.OrderByDescending(m => m.Score).First(), Duplicates: g.Count() - 1))
            .OrderByDescending(x => x.Match.Score)
            .ToList();

    private static string StripTags(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "").Trim();
}
