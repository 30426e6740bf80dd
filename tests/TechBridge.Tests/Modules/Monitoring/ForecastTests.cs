using TechBridge.Modules.Monitoring.Forecasting;
using TechBridge.Modules.Monitoring.Statistics;

namespace TechBridge.Tests.Modules.Monitoring;

public sealed class ForecastTests
{
    [Fact]
    public void Linear_ExactLine_ProjectsOnTheLine()
    {
        // 10, 20, 30 in 2018–2020: slope 10 a year, so 2022 is 50.
        Assert.Equal(50, Forecast.Linear([(2018, 10), (2019, 20), (2020, 30)], 2022)!.Value, 9);
    }

    [Fact]
    public void Linear_Scatter_IsTheLeastSquaresLine()
    {
        // x̄ = 2019, ȳ = 4; slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = ((−1)(−3) + 0 + (1)(2)) / 2 = 2.5, so 2021 → 4 + 2.5 × 2 = 9.
        Assert.Equal(9, Forecast.Linear([(2018, 1), (2019, 5), (2020, 6)], 2021)!.Value, 9);
    }

    [Fact]
    public void Linear_OneYear_IsNotProjected() => Assert.Null(Forecast.Linear([(2020, 5)], 2022));

    [Fact]
    public void Cagr_DoublingOverTwoYears_GrowsAboutFortyOnePercentAYear()
    {
        var (projection, rate) = Forecast.Cagr([(2018, 100), (2019, 150), (2020, 200)], 2022);

        // g = (200 / 100)^(1/2) − 1 = √2 − 1; 2022 = 200 × (1 + g)² = 400.
        Assert.Equal(Math.Sqrt(2) - 1, rate!.Value, 9);
        Assert.Equal(400, projection!.Value, 6);
    }

    [Fact]
    public void Cagr_StartsAtTheFirstPositiveValue()
    {
        var (projection, rate) = Forecast.Cagr([(2016, 0), (2017, 0), (2018, 2), (2019, 4)], 2020);

        Assert.Equal(1, rate!.Value, 9);
        Assert.Equal(8, projection!.Value, 9);
    }

    [Fact]
    public void Cagr_NoPositiveStart_IsNotProjected() => Assert.Equal((null, null), Forecast.Cagr([(2018, 0), (2019, 0)], 2020));

    [Theory]
    [InlineData(50, 2026, 40, 45, 50, 2030, "Achieved")]
    [InlineData(30, 2026, 60, 70, 50, 2030, "OnTrack")]
    [InlineData(30, 2026, 60, 40, 50, 2030, "AtRisk")]
    [InlineData(30, 2026, 40, 45, 50, 2030, "OffTrack")]
    [InlineData(30, 2026, 60, 70, 50, 2020, "OffTrack")]
    public void Status_FollowsTheRuleOnThePage(double latest, int latestYear, double linear, double cagr, double target, int targetYear, string expected)
    {
        var status = Forecast.Status(latest, latestYear, new Projection(linear, cagr, null), target, targetYear, 2026, strictlyMore: false);

        Assert.Equal(Enum.Parse<KpiStatus>(expected), status);
    }

    [Fact]
    public void Status_MoreThanTarget_SeventyIsNotEnough()
    {
        Assert.Equal(KpiStatus.Achieved, Forecast.Status(71, 2026, new Projection(null, null, null), 70, 2030, 2026, strictlyMore: true));
        Assert.NotEqual(KpiStatus.Achieved, Forecast.Status(70, 2026, new Projection(80, 80, null), 70, 2030, 2026, strictlyMore: true));
    }

    [Fact]
    public void Status_NoValue_IsNotAssessable() =>
        Assert.Equal(KpiStatus.NotAssessable, Forecast.Status(null, null, new Projection(null, null, null), 10, 2030, 2026, strictlyMore: false));

    [Fact]
    public void OfficialSeries_ShippedFiles_KeepOutputAndAbsorptionApart()
    {
        var statistics = OfficialStatistics.Shipped;

        // 中国科技统计年鉴 via techme: Hebei 2023, 输出 17,830,882 万元 and 吸纳 20,296,955 万元; 高新技术企业 2024: 5,813.
        Assert.Equal(17_830_882, statistics.Find(OfficialStatistics.MarketOutputValue)!.Of("河北")[2023]);
        Assert.Equal(20_296_955, statistics.Find(OfficialStatistics.MarketAbsorptionValue)!.Of("河北")[2023]);
        Assert.Equal(SeriesDefinition.Output, statistics.Find(OfficialStatistics.MarketOutputValue)!.Definition);
        Assert.Equal(SeriesDefinition.Absorption, statistics.Find(OfficialStatistics.MarketAbsorptionValue)!.Definition);
        Assert.Equal(5_813, statistics.Find(OfficialStatistics.HighTechRecognitions)!.Of("河北")[2024]);
        Assert.True(statistics.Find(OfficialStatistics.OpenSharingEvaluated)!.Of("河北")[2018] >= 1);
    }
}
