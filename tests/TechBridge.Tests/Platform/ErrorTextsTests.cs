using System.Text.RegularExpressions;
using TechBridge.Platform.Errors;

namespace TechBridge.Tests.Platform;

// Keeps the error catalog complete: every violation (field, rule) and every problem code the source writes as a literal
// has a text in both languages, naming the field by its label, and no text speaks the developer's language.
public sealed partial class ErrorTextsTests
{
    // Fields that reach a violation through a variable, by the file and the expression that names them: the values the
    // callers pass. A new variable field fails the scan until it is listed here (and its labels exist).
    private static readonly Dictionary<(string File, string Expression), string[]> VariableFields = new()
    {
        [("Modules/Directory/Access/Access.cs", "ActingOrganization.Header")] = ["X-Organization"],
        [("Platform/Idempotency/IdempotencyMiddleware.cs", "Header")] = ["Idempotency-Key"],
        [("Modules/Instruments/BookInstrument/BookInstrument.cs", "{at}start")] = ["start", "occurrences.start"],
        [("Modules/Instruments/BookInstrument/BookInstrument.cs", "{at}end")] = ["end", "occurrences.end"],
        [("Platform/Files/FileStore.cs", "field")] = ["file", "evidence", "evidenceSha256"],
        [("Platform/Auditing/BrowseAudit/BrowseAudit.cs", "field")] = ["from", "to", "page", "pageSize"],
        [("Modules/Matching/SearchListings/SearchListings.cs", "field")] = ["kind", "sector", "field", "industry", "recognition", "region"],
        [("Platform/Search/SearchVocabulary.cs", "field")] = ["term", "words"],
        [("Modules/Listings/Data/BudgetRange.cs", "{field}MinFen")] = ["budgetMinFen"],
        [("Modules/Listings/Data/BudgetRange.cs", "{field}MaxFen")] = ["budgetMaxFen"],
        // The input rules name whatever field a request carries; these are examples whose labels must exist.
        [("Platform/Input/InputWalker.cs", "itemField")] = ["keywords"],
        [("Platform/Input/InputFilters.cs", "field")] = ["page"],
        [("Platform/Input/BindingProblems.cs", "field")] = ["body"],
        [("Modules/TechMarket/Exchange/HistoricalColumns.cs", "field")] = ["totalFen", "nonTechnicalItems", "technologyAmountFen"],
        [("Platform/Forms/TypedAmounts.cs", "field")] = ["amountFen", "milestones.amountFen", "priceFen", "askingPriceFen", "budgetMinFen", "budgetMaxFen"],
    };

    // Proper names and units a Chinese sentence may spell in Latin letters.
    private static readonly HashSet<string> LatinInChinese = ["GB/T", "CMA", "CNAS", "TOTP", "TRL", "PDF", "PNG", "JPEG", "MB", "CSV", "UTF", "Excel"];

    internal sealed record ViolationUse(string Where, string Field, string Rule, IReadOnlySet<string> Args, bool Variable);

