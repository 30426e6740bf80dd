using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.Seed;
using TechBridge.Platform;

namespace TechBridge.Modules.Instruments.Bench;

// `bench instruments`: booking inserts per second through the API on PostgreSQL against the pgbench peer
// (../shared/bench/peers/booking_*.sql) on the same server in the same run, the overlap self-join after each run, a
// breakdown of where a booking's time goes, and the week-availability query on an instrument with 100,000 past
// bookings. The product runs whole, in this process, on a loopback port: bearer token, acting organization,
// idempotency key, rules, the overlap check, audit and the exclusion constraint — what a client of the API gets.
internal static class InstrumentsBench
{
    private const string BenchName = "基准测试仪器";
    private const string Password = "TechBridge-demo-2026";

    public static async Task<int> RunAsync(WebApplication app, TextWriter log, CancellationToken cancellationToken)
    {
        var configuration = app.Configuration;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var clientCounts = (configuration["clients"] ?? "8,32").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var seconds = configuration.GetValue("seconds", 30);
        var instrumentCount = configuration.GetValue("instruments", 200);
        var history = configuration.GetValue("history", 100_000);
        var weekQueries = configuration.GetValue("week-queries", 500);
        var peers = configuration["peers"] ?? Path.Combine("..", "shared", "bench", "peers");
        var pgBin = configuration["pgbin"] ?? "/usr/lib/postgresql/15/bin";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (!scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.IsNpgsql())
            {
                await Console.Error.WriteLineAsync("bench instruments measures on PostgreSQL: --Database:Provider=Postgres --ConnectionStrings:Platform=...");
                return 2;
            }
        }

