namespace TechBridge.Tests.Processes;

// An operator who starts the platform wrongly reads one line that says what to do, and the exit code says it failed;
// the tools that need no database run from the build as it is, in Production, with no configuration.
[Trait("Kind", "Process")]
public sealed class StartupFailureTests
{
    private static readonly string CslSlice = Path.Combine(AppContext.BaseDirectory, "Platform", "Search", "CslSlice");

    [Fact]
    public async Task Production_WithoutADatabase_SaysWhatToSet()
    {
        var (exitCode, output) = await AppProcess.RunVerbAsync(Production());

        AssertOneLineFailure(exitCode, output, "ConnectionStrings__Platform");
    }

    [Fact]
    public async Task Production_OnADatabaseNeverMigrated_SaysToMigrateFirst()
    {
        var data = Directory.CreateTempSubdirectory("techbridge-unmigrated-").FullName;
        var environment = Production();
        environment["ConnectionStrings__Platform"] = $"Data Source={Path.Combine(data, "empty.db")}";

        var (exitCode, output) = await AppProcess.RunVerbAsync(environment);

        AssertOneLineFailure(exitCode, output, "db migrate");
    }

    [Fact]
    public async Task DataDirectoryThatCannotBeWritten_SaysToChooseAnother()
    {
        var (exitCode, output) = await AppProcess.RunVerbAsync(new Dictionary<string, string> { ["Platform__DataDirectory"] = "/proc/techbridge-data" });

        AssertOneLineFailure(exitCode, output, "--Platform:DataDirectory");
    }

    [Fact]
    public async Task PortInUse_SaysToChooseAnother()
    {
        var data = Directory.CreateTempSubdirectory("techbridge-port-").FullName;
        var environment = new Dictionary<string, string> { ["Platform__DataDirectory"] = data, ["Database__SeedDemo"] = "false" };
        await using var first = await AppProcess.StartAsync(environment);

        var (exitCode, output) = await AppProcess.RunVerbAsync(environment, $"--urls={first.BaseUrl}");

        AssertOneLineFailure(exitCode, output, "already in use");
    }

    [Fact]
    public async Task Help_WithNoConfigurationAtAll_ListsTheVerbs()
    {
        var (exitCode, output) = await AppProcess.RunVerbAsync(Production(), "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("db migrate", output, StringComparison.Ordinal);
        Assert.Contains("search-eval", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchEval_InProductionWithNoDatabase_WritesTheRunAndTheFigures()
    {
        var run = Path.Combine(Directory.CreateTempSubdirectory("techbridge-eval-").FullName, "run.tsv");

        var (exitCode, output) = await AppProcess.RunVerbAsync(Production(), "search-eval",
            "--corpus", Path.Combine(CslSlice, "corpus.jsonl"), "--queries", Path.Combine(CslSlice, "queries-title.jsonl"),
            "--out", run, "--qrels", Path.Combine(CslSlice, "qrels.tsv"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("nDCG@10", output, StringComparison.Ordinal);
        Assert.True(File.Exists(run));
    }

    private static Dictionary<string, string> Production() => new() { ["ASPNETCORE_ENVIRONMENT"] = "Production" };

    private static void AssertOneLineFailure(int exitCode, string output, string advice)
    {
        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.StartsWith("techbridge: ", StringComparison.Ordinal));
        Assert.Contains(advice, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }
}
