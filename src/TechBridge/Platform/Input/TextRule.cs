using System.Text;

namespace TechBridge.Platform.Input;

// Marks a text field in which line breaks are allowed (a textarea; a request property holding prose). Put it on the
// property, or on a record's positional parameter.
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, AllowMultiple = false)]
internal sealed class MultiLineAttribute : Attribute;

// The one rule for all text a user or a client sends (API JSON, query strings, route values, page forms, import
// cells): characters that render as nothing or as something else, that reorder what a reader sees, or that a database
// refuses (PostgreSQL rejects NUL) are refused, naming the field. Tab is allowed everywhere; line breaks only in a
// multi-line field.
//
// A field is multi-line when it says so with [MultiLine], or when its name is one of the prose names below: a new
// module's "description" or "reason" needs no attribute to keep its line breaks.
internal static class TextRule
{
    public const string Rule = "controlCharacter";
    public const string LineBreakRule = "lineBreak";

    private static readonly HashSet<string> ProseNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "description", "body", "message", "text", "reason", "notes", "note", "comment", "comments", "summary", "content",
        "abstract", "remarks", "resolution", "explanation", "details", "introduction", "serviceContent", "feeDescription",
    };

    public static bool IsProseName(string name)
    {
        var plain = name;
        var dot = plain.LastIndexOf('.');
        if (dot >= 0)
        {
            plain = plain[(dot + 1)..];
        }

        var bracket = plain.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            plain = plain[..bracket];
        }

        return ProseNames.Contains(plain);
    }

    // null when the text is acceptable; otherwise the violation on field.
    public static Violation? Check(string field, string? text, bool multiLine)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (!multiLine)
                {
                    return new Violation(field, LineBreakRule, $"{field} is one line: line breaks are not allowed.");
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsRefused(c))
            {
                return new Violation(field, Rule, $"{field} contains the invisible or control character U+{(int)c:X4} at position {i + 1}.",
                    new Dictionary<string, object> { ["position"] = i + 1, ["character"] = $"U+{(int)c:X4}" });
            }
        }

        return null;
    }

    public static bool IsRefused(char c) =>
        c switch
        {
            '\t' => false,
            < ' ' => true, // C0, NUL included
            '\u007F' => true, // DEL
            >= '\u0080' and <= '\u009F' => true, // C1
            >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
            >= '\u2066' and <= '\u2069' => true, // bidi isolates
            '\uFEFF' => true, // byte order mark / zero-width no-break space
            _ => char.IsSurrogate(c), // a lone surrogate (a paired one was skipped by the caller)
        };

    // For text that is not a field (an import cell, a file name): the same characters replaced by nothing.
    public static string Strip(string text)
    {
        if (Check("text", text, multiLine: true) is null)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (c is '\n' or '\r' || !IsRefused(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
