namespace TechBridge.Tests.Platform;

public abstract class HealthAndLocalizationTests(AppHost host)
{
    [Fact]
    public async Task Ready_WithMigratedDatabase_ReportsHealthy()
    {
        using var client = host.CreateAnonymousClient();

        var ready = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetStringAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal("Healthy", ready);
        Assert.Equal("Healthy", live);
    }

    [Fact]
    public async Task HomePage_ByDefault_IsChinese_AndSwitchesToEnglish()
    {
        using var client = host.CreateAnonymousClient();

        var chinese = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var switched = await client.PostAsync(new Uri("/culture", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/",
        }));
        var english = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("<html lang=\"zh-CN\">", chinese, StringComparison.Ordinal);
        Assert.Contains("科技服务一站式平台", chinese, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("One-stop science and technology services", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_IsServed()
    {
        using var client = host.CreateAnonymousClient();

        var document = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HealthAndLocalizationTestsOnSqlite(SqliteHostFixture fixture) : HealthAndLocalizationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class HealthAndLocalizationTestsOnPostgres(PostgresHostFixture fixture) : HealthAndLocalizationTests(fixture.Host);
