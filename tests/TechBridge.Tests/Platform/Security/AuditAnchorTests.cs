using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using TechBridge.Platform.Auditing;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: the audit chain cannot be rewritten by whoever can write the database. Records are chained with a key the
// database does not hold, and the head is checkpointed to a signed file outside it: deleting the newest records is
// reported as truncation; editing a record and recomputing the later hashes (without the key) names that record; a
// forged checkpoint line is reported. Isolated hosts: they tamper with rows.
public sealed class AuditAnchorTests
{
    [Fact]
    public async Task DeletingTheNewestRecords_AfterACheckpoint_IsReportedAsTruncation_AndAForgedCheckpointLineIsReported()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite);
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());
        await WriteSomethingAsync(host, 3);
        await CheckpointAsync(host);
        var intact = await VerifyAsync(auditor);

        var checkpoints = host.Services.GetRequiredService<AuditCheckpoints>();
        var newest = checkpoints.ReadLatest().Latest!.Sequence;
        await host.WithDbAsync(db => db.Set<AuditRecord>().Where(r => r.ChainSequence > newest - 3).ExecuteDeleteAsync());
        var truncated = await VerifyAsync(auditor);
        await File.AppendAllTextAsync(checkpoints.LogPath, $"999999|{new string('0', 64)}|1|0|{new string('f', 64)}\n");
        var forged = await VerifyAsync(auditor);

        Assert.True(intact.GetProperty("ok").GetBoolean(), intact.ToString());
        Assert.False(truncated.GetProperty("ok").GetBoolean());
        // Records chained after the deletion (jobs' bookkeeping) may refill the positions: then the checkpointed
        // position holds another hash, which names that record instead.
        Assert.True(truncated.GetProperty("truncated").GetBoolean() || truncated.GetProperty("firstBroken").ValueKind == JsonValueKind.Number, truncated.ToString());
        Assert.Equal(newest, truncated.GetProperty("checkpointSequence").GetInt64());
        Assert.Equal(1, forged.GetProperty("invalidCheckpoints").GetInt32());
        Assert.Equal(newest, forged.GetProperty("checkpointSequence").GetInt64());
    }

    [Fact]
    public async Task EditingARecordAndRecomputingTheLaterHashesWithoutTheKey_NamesTheEditedRecord()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite);
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());
        await WriteSomethingAsync(host, 4);
        await CheckpointAsync(host);
        var edited = await host.WithDbAsync(async db =>
        {
            var chain = await db.Set<AuditRecord>().Where(r => r.ChainSequence != null).OrderBy(r => r.ChainSequence).ToListAsync();
            var target = chain[^3];
            target.Summary = "nothing happened here";
            // The attacker recomputes every later hash as best it can: with a key of its own.
            var guess = new byte[32];
            var previous = chain[^4].Hash!;
            foreach (var record in chain.Skip(chain.Count - 3))
            {
                record.Hash = AuditChain.HashOf(guess, record, previous);
                previous = record.Hash;
            }

            await db.Set<AuditRecord>().Where(r => r.Id == target.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Summary, target.Summary).SetProperty(r => r.Hash, target.Hash));
            foreach (var record in chain.Skip(chain.Count - 2))
            {
                await db.Set<AuditRecord>().Where(r => r.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Hash, record.Hash));
            }

            return target.Id;
        });

        var verification = await VerifyAsync(auditor);

        Assert.False(verification.GetProperty("ok").GetBoolean());
        Assert.Equal(edited, verification.GetProperty("firstBroken").GetInt64());
    }

    [Fact]
    public void ChainKey_NotConfigured_IsGeneratedOnceInTheDataDirectory_AndReadAgain()
    {
        var directory = Directory.CreateTempSubdirectory("techbridge-key-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:DataDirectory"] = directory }).Build();
            var environment = new TestEnvironment();
            var first = new AuditKey(configuration, environment, NullLogger<AuditKey>.Instance);
            var second = new AuditKey(configuration, environment, NullLogger<AuditKey>.Instance);

            Assert.True(File.Exists(Path.Combine(directory, "keys", "audit-hmac.key")));
            Assert.Equal(32, first.ChainKey.Length);
            Assert.Equal(first.ChainKey, second.ChainKey);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "TechBridge";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private static async Task WriteSomethingAsync(AppHost host, int count)
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative))).StatusCode);
        }

        // Reads write nothing; a note per round gives the chain fresh records.
        for (var i = 0; i < count; i++)
        {
            await host.AsActorAsync<int>(null, "test:write", sp =>
            {
                sp.GetRequiredService<AuditTrail>().Note("Test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"round {i}");
                return 0;
            });
        }
    }

    private static async Task CheckpointAsync(AppHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<AuditCheckpointJob>(scope.ServiceProvider);
        await job.RunOnceAsync(CancellationToken.None);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient auditor) =>
        await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));
}
