using System.Globalization;
using System.Text.Json.Nodes;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Platform.Files;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.TechMarket.Exchange;

// A historical register of registered contracts as a spreadsheet (CSV or xlsx, one contract a row), read into records
// of the exchange standard so that it passes the same checks as the feed. Headers are Chinese or the standard's
// field names; lists take the Chinese name or the code; amounts are yuan (万/亿 read, two decimals at most); the
// non-technical items come as one sum with its kind, which is what historical registers keep.
internal static class HistoricalColumns
{
    public static readonly (string Field, string[] Headers)[] Columns =
    [
        ("certificateNumber", ["登记编号", "certificateNumber"]),
        ("registeredOn", ["登记日期", "registeredOn"]),
        ("status", ["状态", "status"]),
        ("title", ["合同名称", "title"]),
        ("type", ["合同类别", "type"]),
        ("subtype", ["合同子类", "subtype"]),
        ("seller.name", ["卖方名称", "seller.name"]),
        ("seller.creditCode", ["卖方统一社会信用代码", "seller.creditCode"]),
        ("seller.regionCode", ["卖方地区代码", "seller.regionCode"]),
        ("seller.entityKind", ["卖方主体类型", "seller.entityKind"]),
        ("buyer.name", ["买方名称", "buyer.name"]),
        ("buyer.creditCode", ["买方统一社会信用代码", "buyer.creditCode"]),
        ("buyer.regionCode", ["买方地区代码", "buyer.regionCode"]),
        ("buyer.entityKind", ["买方主体类型", "buyer.entityKind"]),
        ("totalYuan", ["合同成交额（元）", "合同成交额(元)", "totalYuan"]),
        ("nonTechnicalYuan", ["非技术性款项（元）", "非技术性款项(元)", "nonTechnicalYuan"]),
        ("nonTechnicalKind", ["非技术性款项类别", "nonTechnicalKind"]),
        ("technologyYuan", ["技术交易额（元）", "技术交易额(元)", "technologyYuan"]),
        ("technologyField", ["技术领域", "technologyField"]),
        ("industry", ["行业", "industry"]),
        ("ipKind", ["知识产权", "ipKind"]),
        ("fundingSource", ["资金来源", "fundingSource"]),
        ("signedOn", ["签订日期", "signedOn"]),
        ("termFrom", ["合同期限起", "termFrom"]),
        ("termTo", ["合同期限止", "termTo"]),
        ("paymentSchedule", ["支付方式与进度", "paymentSchedule"]),
        ("brokerName", ["技术经纪人", "brokerName"]),
        ("publishPartyNames", ["同意公开当事人名称", "publishPartyNames"]),
    ];

    private static readonly string[] RequiredColumns = ["certificateNumber", "registeredOn", "title", "type", "subtype", "seller.name", "seller.regionCode", "buyer.name", "buyer.regionCode", "totalYuan", "technologyField", "signedOn"];

    public static List<(int Row, JsonNode? Record, List<Violation> Problems)> Read(string fileName, Stream content, int maxRows, IReadOnlyList<TechnologyField> fields)
    {
        var rows = new List<(int, JsonNode?, List<Violation>)>();
        List<(string Field, int Index)>? header = null;
        foreach (var row in TabularFiles.Read(fileName, content, new TabularLimits(maxRows)))
        {
            if (header is null)
            {
                header = Map(row.Cells);
                continue;
            }

            var values = header.ToDictionary(h => h.Field, h => h.Index < row.Cells.Length ? row.Cells[h.Index].Trim() : "");
            var problems = new List<Violation>();
            var record = ToRecord(values, fields, problems);
            rows.Add((row.Number, record, problems));
        }

        return header is null ? throw InvalidRequestException.For("file", "empty", "The file has no header row.") : rows;
    }

