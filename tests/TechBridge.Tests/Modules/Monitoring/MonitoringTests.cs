using System.Text.Json;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.Rollups;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Modules.Monitoring;

public abstract class MonitoringTests(AppHost host)
{
    private const string Kpis = "/api/v1/monitoring/kpis";

    [Fact]
    public async Task ListKpis_PlanCatalog_HasEveryTargetOf2020AndSaysWhatIsNotComputable()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        var list = await admin.GetFromJsonAsync<JsonElement>(new Uri(Kpis, UriKind.Relative));
        var items = list.GetProperty("items").EnumerateArray().ToDictionary(k => k.GetProperty("code").GetString()!);

        var targets = new Dictionary<string, double>
        {
            ["leading-enterprises"] = 50, ["high-tech-service-enterprises"] = 400, ["service-clusters"] = 20, ["sector-revenue"] = 3000,
            ["hebei-share-of-beijing-tianjin-output"] = 10, ["international-cooperation-bases"] = 130, ["innovation-alliances"] = 70,
            ["new-rd-institutions"] = 100, ["national-rd-platforms"] = 85,
        };
        foreach (var (code, target) in targets)
        {
            Assert.Equal(target, items[code].GetProperty("target").GetDouble());
            Assert.Equal(2020, items[code].GetProperty("targetYear").GetInt32());
        }

