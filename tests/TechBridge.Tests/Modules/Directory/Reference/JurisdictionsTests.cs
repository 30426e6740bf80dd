using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Tests.Modules.Directory.Reference;

public sealed class JurisdictionsTests
{
    [Theory]
    [InlineData("130629")]
    [InlineData("130632")]
    [InlineData("130638")]
    public void Of_XionganCounty_IsXionganNotBaoding(string county)
    {
        Assert.Equal(Jurisdictions.Xiongan, Jurisdictions.Of(county));
        Assert.False(Jurisdictions.Covers("1306", county));
        Assert.True(Jurisdictions.Covers(Jurisdictions.Hebei, county));
    }

    [Theory]
    [InlineData("130181", "1301")]
    [InlineData("130682", "1306")]
    public void Of_ProvinceManagedCity_IsItsOwnJurisdictionUnderHebei(string county, string statisticalCity)
    {
        Assert.Equal(county, Jurisdictions.Of(county));
        Assert.Equal(Jurisdictions.Hebei, Jurisdictions.Parent(county));
        Assert.False(Jurisdictions.Covers(statisticalCity, county));
        Assert.True(Jurisdictions.Covers(Jurisdictions.Hebei, county));
    }

    [Fact]
    public void Covers_CityAdmin_CoversItsCountiesOnly()
    {
        Assert.True(Jurisdictions.Covers("1301", "130102"));
        Assert.True(Jurisdictions.Covers("1301", "130123"));
        Assert.False(Jurisdictions.Covers("1301", "130203"));
        Assert.False(Jurisdictions.Covers("1301", "110108"));
        Assert.True(Jurisdictions.Covers(Jurisdictions.Beijing, "110108"));
        Assert.Equal(["1301", "13"], Jurisdictions.Chain("130102"));
    }
}
