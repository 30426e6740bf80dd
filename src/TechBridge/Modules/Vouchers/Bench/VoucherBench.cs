using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Platform.Cli;

namespace TechBridge.Modules.Vouchers.Bench;

// `bench vouchers`: voucher uses (a reservation: a pending double-entry transfer voucher → reserved, with the
// formula, the caps, authorization, audit and the required Idempotency-Key) per second through the HTTP API of the
// app started as a child process on the configured database, against the bare database doing a double-entry
// transfer in the same run: pgbench with the shared peer script on the same PostgreSQL server, or a raw
// Microsoft.Data.Sqlite transaction loop doing the same writes. Once spread over many voucher accounts, once over a
// few hot ones. The database is the configured one and must be a throwaway one (its name or directory says "bench").
internal static class VoucherBench
{
    private const string Password = "TechBridge-demo-2026";
    private static readonly string[] BenchOptions = ["--accounts", "--hot", "--seconds", "--clients", "--orders", "--peers", "--pgbench"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Phase(string Name, IReadOnlyList<Guid> Vouchers, int PeerAccounts);

    private sealed record Measured(int Ok, IReadOnlyDictionary<int, int> Others, double Seconds, double P50, double P95)
    {
        public double PerSecond => Ok / Seconds;
    }

    public static async Task<int> RunAsync(OperatorVerbContext c)
    {
        var app = c.App;
        var configuration = app.Configuration;
        var log = Console.Out;
        var accounts = configuration.GetValue("accounts", 100_000);
        var hot = configuration.GetValue("hot", 10);
        var seconds = configuration.GetValue("seconds", 30);
        var clients = configuration.GetValue("clients", 8);
        var orders = configuration.GetValue("orders", 20_000);
        var peerDirectory = configuration.GetValue<string>("peers");
        var pgbench = configuration.GetValue("pgbench", "/usr/lib/postgresql/15/bin/pgbench")!;
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var postgres = options.Provider == DatabaseProvider.Postgres;
        string connectionString;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.GetConnectionString() ?? "";
        }

        var target = postgres ? new NpgsqlConnectionStringBuilder(connectionString).Database ?? "" : connectionString;
        if (!target.Contains("bench", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("bench vouchers writes bulk data: point it at a throwaway database whose name (or data directory) contains \"bench\".");
            return 2;
        }

        if (postgres && (peerDirectory is null || !File.Exists(Path.Combine(peerDirectory, "ledger_tx.sql"))))
        {
            await Console.Error.WriteLineAsync("usage: bench vouchers --peers DIR (holding ledger_setup.sql and ledger_tx.sql) [--pgbench PATH] [--accounts 100000] [--hot 10] [--seconds 30] [--clients 8] [--orders 20000]");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await DatabaseStartup.MigrateAsync(app.Services, null, c.Cancellation);
        await DatabaseStartup.SeedDemoAsync(app.Services, null, c.Cancellation);
        var seeded = await SeedAsync(app.Services, accounts, hot, orders * 2 + 2 * 400, log, c.Cancellation);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {accounts:N0} + {hot} vouchers and {seeded.Orders.Count:N0} delivered orders in {watch.Elapsed.TotalSeconds:0} s"));

        await using var child = await ChildApp.StartAsync(c.Cancellation);
        using var http = new HttpClient { BaseAddress = new Uri(child.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var token = await TokenAsync(http, "enterprise.demo", c.Cancellation);
        var orderQueue = new ConcurrentQueue<Guid>(seeded.Orders);

        var phases = new[]
        {
            new Phase(string.Create(CultureInfo.InvariantCulture, $"{accounts:N0} accounts"), seeded.Spread, accounts),
            new Phase(string.Create(CultureInfo.InvariantCulture, $"{hot} hot accounts"), seeded.Hot, hot),
        };
        var results = new List<(Phase Phase, Measured Product, double Peer)>();
        string? peerDatabase = null;
        try
        {
            if (postgres)
            {
                peerDatabase = await PeerSetupAsync(connectionString, peerDirectory!, accounts, c.Cancellation);
            }
            else
            {
                peerDatabase = Path.Combine(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource) ?? Path.GetTempPath(), "bench-peer.db");
                SqlitePeerSetup(peerDatabase, accounts);
            }

            // Warm-up outside the clock: the JIT, EF's compiled queries and the connection pools of both sides.
            await MeasureAsync(http, token, seeded.Enterprise, seeded.Spread, orderQueue, clients, 5, c.Cancellation);
            foreach (var phase in phases)
            {
                var peer = postgres
                    ? await PgbenchAsync(pgbench, connectionString, peerDatabase, Path.Combine(peerDirectory!, "ledger_tx.sql"), phase.PeerAccounts, clients, seconds, log, c.Cancellation)
                    : SqlitePeer(peerDatabase, phase.PeerAccounts, clients, seconds);
                var product = await MeasureAsync(http, token, seeded.Enterprise, phase.Vouchers, orderQueue, clients, seconds, c.Cancellation);
                results.Add((phase, product, peer));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{phase.Name}: product {product.PerSecond:N0} uses/s (p50 {product.P50:0.0} ms, p95 {product.P95:0.0} ms, {product.Ok:N0} × 201{Others(product)}); peer {peer:N0} transfers/s; ratio {product.PerSecond / peer:0.00}"));
            }
        }
        finally
        {
            if (postgres && peerDatabase is not null)
            {
                await DropAsync(connectionString, peerDatabase);
            }
        }

        // Single client: the latency of one request against one bare transaction (where the time goes without queueing).
        var single = await MeasureAsync(http, token, seeded.Enterprise, seeded.Spread, orderQueue, 1, Math.Max(5, seconds / 3), c.Cancellation);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1 client: product {single.PerSecond:N0} uses/s, p50 {single.P50:0.00} ms"));
        var auditorToken = await TokenAsync(http, "auditor.demo", c.Cancellation);
        using var verify = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vouchers/ledger/verify");
        verify.Headers.Authorization = new("Bearer", auditorToken);
        using var verified = await http.SendAsync(verify, c.Cancellation);
        log.WriteLine($"ledger verify after the run: {(int)verified.StatusCode} {await verified.Content.ReadAsStringAsync(c.Cancellation)}");
        if (results.Count == 2)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hot / spread (product): {results[1].Product.PerSecond / results[0].Product.PerSecond:0.00}; hot / spread (peer): {results[1].Peer / results[0].Peer:0.00}"));
        }

        return 0;
    }

    private static string Others(Measured m) =>
        m.Others.Count == 0 ? "" : ", " + string.Join(", ", m.Others.OrderBy(o => o.Key).Select(o => $"{o.Value} × {o.Key}"));

    private sealed record Seeded(Guid Enterprise, IReadOnlyList<Guid> Spread, IReadOnlyList<Guid> Hot, IReadOnlyList<Guid> Orders);

    // A program of its own (caps out of the way: the bench measures the ledger path, not a cap refusing), `accounts`
    // vouchers of enterprise.demo with a modest quota each and `hot` vouchers with a large one, issued in bulk as the
    // handler would (each its own account and chained issue transfer, so verification holds), and delivered orders
    // of enterprise.demo with provider.demo for the uses to pay.
    private static async Task<Seeded> SeedAsync(IServiceProvider services, int accounts, int hot, int orders, TextWriter log, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<VoucherLedger>();
        var facts = scope.ServiceProvider.GetRequiredService<IOrganizationFacts>();
        var enterprise = (await facts.MembershipsOfUserNameAsync("enterprise.demo", cancellationToken))[0];
        var provider = (await facts.MembershipsOfUserNameAsync("provider.demo", cancellationToken))[0];
        var admin = await db.Users.Where(u => u.UserName == "admin.hebei").Select(u => u.Id).FirstAsync(cancellationToken);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        const long Huge = 1_000_000_000_000_000L;
        var program = new VoucherProgram
        {
            Name = $"基准测试创新券 {now:yyyyMMddHHmmss}", JurisdictionCode = Jurisdictions.Hebei, Year = now.Year, BudgetFen = Huge, Mode = RedemptionMode.General, RateBasisPoints = 5000,
            CapPerApplicationFen = Huge, AnnualCapPerEnterpriseFen = Huge, AnnualCapPerControllerFen = Huge, FullCoverageAtOrBelowFen = 0, ValidityMonths = 12,
            CoversTesting = true, CoversInstrumentUse = true, PaymentCycle = "monthly", Status = ProgramStatus.Open, CreatedByUserId = admin, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        var budget = await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var opened = new Dictionary<AccountKind, Guid>();
            foreach (var kind in (AccountKind[])[AccountKind.Appropriation, AccountKind.Budget, AccountKind.Reserved, AccountKind.Paid, AccountKind.Expired, AccountKind.Returned])
            {
                opened[kind] = (await ledger.OpenAccountAsync(kind, program.Id, null, cancellationToken)).Id;
            }

            await ledger.TransferAsync(TransferKind.Fund, program.Id, opened[AccountKind.Appropriation], opened[AccountKind.Budget], Huge, cancellationToken, byUserId: admin);
            return opened[AccountKind.Budget];
        }, cancellationToken);

        var spread = new List<Guid>(accounts);
        var hotOnes = new List<Guid>(hot);
        const int Batch = 2_000;
        for (var start = 0; start < accounts + hot; start += Batch)
        {
            var count = Math.Min(Batch, accounts + hot - start);
            await ledger.InTransactionAsync(async () =>
            {
                await ledger.LockAsync(cancellationToken);
                var head = await db.Set<LedgerChainHead>().AsNoTracking().SingleAsync(cancellationToken);
                var (sequence, hash, total) = (head.Sequence, head.Hash, 0L);
                var rows = new List<object>();
                for (var i = start; i < start + count; i++)
                {
                    var quota = i < accounts ? 10_000_000L : Huge / 1_000;
                    var application = new VoucherApplication
                    {
                        ProgramId = program.Id, EnterpriseOrganizationId = enterprise.Id, EnterpriseRegionCode = enterprise.RegionCode, RequestedFen = quota, Purpose = "基准测试",
                        EligibilityJson = "[]", Status = ApplicationStatus.Approved, SubmittedAt = now, ReviewedAt = now, ReviewedByUserId = admin,
                    };
                    var account = new LedgerAccount { Kind = AccountKind.Voucher, ProgramId = program.Id, OwnerOrganizationId = enterprise.Id, BalanceFen = quota };
                    var voucher = new Voucher
                    {
                        ProgramId = program.Id, ApplicationId = application.Id, EnterpriseOrganizationId = enterprise.Id, EnterpriseRegionCode = enterprise.RegionCode,
                        QuotaFen = quota, AccountId = account.Id, IssuedAt = now, ExpiresAt = now.AddMonths(12),
                    };
                    var transfer = new LedgerTransfer
                    {
                        Sequence = ++sequence, Kind = TransferKind.Issue, ProgramId = program.Id, AmountFen = quota, ByUserId = admin,
                        At = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero), PreviousHash = hash, Hash = "",
                        Entries = [new LedgerEntry { Line = 1, AccountId = budget, AmountFen = -quota }, new LedgerEntry { Line = 2, AccountId = account.Id, AmountFen = quota }],
                    };
                    transfer.Hash = hash = LedgerHashing.Hash(transfer.PreviousHash, transfer);
                    transfer.Entries.ForEach(e => e.TransferId = transfer.Id);
                    total += quota;
                    rows.AddRange([application, account, voucher, transfer, .. transfer.Entries]);
                    (i < accounts ? spread : hotOnes).Add(voucher.Id);
                }

                await WriteAsync(db, rows, cancellationToken);
                await db.Database.ExecuteSqlAsync($"UPDATE \"Vouchers_Accounts\" SET \"BalanceFen\" = \"BalanceFen\" - {total} WHERE \"Id\" = {budget}", cancellationToken);
                await db.Database.ExecuteSqlAsync($"UPDATE \"Vouchers_ChainHead\" SET \"Sequence\" = {sequence}, \"Hash\" = {hash} WHERE \"Id\" = 1", cancellationToken);
                return true;
            }, cancellationToken);
            db.ChangeTracker.Clear();
            if ((start / Batch) % 10 == 0)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  vouchers {start + count:N0}/{accounts + hot:N0}"));
            }
        }