    private static List<(string Field, int Index)> Map(string[] cells)
    {
        var mapped = new List<(string Field, int Index)>();
        for (var i = 0; i < cells.Length; i++)
        {
            var name = cells[i].Trim().TrimStart('\uFEFF');
            var column = Columns.FirstOrDefault(c => c.Headers.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (column.Field is not null && mapped.All(m => m.Field != column.Field))
            {
                mapped.Add((column.Field, i));
            }
        }

        var missing = RequiredColumns.Where(r => mapped.All(m => m.Field != r)).ToList();
        return missing.Count > 0
            ? throw InvalidRequestException.For("file", "missingColumns", $"The header row lacks: {string.Join(", ", missing)}.",
                new Dictionary<string, object> { ["columns"] = string.Join("、", missing.Select(m => Columns.First(c => c.Field == m).Headers[0])) })
            : mapped;
    }

    // A row as a record of the standard; what cannot even be read (an amount that is not one) is a problem of its
    // own, and the record's checks then report the rest.
    private static JsonObject ToRecord(Dictionary<string, string> values, IReadOnlyList<TechnologyField> fields, List<Violation> problems)
    {
        string? Get(string field) => values.TryGetValue(field, out var v) && v.Length > 0 ? v : null;
        var type = Code(ContractCatalog.Types.Select(t => new CatalogEntry(t.Code, t.Zh, t.En)).ToList(), Get("type"));
        var subtypes = ContractCatalog.Type(type)?.Subtypes ?? [];
        var record = new JsonObject
        {
            ["standard"] = RegisteredContractSchema.StandardName,
            ["certificateNumber"] = Get("certificateNumber")?.ToUpperInvariant(),
            ["registeredOn"] = Day(Get("registeredOn")),
            ["status"] = Get("status") is "已注销" or "cancelled" ? "cancelled" : "registered",
            ["title"] = Get("title"),
            ["type"] = type,
            ["subtype"] = subtypes.Count == 1 && Get("subtype") is null ? subtypes[0].Code : Code(subtypes, Get("subtype")),
            ["seller"] = Party("seller", Get),
            ["buyer"] = Party("buyer", Get),
        };
        var total = Fen("totalYuan", "totalFen", Get("totalYuan"), problems);
        var nonTechnical = Fen("nonTechnicalYuan", "nonTechnicalItems", Get("nonTechnicalYuan"), problems) ?? 0;
        record["totalFen"] = total;
        var items = new JsonArray();
        if (nonTechnical > 0)
        {
            items.Add(new JsonObject
            {
                ["kind"] = Code(ContractCatalog.ItemKinds, Get("nonTechnicalKind")) ?? "equipment",
                ["description"] = "非技术性款项合计（历史登记）",
                ["amountFen"] = nonTechnical,
            });
        }

        record["nonTechnicalItems"] = items;
        // The register's own technology amount, where it has one, is checked against total − items.
        record["technologyAmountFen"] = Fen("technologyYuan", "technologyAmountFen", Get("technologyYuan"), problems) ?? (total is { } t ? t - nonTechnical : null);
        record["technologyField"] = Code(fields.Select(f => new CatalogEntry(f.Code, f.NameZh, f.NameEn)).ToList(), Get("technologyField"));
        if (Get("industry") is { } industry)
        {
            record["industry"] = industry.ToUpperInvariant();
        }

        record["ipKind"] = Code(ContractCatalog.IpKinds, Get("ipKind")) ?? "none";
        record["fundingSource"] = Code(ContractCatalog.FundingSources, Get("fundingSource")) ?? "other";
        var signed = Day(Get("signedOn"));
        record["signedOn"] = signed;
        record["termFrom"] = Day(Get("termFrom")) ?? signed;
        record["termTo"] = Day(Get("termTo")) ?? Day(Get("termFrom")) ?? signed;
        record["paymentSchedule"] = Get("paymentSchedule") ?? "未载明";
        if (Get("brokerName") is { } broker)
        {
            record["brokerName"] = broker;
        }

        record["publishPartyNames"] = Get("publishPartyNames") is "是" or "true" or "yes" or "1";
        return Prune(record);
    }

    private static JsonObject Party(string side, Func<string, string?> get)
    {
        var party = new JsonObject { ["name"] = get($"{side}.name") };
        if (get($"{side}.creditCode") is { } code)
        {
            party["creditCode"] = code.ToUpperInvariant();
        }

        var region = get($"{side}.regionCode");
        party["regionCode"] = region is "境外" or "国外" ? ContractCatalog.Foreign : region;
        party["entityKind"] = Code(ContractCatalog.EntityKinds, get($"{side}.entityKind")) ?? "other";
        return Prune(party);
    }

    // Missing cells stay missing, so the schema names them as required.
    private static JsonObject Prune(JsonObject o)
    {
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            o.Remove(key);
        }

        return o;
    }

    // The code of a list entry named by its code, Chinese or English name; an unknown name stays as written so the
    // schema reports it as not on the list.
    private static string? Code(IReadOnlyList<CatalogEntry> list, string? text) =>
        text is null ? null : list.FirstOrDefault(e => e.Code == text || e.Zh == text || string.Equals(e.En, text, StringComparison.OrdinalIgnoreCase))?.Code ?? text;

    private static string? Day(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"];
        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // xlsx stores a date as its serial number (days since 1899-12-30).
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958465
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : text;
    }

    private static long? Fen(string column, string field, string? text, List<Violation> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Money.TryParseYuan(text, out var money) && money.Fen >= 0)
        {
            return money.Fen;
        }

        problems.Add(new Violation(field, "amount", $"The column {column} holds an amount in yuan (万/亿 allowed, at most two decimals)."));
        return null;
    }
}
