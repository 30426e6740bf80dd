namespace TechBridge.Platform.Search;

// Folds text before segmentation, one character for one character so that offsets (for highlighting) survive:
// full-width ASCII → half-width (Ａ１ → a1), the ideographic space → space, Latin → lower case, control and
// format characters → space. Traditional → simplified is deliberately not done (the platform's texts are simplified).
internal static class TextNormalizer
{
    public static char Fold(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }
        else if (c == '\u3000')
        {
            return ' ';
        }

        if (c < 0x80)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : (char.IsControl(c) ? ' ' : c);
        }

        if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format)
        {
            return ' ';
        }

        return char.IsUpper(c) ? char.ToLowerInvariant(c) : c;
    }

    public static string Normalize(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    public static void NormalizeInPlace(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = Fold(text[i]);
        }
    }

    // A token worth indexing has at least one letter or digit (punctuation and spaces are dropped).
    public static bool IsIndexable(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
