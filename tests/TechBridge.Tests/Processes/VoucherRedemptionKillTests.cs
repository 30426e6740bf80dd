using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace TechBridge.Tests.Processes;

// A stream of redemption requests through HTTP to the app as a child process, killed hard (SIGKILL) at a random
// moment whose seed is printed, restarted on the same database: every acknowledged redemption is there, no use is
// half-done (a redemption exists exactly when its use says redemption requested), a repeat of an unanswered request
// with its key either does it now or answers what happened, and the ledger and audit verifications hold. Two kill
// points here; TECHBRIDGE_VOUCHER_KILLS=N for more, TECHBRIDGE_VOUCHER_KILL_SEED to replay.
[Trait("Kind", "Process")]
public sealed class VoucherRedemptionKillTests(ITestOutputHelper output)
{
    private const string Password = "TechBridge-demo-2026";

    private sealed record Sent(Guid UseId, string Key, Guid? RedemptionId);

    [Fact]
    public async Task RedemptionStream_KilledHardAndRestarted_KeepsEveryAcknowledgedRedemptionAndNothingHalfDone()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TECHBRIDGE_VOUCHER_KILL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var kills = int.TryParse(Environment.GetEnvironmentVariable("TECHBRIDGE_VOUCHER_KILLS"), CultureInfo.InvariantCulture, out var k) ? k : 2;
        output.WriteLine($"voucher kill test: seed {seed}, {kills} kills (replay: TECHBRIDGE_VOUCHER_KILL_SEED={seed})");
        var random = new Random(seed);
        var data = Directory.CreateTempSubdirectory("techbridge-voucher-kill-").FullName;
        // The demo is seeded by the verb first (as the search crash test does), so each start only migrates and serves;
        // demo mode lets the demo auditor take a token without an authenticator.
        var environment = new Dictionary<string, string> { ["Platform__DataDirectory"] = data, ["Database__SeedDemo"] = "false", ["Demo__Enabled"] = "true" };
        var seeded = await AppProcess.RunVerbAsync(environment, "seed", "demo");
        Assert.Equal(0, seeded.ExitCode);
        var sent = new List<Sent>();
        var unanswered = new List<Sent>();

        for (var round = 0; round <= kills; round++)
        {
            await using var app = await AppProcess.StartAsync(environment);
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
            var (token, organization) = await EnterpriseAsync(http);

            // What the previous process left unanswered: the same key again does it once or answers what happened.
            foreach (var u in unanswered)
            {
                using var repeat = await RedeemAsync(http, token, organization, u.UseId, u.Key);
                Assert.True(repeat.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"seed {seed}: a repeat answered {(int)repeat.StatusCode}");
            }

            unanswered.Clear();
            if (round == kills)
            {
                await AssertConsistentAsync(http, data, sent, seed);
                break;
            }

            // Each round takes its share of the uses, and the kill lands after a random number of acknowledgements
            // (not after a time: a fast machine would redeem everything before a timed kill).
            var left = await RedeemableAsync(http, token, organization);
            var redeemable = left.Take(left.Count / (kills - round)).ToList();
            Assert.True(redeemable.Count >= 4, $"seed {seed}: only {left.Count} redeemable uses left in round {round}");
            var killAt = random.Next(1, redeemable.Count - 2);
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            output.WriteLine($"round {round}: {redeemable.Count} of {left.Count} redeemable, SIGKILL after {killAt} acknowledged");
            using var stop = new CancellationTokenSource();
            var streams = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = w; i < redeemable.Count && !stop.IsCancellationRequested; i += 4)
                {
                    var key = Guid.NewGuid().ToString("N");
                    try
                    {
                        using var response = await RedeemAsync(http, token, organization, redeemable[i], key);
                        var body = await response.Content.ReadAsStringAsync();
                        Assert.True(response.StatusCode == HttpStatusCode.Created, $"seed {seed}: redemption answered {(int)response.StatusCode} {body}");
                        lock (sent)
                        {
                            sent.Add(new Sent(redeemable[i], key, JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid()));
                            if (--killAt == 0)
                            {
                                reached.TrySetResult();
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        lock (sent)
                        {
                            unanswered.Add(new Sent(redeemable[i], key, null));
                        }

                        return;
                    }
                }
            })).ToList();
            await Task.WhenAny(reached.Task, Task.WhenAll(streams));
            app.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(streams);
        }

        // A kill may land before the first answer: the count is reported, the checks above are the test.
        output.WriteLine($"{sent.Count} acknowledged redemptions survived {kills} kills");
    }

    // Every acknowledged redemption exists; a use is redemption-requested exactly when it has one redemption; the
    // ledger and the audit chain verify.
    private static async Task AssertConsistentAsync(HttpClient http, string data, List<Sent> sent, int seed)
    {
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "techbridge.db")};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            var redemptions = new HashSet<Guid>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT \"Id\" FROM \"Vouchers_Redemptions\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    redemptions.Add(reader.GetGuid(0));
                }
            }

            Assert.True(sent.All(a => redemptions.Contains(a.RedemptionId!.Value)), $"seed {seed}: an acknowledged redemption is missing");
            await using var halfDone = connection.CreateCommand();
            // Status 2 = redemption requested; every requested use has its live redemption and no use has two.
            halfDone.CommandText = """
                SELECT COUNT(*) FROM "Vouchers_Uses" u
                WHERE (u."Status" = 2) <> EXISTS (SELECT 1 FROM "Vouchers_Redemptions" r WHERE r."UseId" = u."Id" AND r."Status" = 1)
                   OR (SELECT COUNT(*) FROM "Vouchers_Redemptions" r WHERE r."UseId" = u."Id" AND r."Status" <> 4) > 1
                """;
            Assert.Equal(0L, (long)(await halfDone.ExecuteScalarAsync())!);
        }

        using var auditor = new HttpClient { BaseAddress = http.BaseAddress };
        auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http, "auditor.demo"));
        var ledger = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/vouchers/ledger/verify", UriKind.Relative));
        var audit = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));
        Assert.True(ledger.GetProperty("ok").GetBoolean(), $"seed {seed}: {ledger}");
        Assert.True(audit.GetProperty("ok").GetBoolean(), $"seed {seed}: {audit}");
    }

    private static async Task<HttpResponseMessage> RedeemAsync(HttpClient http, string token, Guid organization, Guid useId, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/vouchers/uses/{useId}/redemptions") { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Organization", organization.ToString());
        request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }

    private static async Task<(string Token, Guid Organization)> EnterpriseAsync(HttpClient http)
    {
        var token = await TokenAsync(http, "enterprise.demo");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vouchers/issued");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var vouchers = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (token, vouchers.EnumerateArray().First().GetProperty("enterpriseOrganizationId").GetGuid());
    }

    private static async Task<List<Guid>> RedeemableAsync(HttpClient http, string token, Guid organization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/vouchers/uses?state=redeemable");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Organization", organization.ToString());
        using var response = await http.SendAsync(request);
        var uses = await response.Content.ReadFromJsonAsync<JsonElement>();
        return uses.EnumerateArray().Select(u => u.GetProperty("id").GetGuid()).ToList();
    }

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