        await DatabaseStartup.PrepareAsync(app.Services, app.Environment, cancellationToken);
        var connectionString = configuration.GetConnectionString("Platform") ?? "";
        var (enterpriseOrganization, instruments, historyInstrument) = await PrepareInstrumentsAsync(app.Services, instrumentCount, clock.GetUtcNow(), cancellationToken);

        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.UsePlatform();
        app.MapPlatform();
        await app.StartAsync(cancellationToken);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromSeconds(60),
            };
            var token = await TokenAsync(http, DemoInstrumentsSeeder.EnterpriseUser, cancellationToken);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            http.DefaultRequestHeaders.Add("X-Organization", enterpriseOrganization.ToString());

            var peerConnection = await PeerDatabaseAsync(connectionString, cancellationToken);
            var fsync = await ScalarAsync(connectionString, "SHOW fsync", cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"server {Server(connectionString)}, fsync {fsync}; {instruments.Count} bench instruments; {seconds} s per run; peer database {peerConnection.Database}"));
            log.WriteLine("clients | peer tps | peer rows/s | product requests/s | product bookings/s (201) | 409 | other | p50 / p95 ms | bookings/s ratio | overlaps product / peer");
            var ratios = new List<double>();
            foreach (var clients in clientCounts)
            {
                var peer = await RunPeerAsync(peerConnection, peers, pgBin, clients, seconds, cancellationToken);
                await ClearBookingsAsync(connectionString, instruments, cancellationToken);
                await LoadAsync(http, instruments, clients, 3, clock.GetUtcNow(), cancellationToken); // warm-up, not counted
                await ClearBookingsAsync(connectionString, instruments, cancellationToken);
                var product = await LoadAsync(http, instruments, clients, seconds, clock.GetUtcNow(), cancellationToken);
                var overlaps = await ScalarAsync(connectionString, ProductOverlaps, cancellationToken);
                var ratio = product.Created / product.Seconds / peer.RowsPerSecond;
                ratios.Add(ratio);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{clients} | {peer.Tps:N0} | {peer.RowsPerSecond:N0} | {product.Answered / product.Seconds:N0} | {product.Created / product.Seconds:N0} | {product.Conflicts} | {product.Other} | {product.P50:0.0} / {product.P95:0.0} | {ratio:0.000} | {overlaps} / {peer.Overlaps}"));
                if (product.Other > 0)
                {
                    log.WriteLine("  other answers: " + string.Join(", ", product.OtherStatuses.Select(s => $"{s.Key}×{s.Value}")));
                }
            }

            // Contended: every client on one instrument's next 50 half-hour slots, so that most requests lose a race or
            // find the slot taken (409) — the database's refusal at work; no peer row (the peer's script is the spread load).
            var hot = instruments.Take(1).ToList();
            foreach (var clients in clientCounts)
            {
                await ClearBookingsAsync(connectionString, hot, cancellationToken);
                var contended = await LoadAsync(http, hot, clients, Math.Min(seconds, 10), clock.GetUtcNow(), cancellationToken, slots: 50);
                var overlaps = await ScalarAsync(connectionString, ProductOverlaps, cancellationToken);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"contended, {clients} clients on one instrument's 50 slots: {contended.Answered / contended.Seconds:N0} requests/s, {contended.Created} × 201, {contended.Conflicts} × 409, {contended.Other} other ({string.Join(", ", contended.OtherStatuses.Select(x => $"{(int)x.Key}×{x.Value}"))}), p50 / p95 {contended.P50:0.0} / {contended.P95:0.0} ms, overlaps {overlaps}"));
            }

            if (ratios.Any(r => r < 0.3))
            {
                await ClearBookingsAsync(connectionString, instruments, cancellationToken);
                await ProfileAsync(http, instruments, clientCounts[0], Math.Min(seconds, 15), clock.GetUtcNow(), log, cancellationToken);
            }

            await ClearBookingsAsync(connectionString, instruments, cancellationToken);
            await WeekAsync(http, connectionString, historyInstrument, enterpriseOrganization, history, weekQueries, clock.GetUtcNow(), log, cancellationToken);
            return 0;
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private const string ProductOverlaps =
        "SELECT count(*) FROM \"Instruments_Bookings\" a JOIN \"Instruments_Bookings\" b ON a.\"InstrumentId\" = b.\"InstrumentId\" AND a.\"Id\" < b.\"Id\" " +
        "AND a.\"Status\" IN (1, 2, 3) AND b.\"Status\" IN (1, 2, 3) AND tstzrange(a.\"StartsAt\", a.\"EndsAt\", '[)') && tstzrange(b.\"StartsAt\", b.\"EndsAt\", '[)')";

    // Bench instruments of the first demo testing lab (not enterprise.demo's organization): open, no approval, no notice,
    // bookable six years ahead (the peer's 100,000 half-hour slots are 5.7 years). Made once per database.
    private static async Task<(Guid Organization, List<Guid> Instruments, Guid History)> PrepareInstrumentsAsync(IServiceProvider services, int count, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Action = "bench instruments";
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var facts = scope.ServiceProvider.GetRequiredService<IOrganizationFacts>();
        var enterprise = (await facts.MembershipsOfUserNameAsync(DemoInstrumentsSeeder.EnterpriseUser, cancellationToken)).First(o => o.IsVerified).Id;
        var owner = (await facts.MembershipsOfUserNameAsync(DemoInstrumentsSeeder.ProviderOwner, cancellationToken)).First(o => o.IsVerified);
        var existing = await db.Set<Instrument>().Where(i => i.Name.StartsWith(BenchName)).OrderBy(i => i.Name).Select(i => i.Id).ToListAsync(cancellationToken);
        for (var n = existing.Count; n <= count; n++)
        {
            var instrument = new Instrument
            {
                OwnerOrganizationId = owner.Id,
                Name = $"{BenchName} {n:D4}",
                Model = "BENCH",
                Manufacturer = "基准测试",
                CategoryCode = "other-instruments",
                OriginalValueFen = 100_000_000,
                PurchaseDate = new DateOnly(2020, 1, 1),
                FundingSourceCode = "own-funds",
                RegionCode = owner.RegionCode,
                Address = "基准测试",
                OpenForExternalUse = true,
                RatedHoursPerYear = 1400,
                Rules = new BookingRules
                {
                    MinDurationMinutes = 30, MaxDurationMinutes = 480, MinNoticeMinutes = 0, MaxAdvanceDays = 2200, BufferMinutes = 0,
                    ApprovalRequired = false, ExternalBookingAllowed = true,
                },
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var group in new[] { PriceGroup.Internal, PriceGroup.ExternalAcademic, PriceGroup.Enterprise })
            {
                instrument.Rates.Add(new FeeRate { InstrumentId = instrument.Id, PriceGroup = group, FromMinutes = 0, HourlyFen = 20_000 });
            }

            db.Add(instrument);
            existing.Add(instrument.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        // The last one holds the history for the week query; the others take the load.
        return (enterprise, existing.Take(count).ToList(), existing[count]);
    }

    private static async Task<string> TokenAsync(HttpClient http, string userName, CancellationToken cancellationToken)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private sealed record LoadResult(double Seconds, long Created, long Conflicts, long Other, Dictionary<HttpStatusCode, int> OtherStatuses, double P50, double P95)
    {
        public long Answered => Created + Conflicts;
    }

    // clients loops, each posting one booking after another: a random instrument, a random half-hour slot of the next
    // 100,000, 90 minutes long — the peer's workload.
    private static async Task<LoadResult> LoadAsync(HttpClient http, List<Guid> instruments, int clients, int seconds, DateTimeOffset now, CancellationToken cancellationToken, int slots = 100_000)
    {
        var origin = new DateTimeOffset(now.UtcDateTime.Date.AddDays(2), TimeSpan.Zero);
        long created = 0, conflicts = 0, other = 0;
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var latencies = new ConcurrentBag<List<double>>();
        var watch = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c * 7919 + seconds);
            var mine = new List<double>();
            while (watch.Elapsed < deadline)
            {
                var start = origin.AddMinutes(30 * random.Next(0, slots + 1));
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/instruments/{instruments[random.Next(instruments.Count)]}/bookings")
                {
                    Content = JsonContent.Create(new { start, end = start.AddMinutes(90), purpose = "基准测试" }),
                };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var begun = watch.Elapsed;
                using var response = await http.SendAsync(request, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                mine.Add((watch.Elapsed - begun).TotalMilliseconds);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                        Interlocked.Increment(ref created);
                        break;
                    case HttpStatusCode.Conflict:
                        Interlocked.Increment(ref conflicts);
                        break;
                    default:
                        Interlocked.Increment(ref other);
                        statuses.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
                        break;
                }
            }

            latencies.Add(mine);
        }, cancellationToken)).ToList();
        await Task.WhenAll(tasks);
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(elapsed, created, conflicts, other, new Dictionary<HttpStatusCode, int>(statuses), Percentile(all, 0.50), Percentile(all, 0.95));
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task ClearBookingsAsync(string connectionString, List<Guid> instruments, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM \"Instruments_Bookings\" WHERE \"InstrumentId\" = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", instruments.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE \"Instruments_Bookings\"", connection);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record PeerResult(double Tps, double RowsPerSecond, long Overlaps);

    // The peer in a database of its own next to the product's (made once): the setup script drops and makes its table.
    private static async Task<NpgsqlConnectionStringBuilder> PeerDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var peer = new NpgsqlConnectionStringBuilder(connectionString) { Database = builder.Database + "_peer" };
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        var exists = await ScalarAsync(admin.ConnectionString, $"SELECT count(*) FROM pg_database WHERE datname = '{peer.Database}'", cancellationToken);
        if (exists == "0")
        {
            await ScalarAsync(admin.ConnectionString, $"CREATE DATABASE \"{peer.Database}\"", cancellationToken);
        }

        return peer;
    }

    private static async Task<PeerResult> RunPeerAsync(NpgsqlConnectionStringBuilder peer, string peers, string pgBin, int clients, int seconds, CancellationToken cancellationToken)
    {
        await ToolAsync(Path.Combine(pgBin, "psql"), peer, ["-q", "-v", "ON_ERROR_STOP=1", "-f", Path.Combine(peers, "booking_setup.sql")], cancellationToken);
        var output = await ToolAsync(Path.Combine(pgBin, "pgbench"), peer,
            ["-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", Path.Combine(peers, "booking_tx.sql")], cancellationToken);
        var tpsLine = output.Split('\n').First(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        var tps = double.Parse(tpsLine["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        var duration = output.Split('\n').FirstOrDefault(l => l.StartsWith("duration: ", StringComparison.Ordinal));
        var rows = long.Parse(await ScalarAsync(peer.ConnectionString, "SELECT count(*) FROM bookings", cancellationToken), CultureInfo.InvariantCulture);
        var overlaps = long.Parse(await ScalarAsync(peer.ConnectionString,
            "SELECT count(*) FROM bookings a JOIN bookings b ON a.instrument_id = b.instrument_id AND a.id < b.id AND a.during && b.during", cancellationToken), CultureInfo.InvariantCulture);
        _ = duration;
        return new PeerResult(tps, rows / (double)seconds, overlaps);
    }

    private static async Task<string> ToolAsync(string tool, NpgsqlConnectionStringBuilder connection, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture), "-U", connection.Username!, "-d", connection.Database! }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {await error}");
        }

        return await output;
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
    }

    private static string Server(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    // Where a booking's time goes, from the server's own activities (a separate, shorter run: listening costs a little):
    // the request as Kestrel sees it, each SQL command Npgsql runs (how many, by kind, how long), and the CPU this
    // process spends per booking.
    private static async Task ProfileAsync(HttpClient http, List<Guid> instruments, int clients, int seconds, DateTimeOffset now, TextWriter log, CancellationToken cancellationToken)
    {
        var requests = new ConcurrentBag<double>();
        var commands = new ConcurrentDictionary<string, (long Count, double Milliseconds)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Microsoft.AspNetCore")
                {
                    requests.Add(a.Duration.TotalMilliseconds);
                    return;
                }

                var text = (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement")) as string ?? a.DisplayName;
                var kind = Kind(text);
                commands.AddOrUpdate(kind, (1, a.Duration.TotalMilliseconds), (_, v) => (v.Count + 1, v.Milliseconds + a.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(listener);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await LoadAsync(http, instruments, clients, seconds, now, cancellationToken);
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        listener.Dispose();
        var n = (double)(result.Answered + result.Other);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"profile ({clients} clients, {seconds} s, listening): {n / result.Seconds:N0} requests/s; per request: client latency p50 {result.P50:0.0} ms, " +
            $"server (Kestrel) mean {requests.DefaultIfEmpty().Average():0.0} ms, this process's CPU {cpuMs / n:0.00} ms (all threads, incl. the load generator)"));
        var total = commands.Values.Sum(v => v.Milliseconds);
        foreach (var (kind, (count, ms)) in commands.OrderByDescending(c => c.Value.Milliseconds))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sql {kind}: {count / n:0.00} per request, {ms / count:0.00} ms each, {ms / n:0.00} ms per request"));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sql total: {commands.Values.Sum(v => v.Count) / n:0.0} commands, {total / n:0.00} ms per request"));
    }

    private static string Kind(string text)
    {
        var t = text.TrimStart();
        var word = t.Split([' ', '\n', '\r', '\t'], 2)[0].ToUpperInvariant();
        if (word is "INSERT" or "UPDATE" or "DELETE")
        {
            var into = t.Split('"');
            return into.Length > 1 ? $"{word} {into[1]}" : word;
        }

        if (word == "SELECT")
        {
            var from = t.IndexOf("FROM \"", StringComparison.OrdinalIgnoreCase);
            return from >= 0 ? "SELECT " + t[(from + 6)..].Split('"')[0] : "SELECT";
        }

        return word.Length > 0 ? word : "(other)";
    }

    // The week view of an instrument with `history` completed bookings in the past (one an hour going back) and a few
    // this week, through GET /api/v1/instruments/{id}/week as the calendar page asks.
    private static async Task WeekAsync(HttpClient http, string connectionString, Guid instrument, Guid organization, int history, int queries, DateTimeOffset now, TextWriter log, CancellationToken cancellationToken)
    {
        var existing = long.Parse(await ScalarAsync(connectionString, $"SELECT count(*) FROM \"Instruments_Bookings\" WHERE \"InstrumentId\" = '{instrument}'", cancellationToken), CultureInfo.InvariantCulture);
        if (existing < history)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "INSERT INTO \"Instruments_Bookings\" (\"Id\", \"InstrumentId\", \"Kind\", \"OrganizationId\", \"UserId\", \"StartsAt\", \"EndsAt\", \"Purpose\", \"Status\", \"PriceGroup\", \"EstimatedFeeFen\", \"ChargedFeeFen\", \"IsDemo\", \"CreatedAt\") " +
                "SELECT gen_random_uuid(), @instrument, 1, @organization, @user, s, s + interval '1 hour', '历史使用', 4, 3, 20000, 20000, false, s - interval '7 days' " +
                "FROM generate_series(date_trunc('hour', now()) - interval '1 day' - (@n * interval '1 hour'), date_trunc('hour', now()) - interval '1 day' - interval '1 hour', interval '1 hour') AS s",
                connection);
            command.Parameters.AddWithValue("instrument", instrument);
            command.Parameters.AddWithValue("organization", organization);
            command.Parameters.AddWithValue("user", Guid.Empty);
            command.Parameters.AddWithValue("n", (int)(history - existing));
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await using var analyze = new NpgsqlCommand("ANALYZE \"Instruments_Bookings\"", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        // A few active bookings this week and next, through the API.
        var monday = DateOnly.FromDateTime(now.UtcDateTime.AddHours(8).Date);
        monday = monday.AddDays(-(((int)monday.DayOfWeek + 6) % 7));
        for (var d = 1; d <= 10; d++)
        {
            var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(d).AddHours(2), TimeSpan.Zero);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/instruments/{instrument}/bookings") { Content = JsonContent.Create(new { start, end = start.AddHours(2), purpose = "基准测试" }) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var _ = await http.SendAsync(request, cancellationToken);
        }

        var total = await ScalarAsync(connectionString, $"SELECT count(*) FROM \"Instruments_Bookings\" WHERE \"InstrumentId\" = '{instrument}'", cancellationToken);
        var times = new List<double>();
        var busy = 0;
        for (var i = -50; i < queries; i++)
        {
            // This week and the weeks around it, as people page the calendar.
            var from = monday.AddDays(7 * ((i % 5) - 1));
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/v1/instruments/{instrument}/week?from={from:yyyy-MM-dd}", cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            watch.Stop();
            response.EnsureSuccessStatusCode();
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                busy += body.Length;
            }
        }

        times.Sort();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"week view: instrument with {total} bookings ({history:N0}+ past), {queries} GET /week sequentially (weeks -1..+3) after 50 warm-up: p50 {Percentile(times, 0.5):0.00} ms, p95 {Percentile(times, 0.95):0.00} ms, p99 {Percentile(times, 0.99):0.00} ms, max {times[^1]:0.00} ms"));
        await using var plan = new NpgsqlConnection(connectionString);
        await plan.OpenAsync(cancellationToken);
        await using var explain = new NpgsqlCommand(
            $"EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM \"Instruments_Bookings\" WHERE \"InstrumentId\" = '{instrument}' AND \"EndsAt\" > now() AND \"StartsAt\" < now() + interval '7 days' AND \"Status\" IN (1, 2, 3) ORDER BY \"StartsAt\"", plan);
        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            log.WriteLine("  plan: " + reader.GetString(0));
        }
    }
}
