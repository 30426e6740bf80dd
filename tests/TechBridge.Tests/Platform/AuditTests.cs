using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Idempotency;
using TechBridge.Platform.Notifications;

namespace TechBridge.Tests.Platform;

public abstract class AuditTests(AppHost host)
{
    [Fact]
    public async Task Browse_AsAuditor_FindsTheRecordOfAChangeByEntity()
    {
        var id = await NotifySomeoneAsync(host, "test-notify");
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var page = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?entityType=Notification&entityId={id}", UriKind.Relative));

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        var record = page.GetProperty("items")[0];
        Assert.Equal("test-notify", record.GetProperty("action").GetString());
        Assert.StartsWith("created", record.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browse_Anonymous_Is401_AndWithoutAuditRole_Is403()
    {
        using var anonymous = host.CreateAnonymousClient();
        using var member = await host.CreateClientAsAsync(TestUser.Member());

        var unauthenticated = await anonymous.GetAsync(new Uri("/api/v1/audit", UriKind.Relative));
        var forbidden = await member.GetAsync(new Uri("/api/v1/audit/export", UriKind.Relative));
        var forbiddenPage = await member.GetAsync(new Uri("/Audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenPage.StatusCode);
    }

    [Fact]
    public async Task Browse_WithMalformedFilter_Is400NamingEachField()
    {
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var response = await auditor.GetAsync(new Uri("/api/v1/audit?from=yesterday&organization=acme&pageSize=5000", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("organization", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Browse_ByTimeRange_ExcludesRecordsOutsideIt()
    {
        var id = await NotifySomeoneAsync(host, "test-notify");
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var before = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?entityId={id}&to=2000-01-01", UriKind.Relative));
        var around = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?entityId={id}&from=2000-01-01T00:00:00Z", UriKind.Relative));

        Assert.Equal(0, before.GetProperty("total").GetInt32());
        Assert.Equal(1, around.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Export_AsAuditor_IsCsvWithBom_AndIsItselfAuditedWithTheAuditorAndOperation()
    {
        var id = await NotifySomeoneAsync(host, "test-notify");
        var user = TestUser.Auditor();
        using var auditor = await host.CreateClientAsAsync(user);

        var response = await auditor.GetAsync(new Uri($"/api/v1/audit/export?entityType=Notification&entityId={id}", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var audit = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?action=ExportAuditRecords&user={user.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,occurredAt,userId,userName", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains(id.ToString(), lines[1], StringComparison.Ordinal);
        Assert.Equal(1, audit.GetProperty("total").GetInt32());
        var note = audit.GetProperty("items")[0];
        Assert.Equal(user.Name, note.GetProperty("userName").GetString());
        Assert.Contains("exported 1 audit records", note.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UntouchedTrail_IsOk()
    {
        await NotifySomeoneAsync(host, "test-notify");
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var verification = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));

        Assert.True(verification.GetProperty("ok").GetBoolean());
        Assert.True(verification.GetProperty("records").GetInt64() > 0);
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("firstBroken").ValueKind);
    }

    [Fact]
    public async Task Verify_AfterARecordIsAlteredInTheDatabase_ReportsThatRecord()
    {
        // Tampering breaks the chain for every later test, so this host is the test's own.
        await using var isolated = await AppHost.StartAsync(host.Database);
        var id = await NotifySomeoneAsync(isolated, "test-notify");
        await NotifySomeoneAsync(isolated, "test-notify-later");
        using var auditor = await isolated.CreateClientAsAsync(TestUser.Auditor());
        var intact = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));
        var recordId = await isolated.WithDbAsync(db => db.Set<TechBridge.Platform.Auditing.AuditRecord>()
            .Where(r => r.EntityType == "Notification" && r.EntityId == id.ToString()).Select(r => r.Id).SingleAsync());

        await isolated.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Platform_AuditRecords\" SET \"Summary\" = 'nothing happened here' WHERE \"Id\" = {0}", recordId));
        var broken = await auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit/verify", UriKind.Relative));

        Assert.True(intact.GetProperty("ok").GetBoolean());
        Assert.False(broken.GetProperty("ok").GetBoolean());
        Assert.Equal(recordId, broken.GetProperty("firstBroken").GetInt64());
    }

    [Fact]
    public async Task AuditPage_AsAuditor_FiltersWithAPlainForm_InEnglishAndChinese()
    {
        var id = await NotifySomeoneAsync(host, "test-notify");
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var english = await auditor.GetStringAsync(new Uri($"/Audit?culture=en&entityType=Notification&entityId={id}", UriKind.Relative));
        var chinese = await auditor.GetStringAsync(new Uri($"/Audit?entityType=Notification&entityId={id}", UriKind.Relative));
        var invalid = await auditor.GetStringAsync(new Uri("/Audit?culture=en&from=31.12.2024", UriKind.Relative));
        var verified = await auditor.GetStringAsync(new Uri("/Audit?culture=en&handler=Verify", UriKind.Relative));

        Assert.Contains("1 records match.", english, StringComparison.Ordinal);
        Assert.Contains("test-notify", english, StringComparison.Ordinal);
        Assert.Contains("href=\"/Audit\"", english, StringComparison.Ordinal); // navigation shows Audit to the auditor
        Assert.Contains("审计日志", chinese, StringComparison.Ordinal);
        Assert.Contains("共 1 条记录符合条件。", chinese, StringComparison.Ordinal);
        Assert.Contains("Enter a date as yyyy-MM-dd.", invalid, StringComparison.Ordinal);
        Assert.Contains("The hash chain is intact", verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_Export_DownloadsCsvWithTheFilter()
    {
        var id = await NotifySomeoneAsync(host, "test-notify");
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var response = await auditor.GetAsync(new Uri($"/Audit?handler=Export&entityId={id}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task SavingAgain_AfterASaveTheDatabaseRefused_AuditsTheChangeOnce()
    {
        // What a booking does after a deadlock: the unit of work failed as a whole and is saved again.
        var scope = Guid.CreateVersion7().ToString("N");
        await host.WithDbAsync(async db =>
        {
            db.Add(new IdempotencyRecord { Scope = scope, Key = "k", RequestHash = "h", CreatedAt = TimeProvider.System.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        await using var services = host.Services.CreateAsyncScope();
        var actor = services.ServiceProvider.GetRequiredService<TechBridge.Platform.Security.ActorContext>();
        actor.Action = "test-save-again";
        var db = services.ServiceProvider.GetRequiredService<TechBridge.Platform.Persistence.PlatformDbContext>();
        var id = services.ServiceProvider.GetRequiredService<Notifier>().Notify(Guid.CreateVersion7(), "test", "Booking approved", "Your booking was approved.", "/").Id;
        var duplicate = db.Add(new IdempotencyRecord { Scope = scope, Key = "k", RequestHash = "h", CreatedAt = TimeProvider.System.GetUtcNow() });
        var refused = await Record.ExceptionAsync(() => db.SaveChangesAsync());
        duplicate.State = EntityState.Detached;
        await db.SaveChangesAsync();

        Assert.IsType<DbUpdateException>(refused);
        var records = await host.WithDbAsync(d => d.Set<AuditRecord>().CountAsync(r => r.EntityType == "Notification" && r.EntityId == id.ToString()));
        Assert.Equal(1, records);
    }

    internal static Task<Guid> NotifySomeoneAsync(AppHost host, string action, Guid? userId = null) =>
        host.AsActorAsync(null, action, services =>
            services.GetRequiredService<Notifier>().Notify(userId ?? Guid.CreateVersion7(), "test", "Booking approved", "Your booking was approved.", "/").Id);
}

[Collection(SqliteCollection.Name)]
public sealed class AuditTestsOnSqlite(SqliteHostFixture fixture) : AuditTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AuditTestsOnPostgres(PostgresHostFixture fixture) : AuditTests(fixture.Host);
