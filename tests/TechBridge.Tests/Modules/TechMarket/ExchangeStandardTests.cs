using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Exchange;

namespace TechBridge.Tests.Modules.TechMarket;

// The published exchange standard for registered contracts: the schema at its stable address, the feed in it, and
// the import that checks every row against it — what this platform exports imports again unchanged, what it imports
// it exports as it came, and bad rows are reported by row and field in the reader's language.
public abstract class ExchangeStandardTests(AppHost host)
{
    private const string Feed = "/api/v1/techmarket/exchange/registered-contracts";

    internal static JsonObject Record(string certificateNumber, long totalFen = 3_000_000, long equipmentFen = 500_000) => new()
    {
        ["standard"] = "techbridge.registered-contract/1.0",
        ["certificateNumber"] = certificateNumber,
        ["registeredOn"] = "2024-06-18",
        ["status"] = "registered",
        ["title"] = "锂电池正极材料制备技术转让合同",
        ["type"] = "transfer",
        ["subtype"] = "patent",
        ["seller"] = new JsonObject { ["name"] = "北京某新材料研究院", ["creditCode"] = "12110000400000000X", ["regionCode"] = "110108", ["entityKind"] = "research-institute" },
        ["buyer"] = new JsonObject { ["name"] = "石家庄某电池有限公司", ["regionCode"] = "130104", ["entityKind"] = "enterprise" },
        ["totalFen"] = totalFen,
        ["nonTechnicalItems"] = new JsonArray(new JsonObject { ["kind"] = "equipment", ["description"] = "烧结炉", ["amountFen"] = equipmentFen }),
        ["technologyAmountFen"] = totalFen - equipmentFen,
        ["technologyField"] = "new-materials",
        ["industry"] = "C38",
        ["ipKind"] = "invention-patent",
        ["fundingSource"] = "own",
        ["signedOn"] = "2024-05-30",
        ["termFrom"] = "2024-06-01",
        ["termTo"] = "2025-05-31",
        ["paymentSchedule"] = "签约后支付 40%，技术交付验收后支付 60%",
        ["brokerName"] = "张经纪",
        ["publishPartyNames"] = true,
    };

