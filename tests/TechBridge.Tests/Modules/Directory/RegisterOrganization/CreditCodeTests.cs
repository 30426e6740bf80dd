using TechBridge.Modules.Directory.RegisterOrganization;

namespace TechBridge.Tests.Modules.Directory.RegisterOrganization;

public sealed class CreditCodeTests
{
    private static readonly HashSet<string> Provinces = ["11", "12", "13"];
    private static readonly HashSet<string> Counties = ["110108", "120116", "130102", "130104"];

    // A generator written from the standard's text (not from CreditCode) so the tests do not check the code against itself.
    internal static string Generate(string first17)
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var sum = 0;
        var weight = 1;
        foreach (var c in first17)
        {
            sum += charset.IndexOf(c, StringComparison.Ordinal) * weight;
            weight = weight * 3 % 31;
        }

        var check = 31 - (sum % 31);
        return first17 + charset[check == 31 ? 0 : check];
    }

    private static CreditCodeCheck Check(string code) => CreditCode.Check(code, Provinces.Contains, Counties.Contains);

    [Theory]
    [InlineData("91110108MA01ABCDE")]
    [InlineData("12130102400001234")]
    [InlineData("52120116MJ0000001")]
    public void Check_GeneratedCode_IsValidWithoutWarnings(string first17)
    {
        var result = Check(Generate(first17));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void CheckCharacter_KnownWeights_MatchStandardTable()
    {
        // GB 32100-2015 lists the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; "1" at position i alone
        // sums to that weight.
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        for (var i = 0; i < 17; i++)
        {
            var chars = new string('0', 17).ToCharArray();
            chars[i] = '1';
            var expected = 31 - weights[i];
            Assert.Equal(CreditCode.Charset[expected == 31 ? 0 : expected], CreditCode.CheckCharacter(new string(chars)));
        }
    }

    [Fact]
    public void Check_EverySingleCharacterSubstitution_IsRejected()
    {
        var valid = Generate("91110108MA01ABCDE");
        var accepted = new List<string>();
        for (var position = 0; position < valid.Length; position++)
        {
            foreach (var replacement in CreditCode.Charset)
            {
                if (replacement == valid[position])
                {
                    continue;
                }

                var changed = valid[..position] + replacement + valid[(position + 1)..];
                if (Check(changed).IsValid)
                {
                    accepted.Add(changed);
                }
            }
        }

        Assert.Empty(accepted);
    }

    [Theory]
    [InlineData("91130182MA0000001")] // 藁城市, merged into 石家庄 in 2014
    [InlineData("91110000MA0000001")] // province-level code
    [InlineData("91130100MA0000001")] // city-level code
    public void Check_OldOrNonCountyRegion_WarnsButAccepts(string first17)
    {
        var result = Check(Generate(first17));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Single(result.Warnings);
    }

    [Fact]
    public void Check_UnknownProvince_IsRejected()
    {
        var result = Check(Generate("91990101MA0000001"));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Check_LowercaseAndSurroundingSpaces_AreNormalized()
    {
        var valid = Generate("91110108MA01ABCDE");

        var result = Check("  " + valid.ToLowerInvariant() + " ");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(valid, result.Normalized);
    }

    [Theory]
    [InlineData("9111 0108MA01ABCDE")] // inner space: refused, not guessed
    [InlineData("91110108MA01ABCDI")] // I is not in the charset
    [InlineData("91110108MA01ABC")]
    [InlineData("")]
    public void Check_Malformed_IsRejected(string code)
    {
        var input = code.Length == 17 && !code.Contains(' ', StringComparison.Ordinal) ? code + "O" : code;

        Assert.False(Check(input).IsValid);
    }
}
