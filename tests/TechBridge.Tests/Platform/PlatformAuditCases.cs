using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Platform;

// The platform's own operations: file upload, notifications and background jobs.
internal sealed class PlatformAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        // Files.
        ["UploadFile"] = async c =>
        {
            using var owner = await c.As("enterprise.demo");
            await c.MarkAsync();
            await UploadPdfAsync(owner);
        },
        // Notifications.
        ["MarkNotificationRead"] = async c =>
        {
            var user = TestUser.Member();
            var id = await AuditTests.NotifySomeoneAsync(c.Host, "test-notify", user.Id);
            using var client = await c.Host.CreateClientAsAsync(user);
            await c.MarkAsync();
            var response = await client.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        },
        // Background jobs.
        ["RunBackgroundJobNow"] = async c =>
        {
            using var sysadmin = await c.As("sysadmin.demo");
            await c.MarkAsync();
            var response = await sysadmin.PostAsync(new Uri("/api/v1/admin/jobs/listings.expiry/run", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        },
    };
}
