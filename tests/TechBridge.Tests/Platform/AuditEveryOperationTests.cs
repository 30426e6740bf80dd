using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Auditing;
using TechBridge.Tests.Modules.Directory;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Platform;

// Standing test (issue 2): every mutating operation in the OpenAPI document, called with valid input, appends an
// audit record named after its operationId. A new POST/PUT/PATCH/DELETE operation fails the coverage fact until it
// gets a case here; each case then is its own test.
public abstract class AuditEveryOperationTests(AppHost shared)
{
    private static readonly string[] MutatingMethods = ["post", "put", "patch", "delete"];

    public static TheoryData<string> Operations => new(AuditCases.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public async Task OpenApiDocument_EveryMutatingOperation_HasAnAuditCase()
    {
        using var client = shared.CreateAnonymousClient();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var documented = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => MutatingMethods.Contains(o.Name)))
            {
                Assert.True(operation.Value.TryGetProperty("operationId", out var id), $"{operation.Name} {path.Name} has no operationId");
                documented.Add(id.GetString()!);
            }
        }

        var missing = documented.Where(id => !AuditCases.All.ContainsKey(id)).Select(id => $"add a case for {id}").ToList();
        var stale = AuditCases.All.Keys.Where(id => !documented.Contains(id)).Select(id => $"remove the case for {id} (not in the document)").ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0, string.Join("\n", missing.Concat(stale)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_WithValidInput_AppendsAnAuditRecord(string operationId)
    {
        await using var context = new AuditCaseContext(shared);
        await context.MarkAsync();

        await AuditCases.All[operationId](context);

        var appended = await context.Host.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.Id > context.Mark && r.Action == operationId).CountAsync());
        Assert.True(appended > 0, $"{operationId} with valid input appended no audit record with Action == \"{operationId}\"");
    }

    // Changes of privileges that change nothing (a role or grant already held, a role not held) are still requests
    // for a security change: each leaves a record too.
    [Fact]
    public async Task RoleAndGrantChanges_ThatChangeNothing_StillAppendAnAuditRecord()
    {
        await using var context = new AuditCaseContext(shared);
        var user = await AccountTestKit.CreateUserAsync(shared, "noop", "Broker");
        using var sysadmin = await context.As("sysadmin.demo");
        var users = $"/api/v1/admin/users/{user.Id}";
        var grant = new { permission = DirectoryPermissions.ManageGroups, jurisdiction = "1301" };
        await PostAsync(sysadmin, $"{users}/grants", grant, HttpStatusCode.NoContent);

        async Task<int> AppendedAsync(string action, Func<Task<HttpResponseMessage>> call)
        {
            await context.MarkAsync();
            var response = await call();
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return await shared.WithDbAsync(db => db.Set<AuditRecord>().CountAsync(r => r.Id > context.Mark && r.Action == action));
        }

        var roleAgain = await AppendedAsync("AddUserRole", () => sysadmin.PostAsJsonAsync(new Uri($"{users}/roles", UriKind.Relative), new { role = "Broker" }));
        var roleNotHeld = await AppendedAsync("RemoveUserRole", () => sysadmin.DeleteAsync(new Uri($"{users}/roles/Auditor", UriKind.Relative)));
        var grantAgain = await AppendedAsync("GrantAdminPermission", () => sysadmin.PostAsJsonAsync(new Uri($"{users}/grants", UriKind.Relative), grant));

        Assert.Equal(1, roleAgain);
        Assert.Equal(1, roleNotHeld);
        Assert.Equal(1, grantAgain);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditEveryOperationTestsOnSqlite(SqliteHostFixture fixture) : AuditEveryOperationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AuditEveryOperationTestsOnPostgres(PostgresHostFixture fixture) : AuditEveryOperationTests(fixture.Host);

// What a case works with: the suite's shared host, or (for a case that must move the clock) an isolated one. The
// case creates its prerequisites, calls MarkAsync, then performs the operation under test; the test counts the
// audit records appended after the mark, so records of the prerequisites never count.
internal sealed class AuditCaseContext(AppHost shared) : IAsyncDisposable
{
    private AppHost? isolated;

    public AppHost Host => isolated ?? shared;

    public long Mark { get; private set; }

    public async Task UseIsolatedHostAsync() => isolated ??= await AppHost.StartAsync(shared.Database);

    public async Task MarkAsync() => Mark = await Host.WithDbAsync(db => db.Set<AuditRecord>().MaxAsync(r => (long?)r.Id)) ?? 0;

    public Task<HttpClient> As(string userName, Guid? organizationId = null) => Host.CreateClientForAsync(userName, organizationId);

    // Accounts of the case's own for registering and joining organizations, so that the shared demo users keep exactly
    // their seeded memberships (a test elsewhere picks enterprise.demo's organization by them).
    public TestUser Owner { get; } = TestUser.New("owner");

    public TestUser Joiner { get; } = TestUser.New("joiner");

    public async Task<HttpClient> As(TestUser user, Guid? organizationId = null)
    {
        using (await Host.CreateClientAsAsync(user))
        {
            return await Host.CreateClientForAsync(user.Name, organizationId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (isolated is not null)
        {
            await isolated.DisposeAsync();
        }
    }
}

// One file of cases per module (tests/TechBridge.Tests/Modules/<Module>/AuditCases.cs, the platform's in
// Platform/PlatformAuditCases.cs): each is an AuditCaseSet, mapping an operationId to a case. A new module adds its
// own file; AuditCases.All collects every set in this assembly and refuses an operation claimed twice.
internal abstract class AuditCaseSet
{
    public abstract IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; }
}

internal static class AuditCases
{
    public static readonly IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> All = Collect();

    private static Dictionary<string, Func<AuditCaseContext, Task>> Collect()
    {
        var all = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal);
        var sets = typeof(AuditCaseSet).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AuditCaseSet)) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in sets)
        {
            var set = (AuditCaseSet)Activator.CreateInstance(type)!;
            foreach (var (operation, run) in set.Cases)
            {
                if (!all.TryAdd(operation, run))
                {
                    throw new InvalidOperationException($"{type.Name} has a case for {operation}, which another set already has");
                }
            }
        }

        return all;
    }

    // Shared by the module sets.
    public static async Task DeleteAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.DeleteAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"DELETE {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
    }
}
