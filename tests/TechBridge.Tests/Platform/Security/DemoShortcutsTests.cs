using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: the demo shortcuts (TOTP waived for demo admins, the test clock) exist in Development and Testing only; a
// Staging deployment with demo data behaves like Production. The test clock refuses steps that are not a forward move.
public sealed class DemoShortcutsTests
{
    [Fact]
    public async Task Staging_WithDemoData_RefusesTheTotpWaiverAndTheTestClock()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string> { ["environment"] = "Staging" });
        using var client = host.CreateAnonymousClient();

        var admin = await AccountTestKit.RequestTokenAsync(client, "admin.hebei", AppHost.DemoPassword);
        var clock = await client.PostAsJsonAsync(new Uri("/api/v1/test/clock/advance", UriKind.Relative), new { hours = 1 });
        var enterprise = await AccountTestKit.RequestTokenAsync(client, "enterprise.demo", AppHost.DemoPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        Assert.Equal("totp_enrolment_required", await AccountTestKit.ProblemCodeAsync(admin));
        Assert.Equal(HttpStatusCode.NotFound, clock.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enterprise.StatusCode);
    }

    [Fact]
    public async Task TestClock_StepThatIsNotAForwardMove_Is400NamingHours()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite);
        using var client = host.CreateAnonymousClient();

        foreach (var body in new[] { "{\"hours\":-5}", "{\"hours\":0}", "{\"hours\":1e12}" })
        {
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            var response = await client.PostAsync(new Uri("/api/v1/test/clock/advance", UriKind.Relative), content);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode}");
            Assert.Contains("hours", text, StringComparison.Ordinal);
        }
    }
}
