namespace TechBridge.Modules.Directory.RegisterOrganization;

internal sealed record CreditCodeCheck(string? Normalized, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

// 统一社会信用代码 (GB 32100-2015). Pure: the caller supplies which provinces and region codes exist.
// Normalization (decided): surrounding whitespace is trimmed and letters are upper-cased, because codes are typed
// from paper licences; whitespace inside the code is refused rather than guessed at.
internal static class CreditCode
{
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    public const int Length = 18;

    private static readonly int[] Weights = ComputeWeights();

    public static string Normalize(string input) => input.Trim().ToUpperInvariant();

    public static CreditCodeCheck Check(string? input, Func<string, bool> provinceExists, Func<string, bool> regionExists)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        if (string.IsNullOrWhiteSpace(input))
        {
            return new CreditCodeCheck(null, ["The credit code is required."], []);
        }

        var code = Normalize(input);
        if (code.Length != Length)
        {
            return new CreditCodeCheck(code, [$"A credit code has {Length} characters."], []);
        }

        if (code.Any(c => !Charset.Contains(c, StringComparison.Ordinal)))
        {
            return new CreditCodeCheck(code, [$"A credit code uses only the characters {Charset}."], []);
        }

        if (CheckCharacter(code.AsSpan(0, Length - 1)) != code[Length - 1])
        {
            return new CreditCodeCheck(code, ["The check character (the 18th) does not match: the code is mistyped."], []);
        }

        var region = code.Substring(2, 6);
        if (!region.All(char.IsAsciiDigit) || !provinceExists(region[..2]))
        {
            errors.Add($"Characters 3–8 ({region}) do not name a known province.");
        }
        else if (!regionExists(region))
        {
            // Old codes keep the region of their registration (e.g. 130182 藁城市, merged in 2014) or a province/city
            // level code (110000, 130100): valid, but worth a second look.
            warnings.Add($"Region code {region} in the credit code is not in the current region table (an old or non-county code).");
        }

        return new CreditCodeCheck(code, errors, warnings);
    }

    // The 18th character for the first 17 (which must come from the charset).
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("Seventeen characters are needed.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < first17.Length; i++)
        {
            var value = Charset.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Charset[check == 31 ? 0 : check];
    }

    private static int[] ComputeWeights()
    {
        var weights = new int[Length - 1];
        var w = 1;
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = w;
            w = w * 3 % 31;
        }

        return weights;
    }
}
