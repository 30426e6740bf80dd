using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Data;

namespace TechBridge.Tests.Modules.Listings.ImportAchievements;

public abstract class ImportAchievementsTests(AppHost host)
{
    private const string Header = "title,abstract,keywords,technologyField,industry,trl,linkedIp,transferModes,askingPriceYuan\n";

    private static string Rows(string marker) =>
        Header
        + $"基于深度学习的焊缝缺陷检测{marker},利用卷积神经网络识别X射线焊缝图像缺陷。,深度学习;焊缝,electronics,C34,6,,许可;转让,120000\n"
        + $"高性能锂电池正极材料{marker},一种高镍三元正极材料的制备方法。,锂电池;正极,新能源与高效节能,C38,5,ZL2021,转让,面议\n"
        + $"坏行{marker},摘要,关键词,electronics,C34,12,,许可,abc\n";

    private static async Task<JsonElement> UploadAsync(HttpClient client, byte[] content, string fileName, string? mode)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        if (mode is not null)
        {
            form.Add(new StringContent(mode), "mode");
        }

        var response = await client.PostAsync(new Uri("/api/v1/achievements/imports", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetGuid();
        // Poll with a generous deadline: the worker runs in the background.
        for (var attempt = 0; attempt < 300; attempt++)
        {
            job = await ListingsTestData.GetJsonAsync(client, $"/api/v1/achievements/imports/{id}");
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish.");
    }

    [Fact]
    public async Task Import_InterruptedByARestart_RunsAgainAtStart_AndImportsOnce()
    {
        var first = await AppHost.StartAsync(host.Database);
        var (organizationId, _) = await ListingsTestData.CreateOrganizationWithOwnerAsync(first, OrganizationKind.UniversityOrInstitute, "130104");
        var title = "重启后继续导入的成果" + Guid.NewGuid().ToString("N")[..6];
        var rows = new[] { new { Row = 2, Values = new Dictionary<string, string> { ["title"] = title, ["abstract"] = "摘要。", ["technologyFieldCode"] = "electronics", ["trl"] = "5", ["transferModes"] = "许可" } } };
        var jobId = await first.WithDbAsync(async db =>
        {
            var userId = await db.Set<Membership>().Where(m => m.OrganizationId == organizationId).Select(m => m.UserId).FirstAsync();
            // What a process killed mid-import leaves behind: a running job with its rows and some progress.
            var job = new ImportJob { OrganizationId = organizationId, UserId = userId, FileName = "a.csv", Mode = ImportMode.AllOrNothing, Status = ImportStatus.Running, Total = 1, PendingRows = JsonSerializer.Serialize(rows) };
            db.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        await using var second = await first.RestartAsync();
        ImportJob? finished = null;
        for (var attempt = 0; attempt < 300 && finished is null; attempt++)
        {
            finished = await second.WithDbAsync(db => db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId && j.Status == ImportStatus.Completed));
            await Task.Delay(finished is null ? 100 : 0);
        }

        Assert.NotNull(finished);
        Assert.Equal(1, finished.Imported);
        Assert.Null(finished.PendingRows);
        Assert.Equal(1, await second.WithDbAsync(db => db.Set<TechnologyAchievement>().CountAsync(a => a.Title == title)));
    }

    [Fact]
    public async Task Import_CsvWithBadRow_AllOrNothing_ImportsNothing_AndReportsRowFieldRule()
    {
        var (organizationId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "130104");

        var job = await UploadAsync(owner, Encoding.UTF8.GetBytes(Rows("A")), "achievements.csv", null);
        var mine = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/achievements?owner={organizationId}&status=draft");
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString(), e.GetProperty("rule").GetString())).ToList();

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("all-or-nothing", job.GetProperty("mode").GetString());
        Assert.Equal(3, job.GetProperty("total").GetInt32());
        Assert.Equal(3, job.GetProperty("processed").GetInt32());
        Assert.Equal(0, job.GetProperty("imported").GetInt32());
        Assert.Contains((4, "trl", "range"), errors);
        Assert.Contains((4, "askingPriceYuan", "format"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 != 4);
        Assert.Equal(0, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Import_XlsxWithBadRow_SkipBadRows_ImportsTheGoodOnesAsDrafts()
    {
        var (organizationId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "130104");
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["标题"] = "一种农作物病害识别方法", ["摘要"] = "基于图像的病害识别。", ["关键词"] = "病害;识别", ["技术领域"] = "农业", ["成熟度"] = 4, ["转化方式"] = "合作开发", ["报价(元)"] = "" },
            new() { ["标题"] = "", ["摘要"] = "缺标题", ["关键词"] = "", ["技术领域"] = "agriculture", ["成熟度"] = 4, ["转化方式"] = "许可", ["报价(元)"] = "" },
        };
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(rows);

        var job = await UploadAsync(owner, xlsx.ToArray(), "成果.xlsx", "skip-bad-rows");
        var mine = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/achievements?owner={organizationId}&status=draft");
        var error = job.GetProperty("errors")[0];

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("imported").GetInt32());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Equal("title", error.GetProperty("field").GetString());
        Assert.Equal("required", error.GetProperty("rule").GetString());
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        Assert.Equal("agriculture", mine.GetProperty("items")[0].GetProperty("technologyFieldCode").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportAchievementsTestsOnSqlite(SqliteHostFixture fixture) : ImportAchievementsTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ImportAchievementsTestsOnPostgres(PostgresHostFixture fixture) : ImportAchievementsTests(fixture.Host);