    [Fact]
    public void EveryViolationAndCode_WrittenInTheSource_HasTextsInBothLanguages()
    {
        var catalog = Catalog();
        var root = Path.Combine(Architecture.ModuleRulesTests.RepositoryRoot(), "src", "TechBridge");
        var findings = new List<string>();
        var uses = 0;
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !IsBuildOutput(root, p)))
        {
            var where = Path.GetRelativePath(root, path).Replace('\\', '/');
            var source = File.ReadAllText(path);
            foreach (var use in ViolationsIn(source, where))
            {
                uses++;
                findings.AddRange(Check(catalog, Expand(use)));
            }

            findings.AddRange(CodesIn(source, where).Where(c => !catalog.ContainsKey("code:" + c.Code)).Select(c => $"{c.Where}: code '{c.Code}' has no text (code:{c.Code})"));
        }

        Assert.True(uses > 150, $"The scan found only {uses} violations; has the way violations are written changed?");
        Assert.True(findings.Count == 0, "Missing or unusable error texts:\n" + string.Join("\n", findings.Distinct()));
    }

    [Fact]
    public void TheScan_FailsOnAnUnknownRule_AnUnlabelledField_AndAnUnknownCode()
    {
        const string Snippet = """
            var validation = new Validation().Required("title", request.Title).MaxLength("title", request.Title, 200);
            validation.Add("title", "noSuchRule", "A rule nobody wrote a text for.");
            validation.Add("noSuchField", "required", "A field nobody labelled.");
            throw InvalidRequestException.For("title", "maxLength", "Says how long without carrying the number.");
            throw new ConflictException("no_such_code", "A conflict nobody described.");
            """;
        var catalog = Catalog();

        var findings = ViolationsIn(Snippet, "Snippet.cs").SelectMany(use => Check(catalog, Expand(use))).ToList();
        var codes = CodesIn(Snippet, "Snippet.cs").Where(c => !catalog.ContainsKey("code:" + c.Code)).ToList();

        Assert.Equal(5, ViolationsIn(Snippet, "Snippet.cs").Count());
        Assert.Contains(findings, f => f.Contains("rule 'noSuchRule'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("field 'noSuchField'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("Snippet.cs:4", StringComparison.Ordinal) && f.Contains("{max}", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Contains("Snippet.cs:1", StringComparison.Ordinal));
        Assert.Equal("no_such_code", Assert.Single(codes).Code);
    }

    [Fact]
    public void TheScan_FailsOnAPlaceholderTheViolationDoesNotCarry()
    {
        var catalog = new Dictionary<string, ErrorText>(Catalog()) { ["rule:range@title"] = new("rule:range@title", "标题应为 1 至 {max} 个字。", "The title has 1 to {max} characters.") };
        const string Without = """validation.Add("title", "range", "Too long.");""";
        const string With = """validation.Add("title", "range", "Too long.", new Dictionary<string, object> { ["max"] = 200 });""";

        var without = ViolationsIn(Without, "Snippet.cs").SelectMany(use => Check(catalog, Expand(use))).ToList();
        var with = ViolationsIn(With, "Snippet.cs").SelectMany(use => Check(catalog, Expand(use))).ToList();

        Assert.Contains(without, f => f.Contains("{max}", StringComparison.Ordinal));
        Assert.Empty(with);
    }

    [Fact]
    public void EveryText_IsInWordsAUserKnows()
    {
        var findings = new List<string>();
        foreach (var text in Catalog().Values)
        {
            findings.AddRange(Unusable(text.Key, "zh", text.Chinese, chinese: true));
            findings.AddRange(Unusable(text.Key, "en", text.English, chinese: false));
        }

        Assert.True(findings.Count == 0, "Texts a user would not understand:\n" + string.Join("\n", findings));
    }

    [Theory]
    [InlineData("金额须按 fen 填写。")]
    [InlineData("请调用 /api/v1/files 上传。")]
    [InlineData("请填写 amountFen。")]
    [InlineData("请填写 legal name。")]
    [InlineData("Send it to /api/v1/files.")]
    [InlineData("The amount is in fen.")]
    [InlineData("contactPhone is required.")]
    [InlineData("See code duplicate_credit_code.")]
    public void TheTextCheck_CatchesDevelopersWords(string sentence)
    {
        var chinese = sentence.Any(IsCjk);

        Assert.NotEmpty(Unusable("rule:sample", chinese ? "zh" : "en", sentence, chinese));
    }

    internal static Dictionary<string, ErrorText> Catalog()
    {
        var sources = typeof(ErrorTexts).Assembly.GetTypes()
            .Where(t => typeof(IErrorTextSource).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IErrorTextSource)Activator.CreateInstance(t)!)
            .ToList();
        _ = new ErrorTexts(sources); // throws when two sources claim the same key
        return sources.SelectMany(s => s.Texts).ToDictionary(t => t.Key, StringComparer.Ordinal);
    }

    // Every violation the source writes: Validation.Add, InvalidRequestException.For, new Violation, and the
    // Required/MaxLength shorthands. Args are the keys of a dictionary written in the same statement.
    internal static IEnumerable<ViolationUse> ViolationsIn(string source, string where)
    {
        foreach (Match match in ViolationCall().Matches(source))
        {
            var rule = match.Groups["shorthand"].Success ? (match.Groups["shorthand"].Value == "Required" ? "required" : "maxLength") : match.Groups["rule"].Value;
            var statement = source[match.Index..StatementEnd(source, match.Index)];
            var args = match.Groups["shorthand"].Value == "MaxLength"
                ? new HashSet<string> { "max" }
                : ArgKey().Matches(statement).Select(m => m.Groups[1].Value).ToHashSet();
            var line = source.AsSpan(0, match.Index).Count('\n') + 1;
            var expression = match.Groups["field"].Value;
            var literal = expression.StartsWith('"') || expression.StartsWith("$\"", StringComparison.Ordinal);
            var field = literal ? Indexer().Replace(expression.TrimStart('$').Trim('"'), "") : expression;
            yield return new ViolationUse($"{where}:{line}", field, rule, args, !literal || field.Contains('{', StringComparison.Ordinal));
        }
    }

    internal static IEnumerable<(string Where, string Code)> CodesIn(string source, string where) =>
        CodedProblem().Matches(source).Select(m => ($"{where}:{source.AsSpan(0, m.Index).Count('\n') + 1}", m.Groups["code"].Value));

    // A variable field stands for the values its callers pass; an unlisted one is itself a finding.
    private static IEnumerable<ViolationUse> Expand(ViolationUse use)
    {
        if (!use.Variable)
        {
            return [use];
        }

        var file = use.Where[..use.Where.LastIndexOf(':')];
        return VariableFields.TryGetValue((file, use.Field), out var values)
            ? values.Select(v => use with { Field = v, Variable = false })
            : [use];
    }

    private static IEnumerable<string> Check(Dictionary<string, ErrorText> catalog, IEnumerable<ViolationUse> uses)
    {
        foreach (var use in uses)
        {
            if (use.Variable)
            {
                yield return $"{use.Where}: field '{use.Field}' ({use.Rule}) is named through a variable; list its values in ErrorTextsTests.VariableFields";
                continue;
            }

            var candidates = Candidates(use.Field).ToList();
            if (!candidates.Any(f => catalog.ContainsKey("field:" + f)))
            {
                yield return $"{use.Where}: field '{use.Field}' has no label (field:{candidates[0]})";
            }

            var template = candidates.Select(f => $"rule:{use.Rule}@{f}").Append($"rule:{use.Rule}").Select(catalog.GetValueOrDefault).FirstOrDefault(t => t is not null);
            if (template is null)
            {
                yield return $"{use.Where}: rule '{use.Rule}' of field '{use.Field}' has no text (rule:{use.Rule} or rule:{use.Rule}@{candidates[0]})";
                continue;
            }

            foreach (var missing in new[] { template.Chinese, template.English }
                .SelectMany(t => Placeholder().Matches(t).Select(m => m.Groups[1].Value))
                .Where(p => p != "field" && !use.Args.Contains(p)).Distinct())
            {
                yield return $"{use.Where}: '{use.Field}' ({use.Rule}) uses {template.Key}, whose {{{missing}}} the violation does not carry; add it to the violation's args";
            }
        }
    }

    // As ErrorTexts looks a field up: "milestones[2].amountFen" → "milestones.amountFen", then "amountFen".
    private static IEnumerable<string> Candidates(string field)
    {
        yield return field;
        var dot = field.LastIndexOf('.');
        if (dot >= 0)
        {
            yield return field[(dot + 1)..];
        }
    }

    private static IEnumerable<string> Unusable(string key, string language, string text, bool chinese)
    {
        var plain = Placeholder().Replace(text, "");
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return $"{key} ({language}) is empty";
        }

        if (plain.Contains("/api", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{key} ({language}) names an API path: {text}";
        }

        if (Fen().IsMatch(plain))
        {
            yield return $"{key} ({language}) names a storage unit (fen): {text}";
        }

        if (CamelCase().Match(plain) is { Success: true } camel)
        {
            yield return $"{key} ({language}) contains the property name '{camel.Value}': {text}";
        }

        if (SnakeCase().Match(plain) is { Success: true } code)
        {
            yield return $"{key} ({language}) contains the raw code '{code.Value}': {text}";
        }

        if (Jargon().Match(plain) is { Success: true } jargon)
        {
            yield return $"{key} ({language}) speaks HTTP: '{jargon.Value}': {text}";
        }

        if (chinese)
        {
            if (!plain.Any(IsCjk))
            {
                yield return $"{key} (zh) is not Chinese: {text}";
            }

            foreach (var word in LatinWord().Matches(plain).Select(m => m.Value).Where(w => !LatinInChinese.Contains(w)))
            {
                yield return $"{key} (zh) contains the English word '{word}': {text}";
            }
        }
        else if (plain.Any(IsCjk))
        {
            yield return $"{key} (en) contains Chinese: {text}";
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    // The statement a match belongs to ends at the first ';' that ends a line.
    private static int StatementEnd(string source, int start)
    {
        var end = StatementTerminator().Match(source, start);
        return end.Success ? end.Index : source.Length;
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        // Problems.cs defines the Required/MaxLength shorthands; they are checked where they are called.
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
            || relative == "Platform/Errors/Problems.cs";
    }

    private const string Field = @"(?<field>\$?""[^""\n]*""|[A-Za-z_][\w.]*)";

    [GeneratedRegex(@"(?:\.Add\(\s*" + Field + @"\s*,\s*""(?<rule>[A-Za-z][\w-]*)""\s*,|\bFor\(\s*" + Field + @"\s*,\s*""(?<rule>[A-Za-z][\w-]*)""\s*,|new Violation\(\s*" + Field + @"\s*,\s*""(?<rule>[A-Za-z][\w-]*)""|\.(?<shorthand>Required|MaxLength)\(\s*" + Field + @"\s*,)")]
    private static partial Regex ViolationCall();

    [GeneratedRegex(@"new \w*(?:Conflict|Credentials|Problem)\w*Exception\(\s*""(?<code>[a-z][a-z0-9_]*)""\s*,")]
    private static partial Regex CodedProblem();

    [GeneratedRegex(@"\[\s*""(\w+)""\s*\]\s*=")]
    private static partial Regex ArgKey();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Indexer();

    [GeneratedRegex(@";[ \t]*(?:\r?\n|$)")]
    private static partial Regex StatementTerminator();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"(?<![A-Za-z])fen(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Fen();

    [GeneratedRegex(@"(?<![A-Za-z])[a-z]+[A-Z][A-Za-z]*")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[a-z0-9]+_[a-z0-9_]+")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"(?<![A-Za-z])(?:HTTP|JSON|GUID|UUID|header|payload|sha256|null|multipart)(?![A-Za-z])", RegexOptions.IgnoreCase)]
    private static partial Regex Jargon();

    [GeneratedRegex(@"[A-Za-z]+(?:/[A-Za-z]+)?")]
    private static partial Regex LatinWord();
}
