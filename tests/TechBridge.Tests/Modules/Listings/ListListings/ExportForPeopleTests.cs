using System.Net.Http.Headers;
using System.Text.Json;
using MiniExcelLibs;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Tests.Modules.Listings.ListListings;

// Exports for people: an Excel workbook with headers in the reader's language and names instead of codes, beside the
// CSV; the import template downloads in the reader's language and imports as it is.
public abstract class ExportForPeopleTests(AppHost host)
{
    [Fact]
    public async Task OfferingsWorkbook_HasChineseHeadersAndNames_EnglishOnRequest()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        var title = $"导出用检测服务{Guid.NewGuid():N}"[..16];
        await ListingsTestData.PublishAsync(host, owner, "offerings", ListingsTestData.Offering(title));
        using var anonymous = host.CreateAnonymousClient();

        var chinese = await RowsAsync(anonymous, "/api/v1/offerings/export.xlsx?culture=zh-CN&sector=testing");
        var english = await RowsAsync(anonymous, "/api/v1/offerings/export.xlsx?culture=en&sector=testing");
        var pageCsv = await anonymous.GetStringAsync(new Uri("/Listings?handler=Export&format=csv&kind=offering&sector=testing&culture=zh-CN", UriKind.Relative));

        Assert.Equal(["类型", "标题", "机构"], chinese[0].Take(3));
        var row = chinese.Single(r => r[1] == title);
        Assert.Equal("服务产品", row[0]);
        Assert.Equal("检验检测", row[4]);
        Assert.Contains("石家庄", row[5], StringComparison.Ordinal);
        Assert.DoesNotContain("testing", row);
        Assert.Equal("Title", english[0][1]);
        Assert.Equal("Testing and inspection", english.Single(r => r[1] == title)[4]);
        Assert.StartsWith("类型,标题", pageCsv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(title, pageCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportTemplate_InTheReadersLanguage_ImportsAsDownloaded()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.UniversityOrInstitute, "130104");

        var template = await owner.GetByteArrayAsync(new Uri("/Listings/Import?handler=Template&format=xlsx&culture=zh-CN", UriKind.Relative));
        var rows = Read(template);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(template);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "模板.xlsx");
        var accepted = await owner.PostAsync(new Uri("/api/v1/achievements/imports", UriKind.Relative), form);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        JsonElement job = default;
        for (var attempt = 0; attempt < 300; attempt++)
        {
            job = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/achievements/imports/{id}");
            if (job.GetProperty("status").GetString() is "completed" or "failed")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("标题", rows[0][0]);
        Assert.Contains("技术领域", rows[0]);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("imported").GetInt32());
    }

    private static async Task<List<string?[]>> RowsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<string?[]> Read(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString()).ToArray()).ToList();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ExportForPeopleTestsOnSqlite(SqliteHostFixture fixture) : ExportForPeopleTests(fixture.Host);
