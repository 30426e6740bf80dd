using TechBridge.Modules.Directory.Access;

namespace TechBridge.Tests.Modules.Directory.Access;

public sealed class PasswordPolicyTests
{
    private static string[] Rules(string password, string? userName = "someone") =>
        PasswordPolicy.Check(password, userName).Select(v => v.Rule).ToArray();

    [Fact]
    public void Check_ElevenCharacters_IsRefusedAsTooShort() => Assert.Equal(["minLength"], Rules("river-stone"));

    [Fact]
    public void Check_TwelveCharacters_IsAccepted() => Assert.Empty(Rules("river-stones"));

    [Fact]
    public void Check_SixtyFourCharacters_IsAccepted() => Assert.Empty(Rules(string.Concat(Enumerable.Repeat("tide pool ", 7))[..64]));

    [Fact]
    public void Check_OneHundredTwentyNineCharacters_IsRefusedAsTooLong() => Assert.Equal(["maxLength"], Rules(new string('q', 60) + new string('z', 69)));

    [Theory]
    [InlineData("alllowercaseletters")]
    [InlineData("ALL UPPER CASE WITH SPACES")]
    [InlineData("长城脚下的一片枫叶林很美")]
    public void Check_NoCompositionRules_IsAccepted(string password) => Assert.Empty(Rules(password));

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("PasswordPassword")]
    [InlineData("QWERTYUIOPAS")]
    public void Check_DenyListedInAnyCase_IsRefused(string password) => Assert.Equal(["commonPassword"], Rules(password));

    [Fact]
    public void Check_ContainsUserName_IsRefused() => Assert.Contains("containsUserName", Rules("my name is zhangwei.lab", "zhangwei"));
}
