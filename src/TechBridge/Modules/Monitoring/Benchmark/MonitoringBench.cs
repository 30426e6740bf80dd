using System.Diagnostics;
using System.Globalization;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Modules.Monitoring.Rollups;

namespace TechBridge.Modules.Monitoring.Benchmark;

// `bench monitoring --rows N` on the configured PostgreSQL database (one of the operator's own: the verb adds rows).
// Generates N rows in SQL (generate_series; 70% registered-technology contracts, 30% instrument uses, sized so that a
// 2-core machine loads 10 million in minutes), then measures on the same server in the same run:
//   1. each live indicator's aggregation as the product runs it, against the same GROUP BY written by hand;
//   2. one refresh of every rollup (the staleness bound is the refresh period plus this);
//   3. the dashboard's data (KpiBoardHandler.ListAsync, every KPI with status and forecasts) read through fresh
//      rollups, p50/p95 over repeated requests.
internal static class MonitoringBench
{
    private const string Marker = "bench-monitoring";

    public static async Task<int> RunAsync(WebApplication app, TextWriter log, CancellationToken cancellationToken)
    {
        var rows = app.Configuration.GetValue("rows", 10_000_000L);
        var repeats = app.Configuration.GetValue("repeats", 5);
        var requests = app.Configuration.GetValue("requests", 200);
        if (app.Services.GetRequiredService<DatabaseOptions>().Provider != DatabaseProvider.Postgres || rows < 1000)
        {
            await Console.Error.WriteLineAsync("usage: bench monitoring --rows N (>= 1000) --Database:Provider=Postgres --ConnectionStrings:Platform=\"Host=...;Database=a database of your own\"");
            return 2;
        }

        await DatabaseStartup.MigrateAsync(app.Services, null, cancellationToken);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await GenerateAsync(app.Services, rows, clock.GetUtcNow(), log, cancellationToken);

        var fromYear = KpiBoardHandler.FirstYear;
        var request = IndicatorRollups.RequestFor(clock.GetUtcNow(), fromYear);
        var from = new DateOnly(fromYear, 1, 1);

        // 1. Product aggregation against the hand-written GROUP BY, alternating, best of each after a warm-up round.
        var contractRaw = $"""
            SELECT CAST(EXTRACT(YEAR FROM "RegisteredOn") AS INTEGER) AS y, substr("SellerRegionCode", 1, 2) AS s, substr("BuyerRegionCode", 1, 4) AS b,
                   SUM("TotalFen"), SUM("TechnologyAmountFen"), COUNT(*)
            FROM "TechMarket_Contracts" WHERE "Status" = 3 AND "RegisteredOn" >= DATE '{from:yyyy-MM-dd}' AND "RegisteredOn" <= DATE '{request.Today:yyyy-MM-dd}'
            GROUP BY 1, 2, 3
            """;
        var usageRaw = $"""
            SELECT CAST(EXTRACT(YEAR FROM b."StartsAt" AT TIME ZONE 'Asia/Shanghai') AS INTEGER), i."RegionCode", SUM(EXTRACT(EPOCH FROM b."EndsAt" - b."StartsAt"))
            FROM "Instruments_Bookings" b JOIN "Instruments_Instruments" i ON i."Id" = b."InstrumentId"
            WHERE b."Status" = 4 AND b."StartsAt" >= TIMESTAMPTZ '{fromYear}-01-01 00:00:00+08' AND i."RegionCode" LIKE '13%'
            GROUP BY 1, 2
            """;
        await CompareAsync(app.Services, log, "Hebei share of Beijing–Tianjin output (contracts: year × seller province × buyer city)",
            IndicatorKeys.HebeiShareOfBeijingTianjinOutput, contractRaw, request, repeats, cancellationToken);
        await CompareAsync(app.Services, log, "shared instrument machine-hours (uses: Beijing year × instrument region)",
            IndicatorKeys.InstrumentSharedHours, usageRaw, request, repeats, cancellationToken);

        // 2. One refresh of every rollup, as the job runs it.
        var watch = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IndicatorRollupJob>().RunOnceAsync(cancellationToken);
        }

        var refresh = watch.Elapsed.TotalSeconds;
        var options = app.Services.GetRequiredService<RollupOptions>();
        log.WriteLine(Invariant($"rollup refresh (every live indicator): {refresh:0.00} s; refresh period {options.Period.TotalSeconds:0} s, so a figure is at most {options.Period.TotalSeconds + refresh:0.0} s old (bound enforced by readers: {options.MaxAge.TotalSeconds:0} s)"));

        // 3. The dashboard's data through fresh rollups, each request in its own scope as a page request is.
        var times = new List<double>();
        for (var i = 0; i < requests + 10; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            watch.Restart();
            var list = await scope.ServiceProvider.GetRequiredService<KpiBoardHandler>().ListAsync(cancellationToken);
            if (i >= 10)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (i == 0)
            {
                log.WriteLine(string.Join("; ", list.Where(k => k.Computable).Select(k => Invariant($"{k.Code} {k.Latest:0.##} ({k.LatestYear})"))));
            }
        }

