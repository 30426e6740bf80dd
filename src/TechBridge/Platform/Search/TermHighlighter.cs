using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace TechBridge.Platform.Search;

// Marks the query's words in a stored text without segmenting the text again (analysis is what makes highlighting
// expensive): at each position the longest query term that starts there is marked; Latin and digit terms only at
// word boundaries. Text is compared after the same one-for-one folding as indexing, so offsets map back unchanged.
internal sealed class TermHighlighter
{
    private const int MaxChars = 50_000;
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly Dictionary<char, string[]> byFirstChar;

    // Terms: the query's words (already folded) and their synonyms; function words are left out unless nothing else
    // remains, so that "与" or "的" is not marked all over a text.
    public TermHighlighter(IEnumerable<string> terms, IReadOnlySet<string> stopWords)
    {
        var all = terms.Select(TextNormalizer.Normalize).Where(t => TextNormalizer.IsIndexable(t)).Distinct(StringComparer.Ordinal).ToList();
        var content = all.Where(t => !stopWords.Contains(t)).ToList();
        Terms = content.Count > 0 ? content : all;
        byFirstChar = Terms.GroupBy(t => t[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Length).ToArray());
    }

    public IReadOnlyList<string> Terms { get; }

    // The marked text: the whole of it (fragmentChars null), or the best `fragments` pieces of about fragmentChars
    // characters joined by " … " (the pieces with the most different terms). Null when nothing matches. Every term
    // found goes into `matched`, also one inside a longer marked term.
    public string? Mark(string? value, int? fragmentChars, int fragments, ISet<string> matched)
    {
        if (string.IsNullOrEmpty(value) || Terms.Count == 0)
        {
            return null;
        }

        var original = value.Length > MaxChars ? value[..MaxChars] : value;
        var text = TextNormalizer.Normalize(original);
        var marks = new List<(int Start, int Length)>();
        for (var i = 0; i < text.Length;)
        {
            var term = LongestAt(text, i);
            if (term is null)
            {
                i++;
                continue;
            }

            marks.Add((i, term.Length));
            i += term.Length;
        }

        if (marks.Count == 0)
        {
            return null;
        }

        foreach (var term in Terms)
        {
            if (Occurs(text, term))
            {
                matched.Add(term);
            }
        }

        if (fragmentChars is not { } size)
        {
            return Render(original, marks, 0, original.Length);
        }

        var pieces = new List<(int Start, int End, int Score)>();
        var m = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = Math.Min(text.Length, start + size);
            var terms = new HashSet<string>(StringComparer.Ordinal);
            for (; m < marks.Count && marks[m].Start < end; m++)
            {
                end = Math.Max(end, marks[m].Start + marks[m].Length);
                terms.Add(text.Substring(marks[m].Start, marks[m].Length));
            }

            if (terms.Count > 0)
            {
                pieces.Add((start, end, terms.Count));
            }

            start = end;
        }

        var best = pieces.OrderByDescending(p => p.Score).ThenBy(p => p.Start).Take(fragments).OrderBy(p => p.Start);
        return string.Join(" … ", best.Select(p => Render(original, marks, p.Start, p.End)));
    }

    private string? LongestAt(string text, int position)
    {
        if (!byFirstChar.TryGetValue(text[position], out var candidates))
        {
            return null;
        }

        foreach (var term in candidates)
        {
            if (string.CompareOrdinal(text, position, term, 0, term.Length) == 0 && AtBoundaries(text, position, term.Length))
            {
                return term;
            }
        }

        return null;
    }

    private static bool Occurs(string text, string term)
    {
        for (var at = text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            if (AtBoundaries(text, at, term.Length))
            {
                return true;
            }
        }

        return false;
    }

    // "ai" must not be marked inside "mail": a term starting or ending with a Latin letter or digit needs a non-word
    // character (or the text's edge) on that side. Han characters have no such boundary.
    private static bool AtBoundaries(string text, int start, int length)
    {
        var end = start + length;
        return !(IsLatinWord(text[start]) && start > 0 && IsLatinWord(text[start - 1]))
            && !(IsLatinWord(text[end - 1]) && end < text.Length && IsLatinWord(text[end]));
    }

    private static bool IsLatinWord(char c) => char.IsAsciiLetterOrDigit(c);

    private static string Render(string original, List<(int Start, int Length)> marks, int start, int end)
    {
        var html = new StringBuilder();
        var at = start;
        foreach (var (markStart, length) in marks)
        {
            if (markStart < start || markStart >= end)
            {
                continue;
            }

            html.Append(Html.Encode(original[at..markStart])).Append("<mark>").Append(Html.Encode(original.Substring(markStart, length))).Append("</mark>");
            at = markStart + length;
        }

        return html.Append(Html.Encode(original[at..end])).ToString();
    }
}
