namespace TechBridge.Tests.Architecture;

// DESIGN.md §3: the platform knows no module, the Directory no business module, modules talk only through their
// Contracts, pages use Contracts and handlers; types are internal unless a contract needs otherwise. Each rule runs
// over the repository's source text, and once over deliberately broken text to prove that it can fail.
public sealed class ModuleRulesTests
{
    // Page files that read a module's Data namespace or PlatformDbContext today, while their pages move to handlers
    // (issue 7, section 1). This list only shrinks: a file leaves it when its page is converted, none is ever added.
    private static readonly string[] PagesNotYetOnHandlers = [];

    private static readonly ModuleMap Sample = ModuleMap.Of(
        ("Directory", ["Contracts", "Data", "Access", "DirectoryModule"]),
        ("Listings", ["Contracts", "Data", "ManageOfferings", "ListingsModule"]),
        ("Matching", ["Contracts", "Indexing", "MatchingModule"]));

    [Fact]
    public void Platform_ReferencesNoModule() =>
        Assert.Empty(SourceRules.PlatformReferencesNoModule(Sources(), Modules()));

    [Fact]
    public void Directory_ReferencesNoBusinessModule() =>
        Assert.Empty(SourceRules.DirectoryReferencesNoBusinessModule(Sources(), Modules()));

    // Known debt, a list that only shrinks: the voucher benchmark bulk-writes delivered Engagements orders to have
    // something to pay for (bench-only code; the product reads them through IPayableItemSource).
    private static readonly string[] CrossModuleDebt = ["Modules/Vouchers/Bench/VoucherBench.cs"];

    [Fact]
    public void Modules_ReferenceOtherModules_OnlyThroughContracts()
    {
        var breaches = SourceRules.ModulesReadOthersOnlyThroughContracts(Sources(), Modules());
        var unlisted = breaches.Where(b => !CrossModuleDebt.Contains(b.Split(' ')[0])).ToList();
        Assert.True(unlisted.Count == 0, string.Join("\n", unlisted));
        Assert.Empty(CrossModuleDebt.Where(f => !breaches.Any(b => b.StartsWith(f + " ", StringComparison.Ordinal))).Select(f => $"{f} no longer breaks the rule: remove it from the list"));
    }

    [Fact]
    public void Pages_UseContractsAndHandlers_NotModuleDataOrTheDbContext()
    {
        var breaches = SourceRules.PagesUseContractsAndHandlersOnly(Sources(), Modules());
        var offenders = breaches.Select(b => b.Split(' ')[0]).Distinct(StringComparer.Ordinal).ToList();

        var unlisted = breaches.Where(b => !PagesNotYetOnHandlers.Contains(b.Split(' ')[0])).ToList();
        Assert.True(unlisted.Count == 0, string.Join("\n", unlisted));
        // A converted page leaves the list, so that the list only shrinks.
        Assert.Empty(PagesNotYetOnHandlers.Except(offenders).Select(p => $"{p} no longer breaks the rule: remove it from the list"));
    }

    [Fact]
    public void PlatformRule_ReportsEverySpellingOfAModuleReference()
    {
        string[] spellings =
        [
            "using TechBridge.Modules.Directory.Data;\nnamespace TechBridge.Platform.Persistence;",
            "namespace TechBridge.Platform.Cli;\nclass A { object B => Modules.Matching.Indexing.SearchIndexer.X; }",
            "global using TechBridge.Modules.Listings.Contracts;",
            "using TechBridge.Modules;\nnamespace TechBridge.Platform;",
            "using D = global::TechBridge.Modules.Directory.Access.X;",
        ];

        foreach (var text in spellings)
        {
            Assert.NotEmpty(SourceRules.PlatformReferencesNoModule([new("Platform/Broken.cs", text)], Sample));
        }

        Assert.Empty(SourceRules.PlatformReferencesNoModule([new("Platform/Fine.cs", "namespace TechBridge.Platform;\n// Modules.Directory is named in a comment only\n")], Sample));
    }

    [Fact]
    public void DirectoryRule_ReportsAReferenceToABusinessModule_EvenToItsContracts()
    {
        var broken = new SourceFile("Modules/Directory/Access/Broken.cs", "using TechBridge.Modules.Listings.Contracts;\nnamespace TechBridge.Modules.Directory.Access;");
        var relative = new SourceFile("Modules/Directory/Access/Relative.cs", "namespace TechBridge.Modules.Directory.Access;\nclass A { object B => Matching.Indexing.X; }");
        var own = new SourceFile("Modules/Directory/Access/Own.cs", "using TechBridge.Modules.Directory.Data;\nnamespace TechBridge.Modules.Directory.Access;");

        Assert.Single(SourceRules.DirectoryReferencesNoBusinessModule([broken], Sample));
        Assert.Single(SourceRules.DirectoryReferencesNoBusinessModule([relative], Sample));
        Assert.Empty(SourceRules.DirectoryReferencesNoBusinessModule([own], Sample));
    }