        // The orders are Engagements' (the module that owns "what is paid"): written here only to give the bench
        // something to pay for, as its demo seeder does.
        var orderIds = new List<Guid>(orders);
        for (var start = 0; start < orders; start += Batch)
        {
            var rows = new List<object>();
            for (var i = start; i < Math.Min(orders, start + Batch); i++)
            {
                var amount = (3_000L + (i % 500)) * 100;
                var order = new ServiceOrder
                {
                    EngagementId = Guid.CreateVersion7(), ClientOrganizationId = enterprise.Id, ProviderOrganizationId = provider.Id, ProviderRegionCode = provider.RegionCode,
                    Title = $"基准测试检验检测 {i + 1}", Scope = "基准测试", AmountFen = amount, Status = OrderStatus.Delivered, DeliveryNote = "报告已出具", DeliveredAt = now,
                    Milestones = [new OrderMilestone { Sequence = 1, Title = "报告", DueDate = DateOnly.FromDateTime(now.UtcDateTime), AmountFen = amount }],
                };
                order.Milestones[0].OrderId = order.Id;
                rows.AddRange([order, order.Milestones[0]]);
                orderIds.Add(order.Id);
            }

            await WriteAsync(db, rows, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return new Seeded(enterprise.Id, spread, hotOnes, orderIds);
    }

    // On PostgreSQL the bulk rows go in by binary COPY, column by column as the model maps them (a bench seed of
    // 100,000 vouchers through SaveChanges and its audit records would take longer than the measurement); SQLite
    // saves them as the app does.
    private static async Task WriteAsync(PlatformDbContext db, List<object> rows, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Added;
            }

            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        foreach (var group in rows.GroupBy(r => r.GetType()))
        {
            var entity = db.Model.FindEntityType(group.Key)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var columns = entity.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table))).Where(c => c.Column is not null).ToList();
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in group)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var (property, _) in columns)
                {
                    var value = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
                    if (value is not null && property.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, property.GetColumnType().Split('(')[0], cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string user, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = Password }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("accessToken").GetString()!;
    }

    // `clients` workers post uses for `seconds`, each on the next unpaid order and a random voucher of the phase.
    private static async Task<Measured> MeasureAsync(HttpClient http, string token, Guid enterprise, IReadOnlyList<Guid> vouchers, ConcurrentQueue<Guid> orders, int clients, int seconds,
        CancellationToken cancellationToken)
    {
        var ok = 0;
        var others = new ConcurrentDictionary<int, int>();
        var latencies = new ConcurrentBag<double>();
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var random = new Random(w * 7919 + seconds);
            while (watch.Elapsed < until && orders.TryDequeue(out var order))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/vouchers/issued/{vouchers[random.Next(vouchers.Count)]}/uses")
                {
                    Content = JsonContent.Create(new { itemKind = "service-order", itemId = order }, options: Json),
                };
                request.Headers.Authorization = new("Bearer", token);
                request.Headers.Add("X-Organization", enterprise.ToString());
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                var started = watch.Elapsed;
                using var response = await http.SendAsync(request, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                latencies.Add((watch.Elapsed - started).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    others.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                }
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToList();
        double Percentile(double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
        return new Measured(ok, others, elapsed, Percentile(0.5), Percentile(0.95));
    }

    // The peer's own database on the same server: its setup script, then `accounts` accounts with room to pay from.
    private static async Task<string> PeerSetupAsync(string connectionString, string peerDirectory, int accounts, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database + "_peer";
        await DropAsync(connectionString, name);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var peer = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = name, Pooling = false }.ConnectionString);
        await peer.OpenAsync(cancellationToken);
        var setup = await File.ReadAllTextAsync(Path.Combine(peerDirectory, "ledger_setup.sql"), cancellationToken);
        await using (var command = new NpgsqlCommand(setup, peer))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var fill = new NpgsqlCommand($"INSERT INTO accounts(id, balance) SELECT g, 1000000000000 FROM generate_series(1, {Math.Max(accounts, 10)}) g", peer))
        {
            await fill.ExecuteNonQueryAsync(cancellationToken);
        }

        return name;
    }

    private static async Task DropAsync(string connectionString, string name)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<double> PgbenchAsync(string pgbench, string connectionString, string database, string script, int accounts, int clients, int seconds, TextWriter log,
        CancellationToken cancellationToken)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-n", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                     "-D", $"naccts={accounts}", "-f", script, "-h", b.Host ?? "127.0.0.1", "-p", b.Port.ToString(CultureInfo.InvariantCulture), "-U", b.Username ?? "postgres", database })
        {
            start.ArgumentList.Add(a);
        }

        if (!string.IsNullOrEmpty(b.Password))
        {
            start.Environment["PGPASSWORD"] = b.Password;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {error}{output}");
        }

        log.WriteLine($"  pgbench naccts={accounts}: {line.Trim()}");
        return double.Parse(line[6..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    // The same writes as the peer script (lock two accounts, update both, insert the transfer and its two entries) on
    // a SQLite file with the product's pragmas, one connection per client, BEGIN IMMEDIATE as the product begins.
    private static void SqlitePeerSetup(string path, int accounts)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA journal_mode=WAL;
            CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0), version INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE transfers(id INTEGER PRIMARY KEY, idem_key TEXT NOT NULL UNIQUE, from_id INTEGER NOT NULL REFERENCES accounts, to_id INTEGER NOT NULL REFERENCES accounts, amount INTEGER NOT NULL CHECK (amount > 0), created_at TEXT NOT NULL);
            CREATE TABLE entries(id INTEGER PRIMARY KEY, transfer_id INTEGER NOT NULL REFERENCES transfers, account_id INTEGER NOT NULL REFERENCES accounts, amount INTEGER NOT NULL);
            CREATE INDEX entries_account ON entries(account_id);
            WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {Math.Max(accounts, 10)}) INSERT INTO accounts(id, balance) SELECT n, 1000000000000 FROM g;
            """;
        command.ExecuteNonQuery();
    }

    private static double SqlitePeer(string path, int accounts, int clients, int seconds)
    {
        var done = 0;
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        var threads = Enumerable.Range(0, clients).Select(w => new Thread(() =>
        {
            var random = new Random(w);
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
                pragmas.ExecuteNonQuery();
            }

            while (watch.Elapsed < until)
            {
                var (a, b, amount) = (random.Next(1, accounts + 1), random.Next(1, accounts + 1), random.Next(1, 101));
                using var begin = connection.CreateCommand();
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
                using var work = connection.CreateCommand();
                work.CommandText = """
                    SELECT id FROM accounts WHERE id IN ($a, $b) ORDER BY id;
                    UPDATE accounts SET balance = balance - $amt, version = version + 1 WHERE id = $a;
                    UPDATE accounts SET balance = balance + $amt, version = version + 1 WHERE id = $b;
                    INSERT INTO transfers(idem_key, from_id, to_id, amount, created_at) VALUES ($key, $a, $b, $amt, $now);
                    INSERT INTO entries(transfer_id, account_id, amount) VALUES (last_insert_rowid(), $a, -$amt);
                    INSERT INTO entries(transfer_id, account_id, amount) VALUES ((SELECT max(id) FROM transfers), $b, $amt);
                    COMMIT;
                    """;
                work.Parameters.AddWithValue("$a", a);
                work.Parameters.AddWithValue("$b", b);
                work.Parameters.AddWithValue("$amt", amount);
                work.Parameters.AddWithValue("$key", Guid.NewGuid().ToString());
                work.Parameters.AddWithValue("$now", TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                work.ExecuteNonQuery();
                Interlocked.Increment(ref done);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return done / watch.Elapsed.TotalSeconds;
    }

    // The app as production runs it: the same build and configuration as this verb (minus the verb), its own port,
    // logging at warnings (the bench measures the work, not the console).
    private sealed class ChildApp : IAsyncDisposable
    {
        private readonly Process process;

        private ChildApp(Process process, string baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

        public string BaseUrl { get; }

        public static async Task<ChildApp> StartAsync(CancellationToken cancellationToken)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var args = Environment.GetCommandLineArgs();
            var options = OperatorVerbs.Split(args[1..]).HostArgs
                .Where(a => !BenchOptions.Any(o => a.StartsWith(o, StringComparison.Ordinal))).ToList();
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (!Environment.ProcessPath!.EndsWith("TechBridge", StringComparison.Ordinal))
            {
                start.ArgumentList.Add(typeof(VoucherBench).Assembly.Location);
            }

            foreach (var a in options.Where(o => o.Contains('=', StringComparison.Ordinal)))
            {
                start.ArgumentList.Add(a);
            }

            foreach (var a in new[] { $"--urls=http://127.0.0.1:{port}", "--Database:SeedDemo=false", "--Demo:Enabled=true", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft=Warning",
                         "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning" })
            {
                start.ArgumentList.Add(a);
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    Console.Error.WriteLine("app: " + e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var child = new ChildApp(process, $"http://127.0.0.1:{port}");
            using var http = new HttpClient();
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    using var ready = await http.GetAsync(new Uri(child.BaseUrl + "/health/ready"), cancellationToken);
                    if (ready.IsSuccessStatusCode)
                    {
                        return child;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the app exited with {process.ExitCode} before it was ready");
                }

                await Task.Delay(200, cancellationToken);
            }

            throw new TimeoutException("the app did not become ready in two minutes");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
