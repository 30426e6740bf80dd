using System.Text.RegularExpressions;

namespace TechBridge.Tests.Architecture;

// One source file of the application: Path relative to src/TechBridge with '/' separators, and its text.
internal sealed record SourceFile(string Path, string Text);

// A reference to a module found in source text: the module, the part after it (Contracts, Data, a slice, a type of
// the module's root namespace) and the text that refers to it.
internal sealed record ModuleReference(string Module, string Part, string Text);

// The module rules of DESIGN.md §3 as checks over source text. Each rule is one method that returns its breaches;
// the tests run them over the repository and over deliberately broken text (proof that a rule can fail).
internal static partial class SourceRules
{
    public const string Foundation = "Directory";

    // Platform code names no module, by any spelling (TechBridge.Modules.X, Modules.X, using TechBridge.Modules).
    public static IReadOnlyList<string> PlatformReferencesNoModule(IEnumerable<SourceFile> files, ModuleMap modules) =>
        files.Where(f => f.Path.StartsWith("Platform/", StringComparison.Ordinal) && !f.Path.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => References(f, modules).Select(r => $"{f.Path} uses {r.Text}")
                .Concat(ModulesNamespace().Matches(Code(f.Text)).Select(m => $"{f.Path} uses {m.Value}")))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // The Directory is the foundation every business module builds on: it names none of them, not even their Contracts.
    public static IReadOnlyList<string> DirectoryReferencesNoBusinessModule(IEnumerable<SourceFile> files, ModuleMap modules) =>
        files.Where(f => ModuleOf(f) == Foundation)
            .SelectMany(f => References(f, modules).Where(r => r.Module != Foundation).Select(r => $"{f.Path} uses {r.Text}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    // A module reads another only through the other's Contracts namespace. Global usings (in a source file or the
    // project file) of a module's other namespaces count wherever they are: they open the module to every file.
    public static IReadOnlyList<string> ModulesReadOthersOnlyThroughContracts(IEnumerable<SourceFile> files, ModuleMap modules)
    {
        var breaches = new List<string>();
        foreach (var file in files)
        {
            var own = ModuleOf(file);
            if (own is not null)
            {
                breaches.AddRange(References(file, modules)
                    .Where(r => r.Module != own && r.Part != "Contracts")
                    .Select(r => $"{file.Path} uses {r.Text}"));
            }

            foreach (Match global in GlobalUsing().Matches(Code(file.Text)))
            {
                breaches.AddRange(References(new SourceFile(file.Path, global.Value), modules)
                    .Where(r => r.Module != own && r.Part != "Contracts")
                    .Select(r => $"{file.Path} has a global using of {r.Text}"));
            }
        }

        return breaches.Distinct(StringComparer.Ordinal).ToList();
    }

    // Page models and views use module Contracts and handlers only: never a module's Data namespace or the DbContext.
    public static IReadOnlyList<string> PagesUseContractsAndHandlersOnly(IEnumerable<SourceFile> files, ModuleMap modules)
    {
        var breaches = new List<string>();
        foreach (var file in files.Where(f => f.Path.StartsWith("Pages/", StringComparison.Ordinal)))
        {
            breaches.AddRange(References(file, modules).Where(r => r.Part == "Data").Select(r => $"{file.Path} uses {r.Text}"));
            if (DbContextName().IsMatch(Code(file.Text)))
            {
                breaches.Add($"{file.Path} uses PlatformDbContext");
            }
        }

        return breaches.Distinct(StringComparer.Ordinal).ToList();
    }

    public static string? ModuleOf(SourceFile file) =>
        file.Path.StartsWith("Modules/", StringComparison.Ordinal) ? file.Path.Split('/')[1] : null;

    // Every reference to a module in the file's code (comments left out):
    // - qualified, TechBridge.Modules.X.Part or global::TechBridge.Modules.X.Part (usings, aliases, using static);
    // - relative, Modules.X.Part (resolves from any namespace inside TechBridge);
    // - inside a module's namespace, X.Part (resolves through TechBridge.Modules), counted when Part is one of X's
    //   namespaces or root types, so that a property that happens to be called Listings is not a module.
    public static IReadOnlyList<ModuleReference> References(SourceFile file, ModuleMap modules)
    {
        var code = Code(file.Text);
        var found = new List<ModuleReference>();
        foreach (Match match in QualifiedReference().Matches(code))
        {
            var module = match.Groups["module"].Value;
            if (modules.Parts.ContainsKey(module))
            {
                found.Add(new ModuleReference(module, match.Groups["part"].Value, match.Value));
            }
        }

        if (NamespaceOf(code)?.StartsWith("TechBridge.Modules.", StringComparison.Ordinal) == true)
        {
            foreach (Match match in BareReference().Matches(code))
            {
                var module = match.Groups["module"].Value;
                var part = match.Groups["part"].Value;
                if (modules.Parts.TryGetValue(module, out var parts) && parts.Contains(part))
                {
                    found.Add(new ModuleReference(module, part, match.Value));
                }
            }
        }

        return found;
    }

    private static string? NamespaceOf(string code)
    {
        var match = NamespaceDeclaration().Match(code);
        return match.Success ? match.Groups["name"].Value : null;
    }

    // The text without comments (// to the end of a line, /* */, and Razor's @* *@); a // after ':' is a URL.
    private static string Code(string text) => LineComment().Replace(BlockComment().Replace(text, " "), "");

    [GeneratedRegex(@"(?<![\w.])(?:global::)?(?:TechBridge\.)?Modules\.(?<module>[A-Z]\w*)(?:\.(?<part>[A-Z]\w*))?")]
    private static partial Regex QualifiedReference();

    [GeneratedRegex(@"(?<![\w.])(?<module>[A-Z]\w*)\.(?<part>[A-Z]\w*)")]
    private static partial Regex BareReference();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?TechBridge\.Modules\b(?!\.)")]
    private static partial Regex ModulesNamespace();

    [GeneratedRegex(@"global\s+using[^;]*;|<Using\s+Include=""[^""]*""")]
    private static partial Regex GlobalUsing();

    [GeneratedRegex(@"^\s*namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\bPlatformDbContext\b")]
    private static partial Regex DbContextName();

    [GeneratedRegex(@"/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"(?<!:)//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}

// The modules of the application and, for each, the names its references can continue with: its namespaces (the
// folders under it) and the types of its root namespace (the files directly in it).
internal sealed class ModuleMap(IReadOnlyDictionary<string, IReadOnlySet<string>> parts)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Parts { get; } = parts;

    public static ModuleMap Read(string modulesDirectory) => new(
        Directory.EnumerateDirectories(modulesDirectory).ToDictionary(
            d => Path.GetFileName(d),
            d => (IReadOnlySet<string>)Directory.EnumerateDirectories(d).Select(Path.GetFileName)
                .Concat(Directory.EnumerateFiles(d, "*.cs").Select(Path.GetFileNameWithoutExtension))
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal));

    // For text-only tests: modules with the given parts each.
    public static ModuleMap Of(params (string Module, string[] Parts)[] modules) =>
        new(modules.ToDictionary(m => m.Module, m => (IReadOnlySet<string>)m.Parts.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));
}
