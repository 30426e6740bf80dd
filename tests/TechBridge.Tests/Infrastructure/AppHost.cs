using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TechBridge.Platform.Persistence;

namespace TechBridge.Tests.Infrastructure;

public enum TestDatabase
{
    Sqlite,
    Postgres,
}

// One in-process app host over its own database, cloned from a template that is migrated and demo-seeded once per
// test run. A suite shares one host per database (see the collection fixtures); a test that must not disturb
// others (it advances the clock or tampers with rows) takes an isolated host.
public sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly string dataDirectory;

    private readonly IReadOnlyDictionary<string, string> extraSettings;

    private AppHost(TestDatabase database, string connectionString, string dataDirectory, IReadOnlyDictionary<string, string>? extraSettings)
    {
        Database = database;
        this.connectionString = connectionString;
        this.dataDirectory = dataDirectory;
        this.extraSettings = extraSettings ?? new Dictionary<string, string>();
    }

    public TestDatabase Database { get; }

    public string ConnectionString => connectionString;

    // extraSettings override configuration for an isolated host (a low rate limit, demo mode off, ...).
    public static async Task<AppHost> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("techbridge-test-").FullName;
        var connection = database == TestDatabase.Sqlite
            ? await TemplateDatabases.CloneSqliteAsync(dataDirectory)
            : await TemplateDatabases.ClonePostgresAsync();
        var host = new AppHost(database, connection, dataDirectory, extraSettings);
        _ = host.Server; // start now, so the first test does not pay for it inside its own timeout
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings(Database, connectionString, dataDirectory, migrate: false, seed: false))
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in extraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    internal static IEnumerable<(string Key, string Value)> Settings(TestDatabase database, string connectionString, string dataDirectory, bool migrate, bool seed) =>
    [
        ("Database:Provider", database == TestDatabase.Sqlite ? nameof(DatabaseProvider.Sqlite) : nameof(DatabaseProvider.Postgres)),
        ("ConnectionStrings:Platform", connectionString),
        ("Platform:DataDirectory", dataDirectory),
        ("Database:AutoMigrate", migrate ? "true" : "false"),
        ("Database:SeedDemo", seed ? "true" : "false"),
        ("Urls", "http://127.0.0.1:0"),
        // The template database holds the demo data, so the host runs in demo mode although it seeds nothing.
        ("Demo:Enabled", "true"),
        // Every test request comes from one address: the suite's sign-ins must not trip the per-address limit.
        // A test of the limit itself starts an isolated host with a low one.
        ("RateLimits:SignInPerMinute", "100000"),
    ];

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public HttpClient CreateBearerClient(string accessToken, Guid? organizationId = null)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (organizationId is { } org)
        {
            client.DefaultRequestHeaders.Add("X-Organization", org.ToString());
        }

        return client;
    }

    internal async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background job; the OS temp cleaner takes it later.
        }
    }
}