    internal static string NewNumber() => "2024110000X" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpClient client, string fileName, string content, string? mode = null, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/x-ndjson");
        form.Add(file, "file", fileName);
        if (mode is not null)
        {
            form.Add(new StringContent(mode), "mode");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Feed, UriKind.Relative)) { Content = form };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    // Every record of the caller's jurisdictions, following the feed's Link header to the end.
    private static async Task<List<JsonObject>> ReadFeedAsync(HttpClient client, int limit = 1000)
    {
        var records = new List<JsonObject>();
        var next = $"{Feed}?limit={limit}";
        for (var pages = 0; next is not null && pages < 50; pages++)
        {
            var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            records.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()));
            next = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        return records;
    }

    [Fact]
    public async Task Schema_IsServedToAnyoneAtItsStableAddress()
    {
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/api/v1/techmarket/standards/registered-contract/1.0", UriKind.Relative));
        var schema = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:techbridge:techmarket:registered-contract:1.0", schema["$id"]!.GetValue<string>());
        Assert.Equal("techbridge.registered-contract/1.0", schema["properties"]!["standard"]!["const"]!.GetValue<string>());
        Assert.Contains("technologyAmountFen", schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task Feed_ImportedAgain_IsUnchanged_AndAnImportedRecord_IsExportedAsItCame()
    {
        using var beijing = await host.CreateClientForAsync("admin.beijing");
        var exported = await ReadFeedAsync(beijing, limit: 150);
        Assert.True(exported.Count >= 20, $"the demo register of Beijing should be in the feed, found {exported.Count}");
        var reference = host.Services.GetRequiredService<IReferenceData>();
        Assert.All(exported, r => Assert.Empty(RegisteredContractRecords.Check(r, reference)));

        // Export → import: the whole feed comes back unchanged, nothing duplicated.
        var lines = string.Join("\n", exported.Select(r => r.ToJsonString()));
        var (status, report) = await ImportAsync(beijing, "feed.jsonl", lines);
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        Assert.Equal(0, report.GetProperty("errorCount").GetInt32());
        Assert.Equal(0, report.GetProperty("imported").GetInt32());
        Assert.Equal(exported.Count, report.GetProperty("unchanged").GetInt32());

        // Import → export: two records of another platform appear in the feed exactly as they were written.
        var incoming = new[] { Record(NewNumber()), Record(NewNumber(), totalFen: 80_000_000, equipmentFen: 0) };
        incoming[1]["nonTechnicalItems"] = new JsonArray();
        incoming[1].Remove("brokerName");
        incoming[1]["seller"]!.AsObject().Remove("creditCode");
        (status, report) = await ImportAsync(beijing, "other-platform.jsonl", string.Join("\n", incoming.Select(r => r.ToJsonString())) + "\n");
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        Assert.Equal(2, report.GetProperty("imported").GetInt32());

        var after = await ReadFeedAsync(beijing);
        foreach (var record in incoming)
        {
            var back = Assert.Single(after, r => r["certificateNumber"]!.GetValue<string>() == record["certificateNumber"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(record, back), $"sent {record.ToJsonString()}\nfeed {back.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Import_BadRows_AreReportedByRowAndField_InTheReadersLanguage_AndNothingIsImported()
    {
        using var beijing = await host.CreateClientForAsync("admin.beijing");
        var good = Record(NewNumber());
        var noTitleNegative = Record(NewNumber());
        noTitleNegative.Remove("title");
        noTitleNegative["totalFen"] = -5;
        noTitleNegative["seller"]!["phone"] = "010-12345678";
        var itemsTooLarge = Record(NewNumber(), totalFen: 100, equipmentFen: 500);
        itemsTooLarge["technologyAmountFen"] = 0;
        var wrongAmount = Record(NewNumber());
        wrongAmount["technologyAmountFen"] = 1;
        var extraAndBadSubtype = Record(NewNumber());
        extraAndBadSubtype["subtype"] = "commissioned";
        var hebeiSeller = Record(NewNumber());
        hebeiSeller["seller"]!["regionCode"] = "130104";
        var file = string.Join("\n", good.ToJsonString(), noTitleNegative.ToJsonString(), "{ not a record", itemsTooLarge.ToJsonString(),
            wrongAmount.ToJsonString(), extraAndBadSubtype.ToJsonString(), hebeiSeller.ToJsonString());

        var (status, zh) = await ImportAsync(beijing, "bad.jsonl", file, language: "zh-CN");
        var (_, en) = await ImportAsync(beijing, "bad.jsonl", file, language: "en");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, zh.GetProperty("total").GetInt32());
        Assert.Equal(0, zh.GetProperty("imported").GetInt32());
        var errors = zh.GetProperty("errors").EnumerateArray().Select(e => (Row: e.GetProperty("row").GetInt32(), Field: e.GetProperty("field").GetString(), Rule: e.GetProperty("rule").GetString(), Message: e.GetProperty("message").GetString()!)).ToList();
        Assert.DoesNotContain(errors, e => e.Row == 1);
        Assert.Contains(errors, e => e is { Row: 2, Field: "title", Rule: "required" } && e.Message.Contains("标题", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 2, Field: "totalFen", Rule: "negative" } && e.Message.Contains("合同总金额", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 3, Field: "record", Rule: "unreadable" });
        Assert.Contains(errors, e => e is { Row: 4, Field: "nonTechnicalItems", Rule: "exceedsTotal" });
        Assert.Contains(errors, e => e is { Row: 5, Field: "technologyAmountFen", Rule: "notTotalLessItems" } && e.Message.Contains("技术交易额", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 2, Field: "seller.phone", Rule: "unexpected" });
        Assert.Contains(errors, e => e is { Row: 6, Field: "subtype", Rule: "unknown" });
        Assert.Contains(errors, e => e is { Row: 7, Field: "seller.regionCode", Rule: "notYourJurisdiction" });
        Assert.All(errors, e => Assert.DoesNotContain("This field", e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain("此项", e.Message, StringComparison.Ordinal));
        var english = en.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("row").GetInt32() == 5).GetProperty("message").GetString();
        Assert.Contains("technology transaction amount", english, StringComparison.OrdinalIgnoreCase);

        // All or nothing: the good first row was not imported; alone, or with skip-bad-rows, it is.
        (status, var skipped) = await ImportAsync(beijing, "bad.jsonl", file, mode: "skip-bad-rows");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, skipped.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task HistoricalRegister_AsCsv_ImportsGoodRows_AndTheTableExportReadsBackUnchanged()
    {
        using var hebei = await host.CreateClientForAsync("admin.hebei");
        var (first, second, third) = (NewNumber(), NewNumber(), NewNumber());
        var csv = $"""
            登记编号,登记日期,合同名称,合同类别,合同子类,卖方名称,卖方地区代码,卖方主体类型,买方名称,买方地区代码,买方主体类型,合同成交额（元）,非技术性款项（元）,非技术性款项类别,技术领域,签订日期,同意公开当事人名称
            {first},2019/3/15,秸秆还田机具改进技术开发,技术开发,委托开发,河北某农机研究所,130600,科研机构,天津某农业装备公司,120110,企业,85万,5万,设备,农业,2019-02-20,否
            {second},2020-07-01,水处理膜工艺咨询,技术咨询,,河北某环保公司,1301,企业,北京某水务公司,110105,企业,120000.50,,,环境保护与资源综合利用,2020-06-10,是
            {third},2020-07-01,错误的类别,技术买卖,委托开发,河北某公司,1302,企业,北京某公司,110105,企业,1000,,,农业,2020-06-10,否
            """;

        var (status, report) = await ImportAsync(hebei, "历史登记.csv", csv, mode: "skip-bad-rows");

        Assert.True(status == HttpStatusCode.OK, report.ToString());
        Assert.Equal(3, report.GetProperty("total").GetInt32());
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.All(errors, e => Assert.Equal(4, e.GetProperty("row").GetInt32()));
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "type" && e.GetProperty("message").GetString() == "请从列表中选择合同类别。");

        var table = await hebei.GetAsync(new Uri($"{Feed}/table?format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, table.StatusCode);
        var exported = await table.Content.ReadAsStringAsync();
        Assert.Contains("登记编号", exported, StringComparison.Ordinal);
        Assert.Contains($"{first},2019-03-15", exported, StringComparison.Ordinal);
        Assert.Contains("技术开发,委托开发", exported, StringComparison.Ordinal);
        Assert.Contains("850000.00,50000.00,设备,800000.00,农业", exported, StringComparison.Ordinal);

        // The exported table, read back, changes nothing.
        (status, report) = await ImportAsync(hebei, "export.csv", exported.TrimStart('\uFEFF'));
        Assert.True(status == HttpStatusCode.OK, report.ToString());
        Assert.Equal(0, report.GetProperty("errorCount").GetInt32());
        Assert.Equal(0, report.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task FeedAndImport_AreForRegistrationAuthoritiesOnly()
    {
        using var enterprise = await host.CreateClientForAsync("enterprise.demo");

        var feed = await enterprise.GetAsync(new Uri(Feed, UriKind.Relative));
        var (status, _) = await ImportAsync(enterprise, "x.jsonl", Record(NewNumber()).ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, feed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExchangeStandardTestsOnSqlite(SqliteHostFixture fixture) : ExchangeStandardTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ExchangeStandardTestsOnPostgres(PostgresHostFixture fixture) : ExchangeStandardTests(fixture.Host);