    [Fact]
    public void ContractsRule_ReportsQualifiedRelativeAndGlobalReferences()
    {
        SourceFile[] broken =
        [
            new("Modules/Listings/ManageOfferings/Qualified.cs", "using TechBridge.Modules.Directory.Data;\nnamespace TechBridge.Modules.Listings.ManageOfferings;"),
            new("Modules/Listings/ManageOfferings/Relative.cs", "namespace TechBridge.Modules.Listings.ManageOfferings;\nclass A { object B => Modules.Directory.Data.Organization.X; }"),
            new("Modules/Listings/ManageOfferings/Bare.cs", "namespace TechBridge.Modules.Listings.ManageOfferings;\nclass A { object B => Directory.Data.Organization.X; }"),
            new("Modules/Listings/ManageOfferings/Root.cs", "using TechBridge.Modules.Directory;\nnamespace TechBridge.Modules.Listings.ManageOfferings;"),
            new("GlobalUsings.cs", "global using TechBridge.Modules.Directory.Data;"),
            new("TechBridge.csproj", "<ItemGroup><Using Include=\"TechBridge.Modules.Listings.Data\" /></ItemGroup>"),
        ];

        foreach (var file in broken)
        {
            Assert.True(SourceRules.ModulesReadOthersOnlyThroughContracts([file], Sample).Count > 0, file.Path);
        }

        SourceFile[] fine =
        [
            new("Modules/Listings/ManageOfferings/Contract.cs", "using TechBridge.Modules.Directory.Contracts;\nnamespace TechBridge.Modules.Listings.ManageOfferings;"),
            new("Modules/Listings/ManageOfferings/Property.cs", "namespace TechBridge.Modules.Listings.ManageOfferings;\nclass A { object B => Listings.Count + System.IO.Directory.Exists(\"x\"); }"),
        ];
        Assert.Empty(SourceRules.ModulesReadOthersOnlyThroughContracts(fine, Sample));
    }

    [Fact]
    public void PageRule_ReportsModuleDataAndTheDbContext()
    {
        SourceFile[] broken =
        [
            new("Pages/Listings/Edit.cshtml.cs", "using TechBridge.Modules.Listings.Data;\nnamespace TechBridge.Pages.Listings;"),
            new("Pages/Listings/Index.cshtml.cs", "using TechBridge.Platform.Persistence;\nnamespace TechBridge.Pages.Listings;\nclass M(PlatformDbContext db);"),
            new("Pages/Listings/Index.cshtml", "@inject TechBridge.Platform.Persistence.PlatformDbContext Db"),
            new("Pages/Listings/Relative.cshtml.cs", "namespace TechBridge.Pages.Listings;\nclass M { object B => Modules.Directory.Data.Organization.X; }"),
        ];

        foreach (var file in broken)
        {
            Assert.True(SourceRules.PagesUseContractsAndHandlersOnly([file], Sample).Count > 0, file.Path);
        }

        var handler = new SourceFile("Pages/Listings/Fine.cshtml.cs", "using TechBridge.Modules.Listings.Contracts;\nusing TechBridge.Modules.Listings.ManageOfferings;\nnamespace TechBridge.Pages.Listings;");
        Assert.Empty(SourceRules.PagesUseContractsAndHandlersOnly([handler], Sample));
    }

    [Fact]
    public void ApplicationTypes_AreInternal_ExceptTheEntryPointMigrationsAndTagHelpers()
    {
        // Razor discovers only public tag helpers.
        var exposed = typeof(TechBridge.Platform.PlatformSetup).Assembly.GetExportedTypes()
            .Where(t => t != typeof(Program) && !(t.Namespace ?? "").Contains(".Migrations", StringComparison.Ordinal)
                && !t.IsSubclassOf(typeof(Microsoft.AspNetCore.Razor.TagHelpers.TagHelper)))
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

    private static string Application() => Path.Combine(RepositoryRoot(), "src", "TechBridge");

    private static ModuleMap Modules() => ModuleMap.Read(Path.Combine(Application(), "Modules"));

    // C# and Razor sources and the project file, without build output, packages and generated migrations.
    private static List<SourceFile> Sources()
    {
        var root = Application();
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal)
                && !p.StartsWith("node_modules/", StringComparison.Ordinal) && !p.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(root, p))))
            .ToList();
    }
}
