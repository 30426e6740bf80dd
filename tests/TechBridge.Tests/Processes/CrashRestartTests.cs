namespace TechBridge.Tests.Processes;

[Trait("Kind", "Process")]
public sealed class CrashRestartTests
{
    [Fact]
    public async Task App_KilledHard_RestartsOnTheSameDatabaseWithItsData()
    {
        var data = Directory.CreateTempSubdirectory("techbridge-process-").FullName;
        var environment = new Dictionary<string, string> { ["Platform__DataDirectory"] = data, ["Database__SeedDemo"] = "false" };

        await using (var first = await AppProcess.StartAsync(environment))
        {
            first.KillHard();
        }

        await using var second = await AppProcess.StartAsync(environment);
        using var http = new HttpClient();
        var home = await http.GetStringAsync(new Uri(second.BaseUrl + "/?culture=en"));

        Assert.Contains("One-stop science and technology services", home, StringComparison.Ordinal);
        Assert.Contains("/Organizations/Register", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verbs_MigrateThenImportRegions_ReportProgressAndSucceed()
    {
        var data = Directory.CreateTempSubdirectory("techbridge-verbs-").FullName;
        var environment = new Dictionary<string, string> { ["Platform__DataDirectory"] = data };

        var migrate = await AppProcess.RunVerbAsync(environment, "db", "migrate");
        var import = await AppProcess.RunVerbAsync(environment, "import", "regions", Path.Combine(AppContext.BaseDirectory, "Data", "regions", "areas.csv"));

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("areas.csv: 500/", migrate.Output, StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("imported 2978 regions", import.Output, StringComparison.Ordinal);
    }
}