        log.WriteLine(Invariant($"dashboard data through rollups ({requests} requests after 10 warm-up): p50 {Percentile(times, 50):0.0} ms, p95 {Percentile(times, 95):0.0} ms, max {times.Max():0.0} ms"));
        return 0;
    }

    private static async Task CompareAsync(IServiceProvider services, TextWriter log, string title, string key, string rawSql, IndicatorRequest request, int repeats, CancellationToken cancellationToken)
    {
        var product = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round <= repeats; round++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var source = scope.ServiceProvider.GetServices<IIndicatorSource>().First(s => s.Keys.Contains(key));
            var watch = Stopwatch.StartNew();
            await source.ReadAsync(key, request, cancellationToken);
            var p = watch.Elapsed.TotalMilliseconds;
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(cancellationToken);
            watch.Restart();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = rawSql;
                command.CommandTimeout = 600;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                }
            }

            var r = watch.Elapsed.TotalMilliseconds;
            if (round > 0)
            {
                product.Add(p);
                raw.Add(r);
            }
        }

        var (bestProduct, bestRaw) = (product.Min(), raw.Min());
        log.WriteLine(Invariant($"{title}: product {bestProduct:0} ms (median {Median(product):0}), raw SQL GROUP BY {bestRaw:0} ms (median {Median(raw):0}); product/raw {bestProduct / bestRaw:0.00}× best, {Median(product) / Median(raw):0.00}× median ({repeats} rounds)"));
    }

    // Rows are added up to the wanted count, so a second run measures the same database without loading again.
    private static async Task GenerateAsync(IServiceProvider services, long rows, DateTimeOffset now, TextWriter log, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var contractsWanted = rows * 7 / 10;
        var usesWanted = rows - contractsWanted;
        const int Instruments = 2000;
        var haveContracts = await db.Database.SqlQueryRaw<long>($"""SELECT COUNT(*) AS "Value" FROM "TechMarket_Contracts" WHERE "Origin" = '{Marker}'""").SingleAsync(cancellationToken);
        var haveUses = await db.Database.SqlQueryRaw<long>($"""SELECT COUNT(*) AS "Value" FROM "Instruments_Bookings" WHERE "Purpose" = '{Marker}'""").SingleAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        const long Batch = 500_000;
        for (var start = haveContracts; start < contractsWanted; start += Batch)
        {
            var end = Math.Min(contractsWanted, start + Batch);
            // Sellers: Beijing 35%, Tianjin 15%, Hebei 30%, elsewhere 20%; buyers: Hebei's 11 cities 45%, elsewhere the
            // rest; registered 85%; dates over 2016 to today; amounts 1万 to 500万 yuan with 0–20% non-technical.
            // Only numbers the verb computed are written into the text: nothing from outside.
            var contracts = $"""
                INSERT INTO "TechMarket_Contracts" ("Id", "ApplicationNumber", "Title", "TypeCode", "SubtypeCode", "SellerName", "SellerRegionCode", "SellerEntityKind",
                    "BuyerName", "BuyerRegionCode", "BuyerEntityKind", "AuthorityJurisdiction", "RegistrantRegionCode", "TotalFen", "NonTechnicalFen", "TechnologyAmountFen",
                    "TechnologyFieldCode", "IpKind", "FundingSource", "SignedOn", "TermFrom", "TermTo", "PaymentSchedule", "PublishPartyNames", "Status", "Disputed",
                    "ExpertReviewRequired", "SubmittedOn", "DueOn", "RegisteredOn", "Origin", "CreatedByUserId", "CreatedAt", "UpdatedAt")
                SELECT gen_random_uuid(), 'BM' || g, '基准合同 ' || g, 'development', 'commissioned', '卖方 ' || (g % 5000),
                    CASE WHEN g % 20 < 7 THEN '110108' WHEN g % 20 < 10 THEN '120116' WHEN g % 20 < 16 THEN '1301' || lpad((g % 9 + 1)::text, 2, '0') ELSE '310115' END, 'enterprise',
                    '买方 ' || (g % 7000),
                    CASE WHEN g % 11 < 5 THEN '13' || lpad(((g / 11) % 11 + 1)::text, 2, '0') || '02' WHEN g % 11 < 8 THEN '110105' ELSE '440305' END, 'enterprise',
                    '13', '130100', t.total, t.nontech, t.total - t.nontech,
                    'electronics', 'patent', 'enterprise', d.day, d.day, d.day + 365, '一次付清', false,
                    CASE WHEN g % 20 < 17 THEN 3 ELSE 1 END, false, false, d.day, d.day + 30,
                    CASE WHEN g % 20 < 17 THEN d.day + 10 END, '{Marker}', '00000000-0000-0000-0000-000000000000', now(), now()
                FROM generate_series({start + 1}::bigint, {end}::bigint) AS g,
                    LATERAL (SELECT (1000000 + (g * 7919) % 499000000)::bigint AS total, ((1000000 + (g * 7919) % 499000000) * (g % 21) / 100)::bigint AS nontech) AS t,
                    LATERAL (SELECT (DATE '2016-01-01' + ((g * 31) % (CURRENT_DATE - DATE '2016-01-11'))::int) AS day) AS d
                """;
            await db.Database.ExecuteSqlRawAsync(contracts, cancellationToken);
            log.WriteLine(Invariant($"contracts: {end:N0} of {contractsWanted:N0} ({watch.Elapsed.TotalSeconds:0} s)"));
        }

        if (haveUses < usesWanted)
        {
            var instruments = $"""
                INSERT INTO "Instruments_Instruments" ("Id", "OwnerOrganizationId", "Name", "Model", "Manufacturer", "CategoryCode", "OriginalValueFen", "PurchaseDate",
                    "FundingSourceCode", "RegionCode", "Address", "Status", "OpenForExternalUse", "Technicians", "Specialised", "RatedHoursPerYear",
                    "Rules_MinDurationMinutes", "Rules_MaxDurationMinutes", "Rules_MinNoticeMinutes", "Rules_MaxAdvanceDays", "Rules_BufferMinutes",
                    "Rules_CancellationWindowHours", "Rules_CancellationFeeFen", "Rules_ApprovalRequired", "Rules_ExternalBookingAllowed", "FeeMode",
                    "DepreciationYears", "ConsumablesPerHourFen", "IsDemo", "CreatedAt", "UpdatedAt")
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, '00000000-0000-0000-0000-000000000000', '{Marker} ' || g, 'M', 'X', 'analysis', 50000000, DATE '2015-01-01',
                    'government', CASE WHEN g % 4 = 0 THEN '110108' ELSE '13' || lpad((g % 11 + 1)::text, 2, '0') || '02' END, '地址', 1, true, '', false, 1600,
                    30, 480, 60, 60, 0, 24, 0, true, true, 1, 5, 0, false, now(), now()
                FROM generate_series(1, {Instruments}) AS g
                ON CONFLICT DO NOTHING
                """;
            await db.Database.ExecuteSqlRawAsync(instruments, cancellationToken);
        }

        // Uses: on each instrument evenly spread from 2016 to today (at least 5 hours apart), 1–4 hours, 80% completed;
        // the instants never overlap on one instrument (the exclusion constraint holds).
        var perInstrument = Math.Max(1, usesWanted / Instruments);
        var stepMinutes = Math.Max(300, (long)(now - new DateTimeOffset(2016, 1, 2, 0, 0, 0, TimeSpan.Zero)).TotalMinutes / perInstrument);
        for (var start = haveUses; start < usesWanted; start += Batch)
        {
            var end = Math.Min(usesWanted, start + Batch);
            var uses = $"""
                INSERT INTO "Instruments_Bookings" ("Id", "InstrumentId", "Kind", "OrganizationId", "UserId", "StartsAt", "EndsAt", "Purpose", "Status", "PriceGroup",
                    "EstimatedFeeFen", "IsDemo", "CreatedAt")
                SELECT gen_random_uuid(), ('00000000-0000-4000-8000-' || lpad(to_hex(g % {Instruments} + 1), 12, '0'))::uuid, 1,
                    '00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000',
                    s.at, s.at + ((g % 4 + 1) * INTERVAL '1 hour'), '{Marker}', CASE WHEN g % 10 < 8 THEN 4 WHEN g % 10 = 8 THEN 5 ELSE 7 END, 1, 0, false, now()
                FROM generate_series({start}::bigint, {end - 1}::bigint) AS g,
                    LATERAL (SELECT TIMESTAMPTZ '2016-01-01 09:00:00+08' + ((g / {Instruments}) * {stepMinutes} * INTERVAL '1 minute') AS at) AS s
                """;
            await db.Database.ExecuteSqlRawAsync(uses, cancellationToken);
            log.WriteLine(Invariant($"instrument uses: {end:N0} of {usesWanted:N0} ({watch.Elapsed.TotalSeconds:0} s)"));
        }

        await db.Database.ExecuteSqlRawAsync("""ANALYZE "TechMarket_Contracts"; ANALYZE "Instruments_Bookings"; ANALYZE "Instruments_Instruments";""", cancellationToken);
        var total = await db.Database.SqlQueryRaw<long>("""SELECT (SELECT COUNT(*) FROM "TechMarket_Contracts") + (SELECT COUNT(*) FROM "Instruments_Bookings") AS "Value" """).SingleAsync(cancellationToken);
        log.WriteLine(Invariant($"database holds {total:N0} contract and usage rows (generated in this run: {watch.Elapsed.TotalSeconds:0} s)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Median(List<double> values) => Percentile(values, 50);

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
