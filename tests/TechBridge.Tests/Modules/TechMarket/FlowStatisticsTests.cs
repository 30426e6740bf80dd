using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Flows;

namespace TechBridge.Tests.Modules.TechMarket;

// The flow matrix and Hebei's share of Beijing–Tianjin output on a fixture of registered contracts.
public sealed class FlowStatisticsTests
{
    private static readonly IReadOnlyList<RegionGroup> Groups =
    [
        new("xiongan", "雄安新区", "Xiong'an New Area", "leading", ["130629", "130632", "130638"], ""),
        new("capital", "省会石家庄", "Provincial capital Shijiazhuang", "capital", ["130102", "130104"], ""),
    ];

    private static readonly DateOnly Day = new(2025, 3, 10);

    private static readonly FlowRow[] Fixture =
    [
        new("110108", "130104", 1_000_000, 900_000, "development", "electronics", Day),      // Beijing → Shijiazhuang
        new("110105", "130629", 2_000_000, 2_000_000, "transfer", "new-materials", Day),     // Beijing → 雄安
        new("110108", "110105", 5_000_000, 4_000_000, "development", "electronics", Day),    // Beijing → Beijing
        new("120116", "130902", 1_000_000, 1_000_000, "service", "environment", Day.AddMonths(1)), // Tianjin → Cangzhou
        new("120116", "310104", 1_000_000, 100_000, "service", "environment", Day.AddMonths(1)),   // Tianjin → Shanghai
        new("130104", "110108", 3_000_000, 3_000_000, "consulting", "electronics", Day),     // Hebei → Beijing: not in the share
        new("foreign", "130104", 7_000_000, 7_000_000, "licensing", "nuclear", Day),         // import: elsewhere → Hebei
    ];

    [Fact]
    public void Share_CountsBeijingTianjinSellersOnly_ContractValueAndTechnologyAmount()
    {
        var share = FlowStatistics.Share(Fixture);

        Assert.Equal(4_000_000, share.NumeratorFen);
        Assert.Equal(10_000_000, share.DenominatorFen);
        Assert.Equal(0.4m, share.Share);
        Assert.Equal(3_900_000, share.TechnologyNumeratorFen);
        Assert.Equal(8_000_000, share.TechnologyDenominatorFen);
        Assert.Equal(0.4875m, share.TechnologyShare);
        Assert.Equal(3, share.NumeratorCount);
        Assert.Equal(5, share.DenominatorCount);
        Assert.Null(FlowStatistics.Share([]).Share);
    }

    [Fact]
    public void Aggregate_ProvinceLevel_MatrixCellsOutputAndAbsorption()
    {
        var regions = new[] { new TechBridge.Modules.TechMarket.Contracts.FlowRegion("11", "北京", "Beijing"), new("12", "天津", "Tianjin"), new("13", "河北", "Hebei"), new("other", "其他地区", "Elsewhere") };

        var matrix = FlowStatistics.Aggregate(Fixture, Day, Day.AddMonths(1), "province", regions, Groups);

        Assert.Equal(7, matrix.Count);
        Assert.Equal(20_000_000, matrix.ContractValueFen);
        var beijingToHebei = matrix.Cells.Single(c => c.Seller == "11" && c.Buyer == "13");
        Assert.Equal(2, beijingToHebei.Count);
        Assert.Equal(3_000_000, beijingToHebei.ContractValueFen);
        Assert.Equal(7_000_000, matrix.Cells.Single(c => c.Seller == "other" && c.Buyer == "13").ContractValueFen);
        Assert.Equal(8_000_000, matrix.Output.Single(o => o.Code == "11").ContractValueFen);
        Assert.Equal(11_000_000, matrix.Absorption.Single(o => o.Code == "13").ContractValueFen);
        Assert.Equal(["2025-03", "2025-04"], matrix.ByMonth.Select(m => m.Code).ToArray());
        Assert.Equal(["licensing", "development"], matrix.ByType.Take(2).Select(t => t.Code).ToArray());
    }

    [Theory]
    [InlineData("130629", "group", "xiongan")]
    [InlineData("130104", "group", "capital")]
    [InlineData("131102", "group", "13-other")]
    [InlineData("131102", "city", "1311")]
    [InlineData("130104", "province", "13")]
    [InlineData("110108", "city", "11")]
    [InlineData("foreign", "city", "other")]
    [InlineData("440305", "province", "other")]
    public void Bucket_ByLevel(string region, string level, string bucket) =>
        Assert.Equal(bucket, FlowStatistics.Bucket(region, level, Groups));
}

public abstract class FlowsApiTests(AppHost host)
{
    [Fact]
    public async Task Flows_DemoYears_MatrixInFenWithCountsAndHebeiShare()
    {
        using var anonymous = host.CreateAnonymousClient();

        var flows = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/flows?from=2019-01&to=2025-12", UriKind.Relative));
        var cities = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/techmarket/flows?from=2023-01&to=2023-12&level=city", UriKind.Relative));
        var bad = await anonymous.GetAsync(new Uri("/api/v1/techmarket/flows?from=2025-13&to=2024-01", UriKind.Relative));

        Assert.Equal("2019-01", flows.GetProperty("from").GetString());
        Assert.True(flows.GetProperty("count").GetInt32() >= 300, "several hundred demo contracts");
        var cells = flows.GetProperty("cells").EnumerateArray().ToList();
        Assert.Contains(cells, c => c.GetProperty("seller").GetString() == "11" && c.GetProperty("buyer").GetString() == "13" && c.GetProperty("contractValueFen").GetInt64() > 0 && c.GetProperty("count").GetInt32() > 0);
        var share = flows.GetProperty("hebeiShare");
        Assert.InRange(share.GetProperty("share").GetDecimal(), 0.01m, 0.3m);
        Assert.True(share.GetProperty("technologyShare").ValueKind == JsonValueKind.Number);
        Assert.Contains(cities.GetProperty("regions").EnumerateArray(), r => r.GetProperty("code").GetString() == "1301");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FlowsApiTestsOnSqlite(SqliteHostFixture fixture) : FlowsApiTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class FlowsApiTestsOnPostgres(PostgresHostFixture fixture) : FlowsApiTests(fixture.Host);