        var share = items["hebei-share-of-beijing-tianjin-output"];
        // Computed live by the technology market from the demo's registered contracts: a share in percent, 0–100.
        Assert.True(share.GetProperty("computable").GetBoolean());
        Assert.InRange(share.GetProperty("latest").GetDouble(), 0.01, 100);
        Assert.False(items["sector-revenue"].GetProperty("computable").GetBoolean());
        Assert.Equal("more-than", items["innovation-alliances"].GetProperty("comparison").GetString());
        Assert.True(items["new-rd-institutions"].GetProperty("computable").GetBoolean());
        Assert.Equal(5, list.GetProperty("goals").EnumerateArray().Count(g => g.GetProperty("year").GetInt32() == 2022));
    }

    [Fact]
    public async Task DirectoryCounts_NewRecognitionsAndExpiry_CountWhereAndWhenTheyAreInForce()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        var before = await KpiAsync(admin, "new-rd-institutions");
        var shijiazhuang = await DirectoryTestData.CreateOrganizationAsync(host, "130102");
        var baoding = await DirectoryTestData.CreateOrganizationAsync(host, "130602");
        var beijing = await DirectoryTestData.CreateOrganizationAsync(host, "110108");
        await MonitoringTestData.AddRecognitionAsync(host, shijiazhuang, "new-rd-institution", RecognitionLevel.Provincial, new DateOnly(2019, 3, 1), null);
        // In force 2019–2020 only: counts in those years, not today.
        await MonitoringTestData.AddRecognitionAsync(host, baoding, "new-rd-institution", RecognitionLevel.Provincial, new DateOnly(2019, 3, 1), new DateOnly(2021, 3, 1));
        // Outside Hebei, and pending: never counted.
        await MonitoringTestData.AddRecognitionAsync(host, beijing, "new-rd-institution", RecognitionLevel.Provincial, new DateOnly(2019, 3, 1), null);
        await MonitoringTestData.AddRecognitionAsync(host, shijiazhuang, "new-rd-institution", RecognitionLevel.Provincial, new DateOnly(2019, 6, 1), null, RecognitionStatus.Pending);
        await MonitoringTestData.RefreshRollupsAsync(host);

        var after = await KpiAsync(admin, "new-rd-institutions");

        Assert.Equal(Year(before, 2018), Year(after, 2018));
        Assert.Equal(Year(before, 2019) + 2, Year(after, 2019));
        Assert.Equal(Year(before, 2020) + 2, Year(after, 2020));
        Assert.Equal(Latest(before) + 1, Latest(after));
        var byCity = after.GetProperty("byCity").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("value").GetDouble());
        var byGroup = after.GetProperty("byRegionGroup").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("value").GetDouble());
        Assert.True(byCity["1301"] >= 1);
        Assert.True(byGroup["capital"] >= 1);
        Assert.Contains("目录模块", after.GetProperty("values")[0].GetProperty("sourceZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HighTechServiceEnterprises_OnlyOrganizationsInTheTenSectorsCount()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        var before = Latest(await KpiAsync(admin, "high-tech-service-enterprises"));
        var service = await DirectoryTestData.CreateOrganizationAsync(host, "130104");
        var manufacturer = await DirectoryTestData.CreateOrganizationAsync(host, "130104");
        await host.WithDbAsync(db =>
        {
            db.Add(new OrganizationSector { OrganizationId = service, SectorCode = "testing" });
            return db.SaveChangesAsync();
        });
        await MonitoringTestData.AddRecognitionAsync(host, service, "high-tech-enterprise", RecognitionLevel.National, new DateOnly(2024, 1, 1), new DateOnly(2099, 1, 1));
        await MonitoringTestData.AddRecognitionAsync(host, manufacturer, "high-tech-enterprise", RecognitionLevel.National, new DateOnly(2024, 1, 1), new DateOnly(2099, 1, 1));
        await MonitoringTestData.RefreshRollupsAsync(host);

        var after = await KpiAsync(admin, "high-tech-service-enterprises");

        Assert.Equal(before + 1, Latest(after));
        // The official series counts every high-tech enterprise: context, labelled so, never the value.
        var context = after.GetProperty("context");
        Assert.Equal("high-tech-recognitions", context.GetProperty("code").GetString());
        Assert.Contains("背景参考", context.GetProperty("noteZh").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportedKpi_AgencyReports_OtherAdminConfirms_ThenItCountsWithProvenance()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        using var otherAdmin = await MonitoringTestData.ProvinceAdminAsync(host);
        using var agency = await MonitoringTestData.AgencyClientAsync(host, "省科技厅");
        var (_, stranger) = await TechBridge.Tests.Modules.Listings.ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        using var strangerClient = stranger;
        var code = $"t{Guid.NewGuid():N}"[..12];
        await DirectoryTestKit.PostAsync(admin, Kpis, new
        {
            code, nameZh = "技术经纪人数", nameEn = "Technology brokers", definitionZh = "持证技术经纪人数量", formula = "N = 持证技术经纪人数", unit = "count",
            responsibleUnits = "省科技厅、省人力资源社会保障厅", planReference = "2025 年规划", targetYear = 2030, targetValue = 1000, targetSource = "测试规划",
        }, HttpStatusCode.Created);

        var negative = await agency.PostAsJsonAsync(new Uri($"{Kpis}/{code}/values", UriKind.Relative), new { year = 2025, value = -1, source = "省统计局年报" });
        var byStranger = await stranger.PostAsJsonAsync(new Uri($"{Kpis}/{code}/values", UriKind.Relative), new { year = 2025, value = 300, source = "x" });
        var v2024 = await DirectoryTestKit.PostAsync(agency, $"{Kpis}/{code}/values", new { year = 2024, value = 200, source = "省统计局年报 2024" }, HttpStatusCode.Created);
        var v2025 = await DirectoryTestKit.PostAsync(admin, $"{Kpis}/{code}/values", new { year = 2025, value = 400, source = "省科技厅通报" }, HttpStatusCode.Created);
        var unconfirmed = await KpiAsync(admin, code);
        await DirectoryTestKit.PostAsync(admin, $"/api/v1/monitoring/values/{v2024.GetProperty("id").GetGuid()}/confirmation", null, HttpStatusCode.OK);
        var ownConfirm = await admin.PostAsync(new Uri($"/api/v1/monitoring/values/{v2025.GetProperty("id").GetGuid()}/confirmation", UriKind.Relative), null);
        await DirectoryTestKit.PostAsync(otherAdmin, $"/api/v1/monitoring/values/{v2025.GetProperty("id").GetGuid()}/confirmation", null, HttpStatusCode.OK);
        var confirmed = await KpiAsync(admin, code);
        var summary = confirmed.GetProperty("summary");

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("nonNegative", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        Assert.Equal(JsonValueKind.Null, unconfirmed.GetProperty("summary").GetProperty("latest").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, ownConfirm.StatusCode);
        Assert.Equal(400, summary.GetProperty("latest").GetDouble());
        // 200 → 400 in a year: linear 400 + 200 × 5 = 1400 by 2030; CAGR 100% a year. Both over 1000: on track.
        Assert.Equal(1400, summary.GetProperty("linearForecast").GetDouble(), 6);
        Assert.Equal("on-track", summary.GetProperty("status").GetString());
        Assert.Contains(confirmed.GetProperty("values").EnumerateArray(), v => v.GetProperty("sourceZh").GetString() == "省统计局年报 2024" && v.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task SetKpiTarget_OnlyProvinceAdmins_AndALaterTargetIsMeasuredAgainst()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        var (_, cityToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", TechBridge.Modules.Monitoring.Contracts.MonitoringPermissions.ManageKpis);
        using var cityAdmin = host.CreateBearerClient(cityToken);
        var code = await MonitoringTestData.AddKpiAsync(admin, 2020, 10);
        await DirectoryTestKit.PostAsync(admin, $"{Kpis}/{code}/values", new { year = 2024, value = 4, source = "测试" }, HttpStatusCode.Created);

        var byCity = await cityAdmin.PostAsJsonAsync(new Uri($"{Kpis}/{code}/targets", UriKind.Relative), new { year = 2099, value = 30, source = "x" });
        var invalid = await admin.PostAsJsonAsync(new Uri($"{Kpis}/{code}/targets", UriKind.Relative), new { year = 1999, value = -3 });
        await DirectoryTestKit.PostAsync(admin, $"{Kpis}/{code}/targets", new { year = 2099, value = 30, source = "测试用远期目标" }, HttpStatusCode.OK);
        var kpi = await KpiAsync(admin, code);

        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("\"year\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"value\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"source\"", problem, StringComparison.Ordinal);
        Assert.Equal(2099, kpi.GetProperty("summary").GetProperty("targetYear").GetInt32());
        Assert.Contains(kpi.GetProperty("targets").EnumerateArray(), t => t.GetProperty("year").GetInt32() == 2020);
        Assert.Equal("测试用远期目标", kpi.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == 2099).GetProperty("source").GetString());
    }

    [Fact]
    public async Task Exports_XlsxAndCsv_ReadBackWithChineseHeaders()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);

        var xlsx = await admin.GetAsync(new Uri($"{Kpis}.xlsx", UriKind.Relative));
        var csv = await admin.GetAsync(new Uri($"{Kpis}.csv", UriKind.Relative));
        var detail = await admin.GetAsync(new Uri($"{Kpis}/hebei-share-of-beijing-tianjin-output/export.xlsx", UriKind.Relative));
        var wrong = await admin.GetAsync(new Uri($"{Kpis}.pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.True(rows.Count >= 9);
        Assert.Contains(rows, r => (string?)r["指标"] == "京津技术输出成交额中河北占比" && !string.IsNullOrEmpty((string?)r["状态"]));
        Assert.Contains(rows, r => (string?)r["指标"] == "新型研发机构" && Convert.ToDouble(r["目标值"], System.Globalization.CultureInfo.InvariantCulture) == 100);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("指标,单位,数据来源,最新值", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        using var detailStream = new MemoryStream(await detail.Content.ReadAsByteArrayAsync());
        var sheets = detailStream.GetSheetNames();
        Assert.Contains("背景序列", sheets);
        var context = detailStream.Query(useHeaderRow: true, sheetName: "背景序列").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(context, r => (string?)r["省份"] == "河北" && Convert.ToInt32(r["年份"], System.Globalization.CultureInfo.InvariantCulture) == 2023);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task Pages_DashboardAndKpiPage_RenderForAProvinceAdmin()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);

        var dashboard = await admin.GetStringAsync(new Uri("/Monitoring", UriKind.Relative));
        var kpi = await admin.GetStringAsync(new Uri("/Monitoring/Kpi/high-tech-service-enterprises", UriKind.Relative));
        var statistics = await admin.GetStringAsync(new Uri("/Monitoring/Statistics", UriKind.Relative));

        Assert.Contains("科技服务业领域高新技术企业", dashboard, StringComparison.Ordinal);
        Assert.Contains("status-", dashboard, StringComparison.Ordinal);
        Assert.Contains("背景参考", kpi, StringComparison.Ordinal);
        Assert.Contains("吸纳", statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollups_AFigureIsServedFromItsRollupUntilItIsAMinuteOld_ThenComputedAgain()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        var key = IndicatorKeys.ServiceClusters;
        var real = Latest(await KpiAsync(admin, "service-clusters"));
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // A stored reading 50 s old is what the page shows (with its as-of time); one 61 s old is computed again.
        var fresh = await ServeAsync(now.AddSeconds(-50));
        Assert.Equal(4321, Latest(fresh));
        Assert.Equal(now.AddSeconds(-50), fresh.GetProperty("summary").GetProperty("asOf").GetDateTimeOffset());
        var stale = await ServeAsync(now.AddSeconds(-61));
        Assert.Equal(real, Latest(stale));
        Assert.True(stale.GetProperty("summary").GetProperty("asOf").GetDateTimeOffset() >= now);

        async Task<JsonElement> ServeAsync(DateTimeOffset computedAt)
        {
            // The rollup job may store its own reading between the write and the read: then write again.
            for (var attempt = 0; ; attempt++)
            {
                var reading = new IndicatorReading([new IndicatorPoint(now.Year, 4321, true)], new Dictionary<string, double>(), "测试", "test", computedAt);
                await host.WithDbAsync(async db =>
                {
                    await db.Set<IndicatorRollup>().Where(r => r.Key == key).ExecuteDeleteAsync();
                    // An insert, not an update: the row may be gone or back, as the job left it.
                    db.Add(new IndicatorRollup
                    {
                        Key = key, FromYear = 2016, ComputedFor = DateOnly.FromDateTime(TechBridge.Platform.Time.AdjustableClock.ToChina(now).DateTime),
                        ReadingJson = JsonSerializer.Serialize(reading, JsonSerializerOptions.Web), ComputedAt = computedAt,
                    });
                    return await db.SaveChangesAsync();
                });
                var detail = await KpiAsync(admin, "service-clusters");
                if (attempt == 2 || detail.GetProperty("summary").GetProperty("asOf").GetDateTimeOffset() <= computedAt || Latest(detail) != real)
                {
                    return detail;
                }
            }
        }
    }

    [Fact]
    public async Task InstrumentSharedHours_CompletedUsesOfHebeiInstruments_ByYearAndCity()
    {
        using var admin = await MonitoringTestData.ProvinceAdminAsync(host);
        var before = await KpiAsync(admin, "instrument-shared-hours");
        var owner = await DirectoryTestData.CreateOrganizationAsync(host, "130602");
        var baoding = await MonitoringTestData.AddInstrumentAsync(host, owner, "130602");
        var beijing = await MonitoringTestData.AddInstrumentAsync(host, owner, "110108");
        var beijingTime = TimeSpan.FromHours(8);
        // 2019: 3 h completed in Baoding count; a cancelled use and a use of a Beijing instrument do not. The use
        // starting 31 December 23:00 Beijing time is 2019's (its UTC date is still the 31st, but its hour is 2019's).
        await MonitoringTestData.AddBookingAsync(host, baoding, new DateTimeOffset(2019, 5, 6, 9, 0, 0, beijingTime), 2, BookingStatus.Completed);
        await MonitoringTestData.AddBookingAsync(host, baoding, new DateTimeOffset(2019, 12, 31, 23, 0, 0, beijingTime), 1, BookingStatus.Completed);
        await MonitoringTestData.AddBookingAsync(host, baoding, new DateTimeOffset(2019, 5, 7, 9, 0, 0, beijingTime), 4, BookingStatus.Cancelled);
        await MonitoringTestData.AddBookingAsync(host, beijing, new DateTimeOffset(2019, 5, 6, 9, 0, 0, beijingTime), 5, BookingStatus.Completed);
        await MonitoringTestData.RefreshRollupsAsync(host);

        var after = await KpiAsync(admin, "instrument-shared-hours");

        Assert.Equal(Year(before, 2019) + 3, Year(after, 2019));
        Assert.Equal(Year(before, 2020), Year(after, 2020));
        Assert.Contains("仪器共享模块", after.GetProperty("values")[0].GetProperty("sourceZh").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-assessable", after.GetProperty("summary").GetProperty("status").GetString());
    }

    private static async Task<JsonElement> KpiAsync(HttpClient client, string code) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri($"{Kpis}/{code}", UriKind.Relative));

    private static double Latest(JsonElement detail) => detail.GetProperty("summary").GetProperty("latest").GetDouble();

    private static double Year(JsonElement detail, int year) =>
        detail.GetProperty("summary").GetProperty("trend").EnumerateArray().First(p => p.GetProperty("year").GetInt32() == year).GetProperty("value").GetDouble();
}

[Collection(SqliteCollection.Name)]
public sealed class MonitoringTestsOnSqlite(SqliteHostFixture fixture) : MonitoringTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class MonitoringTestsOnPostgres(PostgresHostFixture fixture) : MonitoringTests(fixture.Host);
