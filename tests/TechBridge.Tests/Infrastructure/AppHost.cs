using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

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
    private readonly ConcurrentDictionary<string, string> tokens = new();

    private readonly IReadOnlyDictionary<string, string> extraSettings;
    private bool keepData;

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
        ("RateLimits:SearchPerMinute", "100000"),
        ("Search:PollMilliseconds", "100"),
        // One audit chain key for the template and every host cloned from it (a real deployment keeps its own).
        ("Audit:HmacKey", "VGVjaEJyaWRnZSB0ZXN0IGF1ZGl0IGtleSAyMDI2ISE="),
    ];

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public const string DemoPassword = "TechBridge-demo-2026";

    // Signs in through the real token endpoint; tokens are cached per user name for the life of the host.
    public async Task<string> TokenForAsync(string userName, string password = DemoPassword)
    {
        if (tokens.TryGetValue(userName, out var cached))
        {
            return cached;
        }

        using var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.AccessToken;
        return tokens.GetOrAdd(userName, token);
    }

    // Moves this host's clock through the test endpoint (isolated hosts only). Tokens live hours, so the cached ones
    // have expired afterwards: they are forgotten, and clients made before the move must be made again.
    public async Task AdvanceClockAsync(double hours)
    {
        using var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/test/clock/advance", UriKind.Relative), new { hours });
        response.EnsureSuccessStatusCode();
        tokens.Clear();
    }

    public async Task<HttpClient> CreateClientForAsync(string userName, Guid? organizationId = null) =>
        CreateBearerClient(await TokenForAsync(userName), organizationId);

    // Creates the throwaway user (with its id and roles) if needed and returns a client signed in as it.
    public async Task<HttpClient> CreateClientAsAsync(TestUser user)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            if (await users.FindByIdAsync(user.Id.ToString()) is null)
            {
                var created = new PlatformUser { Id = user.Id, UserName = user.Name, DisplayName = user.Name, IsDemo = true };
                Check(await users.CreateAsync(created, DemoPassword));
                if (user.Roles.Length > 0)
                {
                    Check(await users.AddToRolesAsync(created, user.Roles));
                }
            }
        }

        return await CreateClientForAsync(user.Name);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed record TokenBody(string AccessToken);

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

    // Runs work in a request-like scope whose ActorContext names the given user and operation, then saves.
    internal async Task<T> AsActorAsync<T>(Guid? userId, string action, Func<IServiceProvider, T> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<TechBridge.Platform.Security.ActorContext>();
        actor.UserId = userId;
        actor.Action = action;
        var result = work(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().SaveChangesAsync();
        return result;
    }

    internal async Task<T> WithDbAsync<T>(Func<PlatformDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PlatformDbContext>());
    }

    // Stops this host, as a process stops, and starts another on the same database and data directory.
    public async Task<AppHost> RestartAsync()
    {
        keepData = true;
        await DisposeAsync();
        var next = new AppHost(Database, connectionString, dataDirectory, extraSettings);
        _ = next.Server;
        return next;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (keepData)
        {
            return;
        }

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
