using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using TechBridge.Tests.Modules.Directory.RegisterOrganization;

namespace TechBridge.Tests.Modules.Directory;

// Helpers for Directory tests: fresh credit codes, evidence uploads and registered organizations. Clients for demo
// accounts come from the host (AppHost.CreateClientForAsync: a real sign-in, cached per host).
internal static class DirectoryTestKit
{
    private static readonly string[] Sectors = ["testing"];

    // A credit code nobody else uses, registered in the given county.
    public static string NewCreditCode(string region)
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var random = RandomNumberGenerator.GetString(charset, 9);
        return CreditCodeTests.Generate("91" + region + random);
    }

    public static async Task<string> UploadPdfAsync(HttpClient client)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% licence " + Guid.NewGuid() + "\n%%EOF\n");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "licence.pdf");
        var response = await client.PostAsync(new Uri("/api/v1/files", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("sha256").GetString()!;
    }

    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string creditCode, string region, string kind = "Enterprise", string? evidence = null)
    {
        evidence ??= await UploadPdfAsync(client);
        return await client.PostAsJsonAsync(new Uri("/api/v1/organizations", UriKind.Relative), new
        {
            kind,
            legalName = "测试科技有限公司 " + creditCode,
            creditCode,
            establishedOn = "2020-05-01",
            legalRepresentative = "张三",
            regionCode = region,
            address = "测试路 1 号",
            industryCode = "M73",
            sectors = Sectors,
            contact = new { name = "李四", phone = "0311-12345678", email = "contact@example.com" },
            evidenceSha256 = evidence,
        });
    }

    public static async Task<Guid> RegisterOkAsync(HttpClient client, string region, string kind = "Enterprise")
    {
        var response = await RegisterAsync(client, NewCreditCode(region), region, kind);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object? body, HttpStatusCode expected)
    {
        var response = body is null
            ? await client.PostAsync(new Uri(path, UriKind.Relative), null)
            : await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
