using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Modules.TechMarket.RegisterContracts;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.TechMarket.Exchange;

// One row's broken rule: Row is the line of a JSON-lines file or the spreadsheet row (header = row 1); Message is
// the sentence in the reader's language.
internal sealed record ExchangeRowError(int Row, string Field, string Rule, string Message);

internal sealed record ExchangeImportReport(
    string FileName, string Standard, string Mode, int Total, int Imported, int Unchanged, int ErrorCount, IReadOnlyList<ExchangeRowError> Errors);

// One page of the feed: the records as JSON lines, and the cursor of the next page (null at the end).
internal sealed record FeedPage(IReadOnlyList<JsonObject> Records, string? NextCursor);

// The registered-contract feed and import of the exchange standard (RegisteredContractSchema). Registration
// authorities exchange the registered contracts of their jurisdictions: the feed lists them in order of change
// (incremental: a client keeps the cursor and asks again), the import takes what another platform's feed wrote,
// or a historical register as CSV/xlsx (HistoricalColumns), checks every row and imports all of them or none
// (mode skip-bad-rows: the good ones). A record already here with the same certificate number and the same content
// is "unchanged", so importing one's own feed again changes nothing.
internal sealed class ExchangeHandler(
    PlatformDbContext db,
    IAccess access,
    IReferenceData reference,
    ErrorTexts texts,
    TradingRules rules,
    ContractViewer viewer,
    AuditTrail audit,
    TimeProvider clock)
{
    public const int MaxRows = 5_000;
    public const long MaxBytes = 10L * 1024 * 1024;
    public const int MaxPageSize = 1_000;
    private const int MaxReportedErrors = 1_000;

    public async Task<FeedPage> FeedAsync(DateTimeOffset? since, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var jurisdictions = await RequireAuthorityAsync(cancellationToken);
        var size = limit ?? 500;
        if (size is < 1 or > MaxPageSize)
        {
            throw InvalidRequestException.For("limit", "range", $"limit is 1 to {MaxPageSize}.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxPageSize });
        }

        var (afterTime, afterId) = cursor is null ? (since ?? DateTimeOffset.MinValue, Guid.Empty) : ParseCursor(cursor);
        var records = new List<TechContract>();
        var exhausted = false;
        // Rows of other jurisdictions are skipped in memory (coverage follows the region hierarchy); a few rounds
        // of a page each fill the page or reach the end.
        for (var round = 0; round < 20 && records.Count < size && !exhausted; round++)
        {
            var (t, id) = (afterTime, afterId);
            var batch = await db.Set<TechContract>().AsNoTracking().Include(c => c.Items)
                .Where(c => (c.Status == ContractStatus.Registered || c.Status == ContractStatus.Cancelled) && c.CertificateNumber != null)
                .Where(c => c.UpdatedAt > t || (c.UpdatedAt == t && c.Id.CompareTo(id) > 0))
                .OrderBy(c => c.UpdatedAt).ThenBy(c => c.Id).Take(size).ToListAsync(cancellationToken);
            exhausted = batch.Count < size;
            foreach (var c in batch)
            {
                (afterTime, afterId) = (c.UpdatedAt, c.Id);
                if (jurisdictions.Any(j => Jurisdictions.Covers(j, c.RegistrantRegionCode)))
                {
                    records.Add(c);
                    if (records.Count == size)
                    {
                        break;
                    }
                }
            }
        }

        var next = records.Count == size || !exhausted ? Cursor(afterTime, afterId) : null;
        audit.Note("TechMarket.Exchange", "export", $"Read {records.Count} registered contracts from the exchange feed.");
        return new FeedPage(records.Select(RegisteredContractRecords.ToRecord).ToList(), next);
    }

    public async Task<ExchangeImportReport> ImportAsync(string fileName, long length, Stream content, string? mode, CancellationToken cancellationToken)
    {
        var skipBadRows = mode switch
        {
            null or "" or "all-or-nothing" => false,
            "skip-bad-rows" => true,
            _ => throw InvalidRequestException.For("mode", "unknown", "Mode is all-or-nothing (default) or skip-bad-rows."),
        };
        if (length > MaxBytes)
        {
            throw InvalidRequestException.For("file", "maxSize", "The file is larger than 10 MB.", new Dictionary<string, object> { ["max"] = MaxBytes / (1024 * 1024) });
        }

        var jurisdictions = await RequireAuthorityAsync(cancellationToken);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var lines = extension is ".jsonl" or ".ndjson" or ".json";
        var rows = lines
            ? await ReadLinesAsync(content, cancellationToken)
            : HistoricalColumns.Read(fileName, content, MaxRows, reference.TechnologyFields);

        var errors = new List<ExchangeRowError>();
        var good = new List<(int Row, JsonObject Record)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (row, record, readProblems) in rows)
        {
            var problems = readProblems.Count > 0 ? readProblems : RegisteredContractRecords.Check(record, reference);
            if (problems.Count == 0)
            {
                var o = record!.AsObject();
                if (!jurisdictions.Any(j => Jurisdictions.Covers(j, RegisteredContractRecords.RegistrantRegion(o))))
                {
                    problems.Add(new Violation(o["seller"]!["regionCode"]!.GetValue<string>() == ContractCatalog.Foreign ? "buyer.regionCode" : "seller.regionCode",
                        "notYourJurisdiction", "The contract was registered in a jurisdiction the caller does not register for."));
                }
                else if (!seen.Add(o["certificateNumber"]!.GetValue<string>()))
                {
                    problems.Add(new Violation("certificateNumber", "duplicate", "The certificate number appears twice in the file."));
                }
                else
                {
                    good.Add((row, o));
                }
            }

            errors.AddRange(problems.Select(p => new ExchangeRowError(row, p.Field, p.Rule, texts.Describe(p))));
        }

        // A certificate number already registered here: the same record is unchanged, another is an error.
        var numbers = good.Select(g => g.Record["certificateNumber"]!.GetValue<string>()).ToList();
        var existing = new Dictionary<string, TechContract>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            foreach (var c in await db.Set<TechContract>().AsNoTracking().Include(c => c.Items).Where(c => chunk.Contains(c.CertificateNumber!)).ToListAsync(cancellationToken))
            {
                existing[c.CertificateNumber!] = c;
            }
        }

        var unchanged = 0;
        var now = clock.GetUtcNow();
        var contracts = new List<TechContract>();
        foreach (var (row, record) in good)
        {
            var number = record["certificateNumber"]!.GetValue<string>();
            if (existing.TryGetValue(number, out var here))
            {
                // A table keeps the non-technical items as one sum, so a table's row is compared with the sum.
                if (JsonNode.DeepEquals(Comparable(RegisteredContractRecords.ToRecord(here), lines), Comparable(record, lines)))
                {
                    unchanged++;
                }
                else
                {
                    var clash = new Violation("certificateNumber", "registeredOtherwise", "A different contract is registered here under this certificate number.");
                    errors.Add(new ExchangeRowError(row, clash.Field, clash.Rule, texts.Describe(clash)));
                }

                continue;
            }

            contracts.Add(RegisteredContractRecords.ToContract(record, $"EX{number}", access.UserId, now, rules));
        }

        var total = rows.Count;
        var importAll = errors.Count == 0 || skipBadRows;
        if (importAll && contracts.Count > 0)
        {
            db.AddRange(contracts);
            foreach (var contract in contracts)
            {
                viewer.Record(contract, "imported", $"Imported from {Path.GetFileName(fileName)} ({RegisteredContractSchema.StandardName}).");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new ExchangeImportReport(Path.GetFileName(fileName), RegisteredContractSchema.StandardName, skipBadRows ? "skip-bad-rows" : "all-or-nothing",
            total, importAll ? contracts.Count : 0, unchanged, errors.Count, errors.OrderBy(e => e.Row).Take(MaxReportedErrors).ToList());
    }

    // The registered contracts of the caller's jurisdictions as a table in the historical import's columns (Chinese
    // headers, names not codes, amounts in yuan), so that an exported file imports again; region names beside codes.
    public async Task<ExportTable> TableAsync(CancellationToken cancellationToken)
    {
        var jurisdictions = await RequireAuthorityAsync(cancellationToken);
        var contracts = (await db.Set<TechContract>().AsNoTracking().Include(c => c.Items)
                .Where(c => (c.Status == ContractStatus.Registered || c.Status == ContractStatus.Cancelled) && c.CertificateNumber != null)
                .OrderBy(c => c.RegisteredOn).ThenBy(c => c.CertificateNumber).Take(MaxRows * 4).ToListAsync(cancellationToken))
            .Where(c => jurisdictions.Any(j => Jurisdictions.Covers(j, c.RegistrantRegionCode))).Take(MaxRows).ToList();
        var regions = await reference.RegionNamesAsync(contracts.SelectMany(c => new[] { c.SellerRegionCode, c.BuyerRegionCode }).Distinct(), cancellationToken);
        var fields = reference.TechnologyFields.ToDictionary(f => f.Code, f => f.NameZh);
        string Region(string code) => code == ContractCatalog.Foreign ? "境外" : regions.GetValueOrDefault(code, code);
        static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string[] headers =
        [
            "登记编号", "登记日期", "状态", "合同名称", "合同类别", "合同子类",
            "卖方名称", "卖方统一社会信用代码", "卖方地区代码", "卖方地区", "卖方主体类型",
            "买方名称", "买方统一社会信用代码", "买方地区代码", "买方地区", "买方主体类型",
            "合同成交额（元）", "非技术性款项（元）", "非技术性款项类别", "技术交易额（元）", "技术领域", "行业", "知识产权", "资金来源",
            "签订日期", "合同期限起", "合同期限止", "支付方式与进度", "技术经纪人", "同意公开当事人名称",
        ];
        var rows = contracts.Select(c => new string?[]
        {
            c.CertificateNumber, Day(c.RegisteredOn), c.Status == ContractStatus.Cancelled ? "已注销" : "已登记", c.Title,
            ContractCatalog.TypeName(c.TypeCode, chinese: true), ContractCatalog.SubtypeName(c.TypeCode, c.SubtypeCode, chinese: true),
            c.SellerName, c.SellerCreditCode, c.SellerRegionCode == ContractCatalog.Foreign ? "境外" : c.SellerRegionCode, Region(c.SellerRegionCode), ContractCatalog.Name(ContractCatalog.EntityKinds, c.SellerEntityKind, chinese: true),
            c.BuyerName, c.BuyerCreditCode, c.BuyerRegionCode == ContractCatalog.Foreign ? "境外" : c.BuyerRegionCode, Region(c.BuyerRegionCode), ContractCatalog.Name(ContractCatalog.EntityKinds, c.BuyerEntityKind, chinese: true),
            Yuan(c.TotalFen), Yuan(c.NonTechnicalFen),
            c.Items.Count == 0 ? "" : ContractCatalog.Name(ContractCatalog.ItemKinds, c.Items.OrderByDescending(i => i.AmountFen).First().Kind, chinese: true),
            Yuan(c.TechnologyAmountFen), fields.GetValueOrDefault(c.TechnologyFieldCode, c.TechnologyFieldCode), c.IndustryCode,
            ContractCatalog.Name(ContractCatalog.IpKinds, c.IpKind, chinese: true), ContractCatalog.Name(ContractCatalog.FundingSources, c.FundingSource, chinese: true),
            Day(c.SignedOn), Day(c.TermFrom), Day(c.TermTo), c.PaymentSchedule, c.BrokerName, c.PublishPartyNames ? "是" : "否",
        }).ToList();
        audit.Note("TechMarket.Exchange", "export", $"Exported {rows.Count} registered contracts as a table.");
        return new ExportTable(headers, rows);
    }

    private static JsonObject Comparable(JsonObject record, bool itemised)
    {
        if (itemised)
        {
            return record;
        }

        var copy = record.DeepClone().AsObject();
        copy["nonTechnicalItems"] = copy["nonTechnicalItems"]!.AsArray().Sum(i => i!["amountFen"]!.GetValue<long>());
        return copy;
    }

    private async Task<IReadOnlyList<string>> RequireAuthorityAsync(CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(TechMarketPermissions.RegisterContracts, cancellationToken);
        return jurisdictions.Count == 0
            ? throw new ForbiddenException("Registered contracts are exchanged by registration authorities.")
            : jurisdictions;
    }

    // Each non-empty line is one record; a line that is not a JSON object is an error of that row.
    private static async Task<List<(int Row, JsonNode? Record, List<Violation> Problems)>> ReadLinesAsync(Stream content, CancellationToken cancellationToken)
    {
        var rows = new List<(int, JsonNode?, List<Violation>)>();
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        var number = 0;
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (rows.Count == MaxRows)
                {
                    throw InvalidRequestException.For("file", "maxRows", $"At most {MaxRows} rows per import.", new Dictionary<string, object> { ["max"] = MaxRows });
                }

                try
                {
                    rows.Add((number, JsonNode.Parse(line), []));
                }
                catch (JsonException)
                {
                    rows.Add((number, null, [new Violation("record", "unreadable", "The line is not one JSON object.")]));
                }
            }
        }
        catch (DecoderFallbackException)
        {
            throw InvalidRequestException.For("file", "unreadable", "The file is not UTF-8 text.");
        }

        return rows;
    }

    public static string Cursor(DateTimeOffset at, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}-{id:N}");

    private static (DateTimeOffset, Guid) ParseCursor(string cursor)
    {
        var dash = cursor.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && long.TryParse(cursor.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks && Guid.TryParseExact(cursor.AsSpan(dash + 1), "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw InvalidRequestException.For("cursor", "format", "Give the cursor as the feed's Link header gave it.");
    }
}
