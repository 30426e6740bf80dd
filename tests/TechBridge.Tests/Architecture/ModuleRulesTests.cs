using System.Text.RegularExpressions;

namespace TechBridge.Tests.Architecture;

// DESIGN.md §3: modules talk only through their Contracts; types are internal unless a contract needs otherwise.
public sealed partial class ModuleRulesTests
{
    [Fact]
    public void Modules_ReferenceOtherModules_OnlyThroughContracts()
    {
        var modules = Path.Combine(RepositoryRoot(), "src", "TechBridge", "Modules");
        var breaches = new List<string>();
        foreach (var file in Directory.EnumerateFiles(modules, "*.cs*", SearchOption.AllDirectories))
        {
            var module = Path.GetRelativePath(modules, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match match in ModuleReference().Matches(File.ReadAllText(file)))
            {
                var target = match.Groups["module"].Value;
                if (target != module && match.Groups["part"].Value != "Contracts")
                {
                    breaches.Add($"{Path.GetRelativePath(modules, file)} uses {match.Value}");
                }
            }
        }

        Assert.Empty(breaches);
    }

    [Fact]
    public void ApplicationTypes_AreInternal_ExceptTheEntryPointAndMigrations()
    {
        // Tag helpers too: Razor finds only public ones.
        var exposed = typeof(TechBridge.Platform.PlatformSetup).Assembly.GetExportedTypes()
            .Where(t => t != typeof(Program) && !(t.Namespace ?? "").Contains(".Migrations", StringComparison.Ordinal))
            .Where(t => !typeof(Microsoft.AspNetCore.Razor.TagHelpers.ITagHelper).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(exposed);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TechBridge.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TechBridge.slnx not found above the test output");
    }

    [GeneratedRegex(@"TechBridge\.Modules\.(?<module>\w+)\.(?<part>\w+)")]
    private static partial Regex ModuleReference();
}
