namespace TechBridge.Modules.Directory.Seed;

// Builds valid unified social credit codes (GB 32100-2015) for demo organizations: registration authority and type
// (2 chars), region (6 digits), organization code (9 chars with its GB 11714 check), check character.
internal static class DemoCreditCodes
{
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // 91: company registered with market regulation; 12: public institution (事业单位) registered with 机构编制.
    public static string Build(string authorityAndType, string regionCode, int serial)
    {
        var body = (serial % 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var first17 = authorityAndType + regionCode + body + OrganizationCodeCheck(body);
        return first17 + CheckCharacter(first17);
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += Charset.IndexOf(first17[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        var check = 31 - (sum % 31);
        return Charset[check == 31 ? 0 : check];
    }

    public static bool IsValid(string code) =>
        code.Length == 18 && code.All(c => Charset.Contains(c, StringComparison.Ordinal)) && CheckCharacter(code[..17]) == code[17];

    // GB 11714: weights 3 7 9 10 5 8 4 2; check = 11 − sum mod 11, 10 → X, 11 → 0.
    private static char OrganizationCodeCheck(string eightDigits)
    {
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (eightDigits[i] - '0') * weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }
}
