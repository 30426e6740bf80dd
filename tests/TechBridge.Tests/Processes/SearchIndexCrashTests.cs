using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace TechBridge.Tests.Processes;

// The index is derived data: killed while indexing, the node rebuilds or replays on restart until the index agrees
// with the database again.
[Trait("Kind", "Process")]
public sealed class SearchIndexCrashTests
{
    private const string Token = "zqcrashtoken";

    [Fact]
    public async Task App_KilledWhileIndexing_RestartsAndIndexMatchesDatabase()
    {
        var data = Directory.CreateTempSubdirectory("techbridge-index-crash-").FullName;
        var environment = new Dictionary<string, string> { ["Platform__DataDirectory"] = data, ["Database__SeedDemo"] = "false" };
        var seeded = await AppProcess.RunVerbAsync(environment, "seed", "demo");
        Assert.Equal(0, seeded.ExitCode);
        var published = await MultiplyPublishedOfferingsAsync(Path.Combine(data, "techbridge.db"), copies: 100);
        Assert.True(published > 500, $"only {published} copies");

        await using (var first = await AppProcess.StartAsync(environment))
        {
            // The node has no cursor yet: it is rebuilding its index from the database right now.
            first.KillHard();
        }

        await using var second = await AppProcess.StartAsync(environment);
        using var http = new HttpClient();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var total = -1;
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            var json = JsonDocument.Parse(await http.GetStringAsync(new Uri($"{second.BaseUrl}/api/v1/search?q={Token}&kind=offering&pageSize=1")));
            total = json.RootElement.GetProperty("total").GetInt32();
            if (total == published)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Equal(published, total);
    }

    // Copies every published demo offering `copies` times with the token in its title; returns how many exist.
    private static async Task<int> MultiplyPublishedOfferingsAsync(string path, int copies)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(Listings_Offerings)";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(1));
            }
        }

        const string newId = "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))";
        var values = columns.Select(c => c switch
        {
            "Id" => newId,
            "Title" => $"'{Token} ' || o.\"Title\"",
            _ => $"o.\"{c}\"",
        });
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {copies})
            INSERT INTO Listings_Offerings ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", values)} FROM Listings_Offerings o, seq WHERE o."Status" = 3;
            """;
        await insert.ExecuteNonQueryAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM Listings_Offerings WHERE \"Status\" = 3 AND \"Title\" LIKE '{Token} %'";
        return Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
