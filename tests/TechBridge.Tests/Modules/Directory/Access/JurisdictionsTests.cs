using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Tests.Modules.Directory.Access;

public sealed class JurisdictionsTests
{
    [Theory]
    [InlineData("130102", "1301")] // 石家庄 district → its city
    [InlineData("130629", "XIONGAN")] // 容城县 → 雄安新区, not 保定
    [InlineData("130181", "130181")] // 辛集, province-managed
    [InlineData("110105", "11")] // Beijing district → Beijing
    public void Of_RegionCode_GivesAdministeringJurisdiction(string region, string expected) => Assert.Equal(expected, Jurisdictions.Of(region));

    [Fact]
    public void Covers_ProvinceAdmin_ActsOnCitiesXionganAndProvinceManaged()
    {
        Assert.True(Jurisdictions.Covers(Jurisdictions.Hebei, "130102"));
        Assert.True(Jurisdictions.Covers(Jurisdictions.Hebei, "130632"));
        Assert.True(Jurisdictions.Covers(Jurisdictions.Hebei, "130682"));
    }

    [Fact]
    public void Covers_CityAdmin_DoesNotActOnXionganOrOtherCities()
    {
        Assert.False(Jurisdictions.Covers("1306", "130629")); // 保定 does not administer 雄安's counties
        Assert.False(Jurisdictions.Covers("1301", "130202"));
        Assert.False(Jurisdictions.Covers(Jurisdictions.Beijing, "120101"));
    }
}
