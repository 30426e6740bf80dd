using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Notifications;

namespace TechBridge.Tests.Platform;

public abstract partial class NotificationTests(AppHost host)
{
    [Fact]
    public async Task List_ShowsOnlyOwnNotifications_UnreadFirstThenNewest()
    {
        var alice = TestUser.Member();
        var bob = TestUser.Member();
        var (olderUnread, newerRead, newestUnread) = await host.AsActorAsync(null, "test-notify", services =>
        {
            var notifier = services.GetRequiredService<Notifier>();
            var clock = services.GetRequiredService<TimeProvider>();
            var a = notifier.Notify(alice.Id, "test", "Older unread", "-", null);
            var b = notifier.Notify(alice.Id, "test", "Newer read", "-", null);
            var c = notifier.Notify(alice.Id, "test", "Newest unread", "-", "/");
            notifier.Notify(bob.Id, "test", "For Bob", "-", null);
            a.CreatedAt = clock.GetUtcNow().AddMinutes(-3);
            b.CreatedAt = clock.GetUtcNow().AddMinutes(-2);
            b.ReadAt = clock.GetUtcNow().AddMinutes(-1);
            return (a.Id, b.Id, c.Id);
        });
        using var client = await host.CreateClientAsAsync(alice);

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative));

        var ids = list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([newestUnread, olderUnread, newerRead], ids);
        Assert.Equal(2, list.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task MarkRead_OwnNotification_IsReadOnce_AndAnotherUsersIsNotFound()
    {
        var alice = TestUser.Member();
        var bob = TestUser.Member();
        var id = await AuditTests.NotifySomeoneAsync(host, "test-notify", alice.Id);
        using var asAlice = await host.CreateClientAsAsync(alice);
        using var asBob = await host.CreateClientAsAsync(bob);
        using var anonymous = host.CreateAnonymousClient();

        var byBob = await asBob.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null);
        var byNobody = await anonymous.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null);
        var byAlice = await asAlice.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null);
        var again = await asAlice.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null);
        var list = await asAlice.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative));
        var bobsList = await asBob.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/notifications", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, byBob.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byAlice.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(0, list.GetProperty("unread").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, list.GetProperty("items")[0].GetProperty("readAt").ValueKind);
        Assert.Empty(bobsList.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task NotificationsPage_MarkRead_WorksWithoutJavaScript_AndIsAuditedAsThePageHandler()
    {
        var alice = TestUser.Member();
        var id = await AuditTests.NotifySomeoneAsync(host, "test-notify", alice.Id);
        using var client = await host.CreateClientAsAsync(alice);
        using var auditor = await host.CreateClientAsAsync(TestUser.Auditor());

        var before = await client.GetStringAsync(new Uri("/Notifications?culture=en", UriKind.Relative));
        var token = AntiforgeryToken().Match(before).Groups[1].Value;
        var posted = await client.PostAsync(new Uri("/Notifications?handler=MarkRead", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(),
            ["__RequestVerificationToken"] = token,
        }));
        var after = await client.GetStringAsync(new Uri("/Notifications?culture=en", UriKind.Relative));
        var audit = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?entityType=Notification&entityId={id}&action=page:/Notifications:MarkRead", UriKind.Relative));

        Assert.Contains("1 unread", before, StringComparison.Ordinal); // the navigation badge and the page
        Assert.Contains("Mark as read", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("0 unread", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark as read", after, StringComparison.Ordinal);
        Assert.Equal(1, audit.GetProperty("total").GetInt32());
        Assert.Equal(alice.Id, audit.GetProperty("items")[0].GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task NotificationsPage_Anonymous_IsNotShown()
    {
        using var anonymous = host.CreateAnonymousClient();

        var response = await anonymous.GetAsync(new Uri("/Notifications", UriKind.Relative));
        var home = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));

        // 401 with the test scheme; a redirect to sign-in once the accounts work provides cookies.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect });
        Assert.DoesNotContain("href=\"/Notifications\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Audit\"", home, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationTestsOnSqlite(SqliteHostFixture fixture) : NotificationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class NotificationTestsOnPostgres(PostgresHostFixture fixture) : NotificationTests(fixture.Host);
