using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TechBridge.Platform.Errors;

// One text of the error catalog in both languages. Keys:
//   field:{name}          the label of a field as a user sees it on the form ("field:title" → 标题 / Title)
//   rule:{rule}           what a broken rule means, with {field} and the violation's args as placeholders
//   rule:{rule}@{field}   the same for one field, where the general sentence would not say it well
//   code:{code}           a coded problem (a 409 conflict, a refused credential) in words
internal sealed record ErrorText(string Key, string Chinese, string English);

// Each module contributes the texts of its own fields, rules and conflict codes (services.AddErrorTexts<T>()).
internal interface IErrorTextSource
{
    IEnumerable<ErrorText> Texts { get; }
}

// Turns the machine-readable part of a problem (field, rule, code) into a sentence in the reader's language, naming the
// field by its label — never an API path, a storage unit or a property name.
internal sealed partial class ErrorTexts
{
    private readonly FrozenDictionary<string, ErrorText> texts;

    public ErrorTexts(IEnumerable<IErrorTextSource> sources)
    {
        var all = new Dictionary<string, ErrorText>(StringComparer.Ordinal);
        foreach (var text in sources.SelectMany(s => s.Texts))
        {
            if (!all.TryAdd(text.Key, text))
            {
                throw new InvalidOperationException($"The error text '{text.Key}' is defined twice; each rule has one home.");
            }
        }

        texts = all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool Has(string key) => texts.ContainsKey(key);

    public IEnumerable<string> Keys => texts.Keys;

    private static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public string FieldLabel(string field)
    {
        foreach (var candidate in FieldCandidates(field))
        {
            if (texts.TryGetValue("field:" + candidate, out var text))
            {
                return Pick(text);
            }
        }

        return Chinese ? "此项" : "This field";
    }

    public string Describe(Violation violation)
    {
        var template = FieldCandidates(violation.Field).Select(f => $"rule:{violation.Rule}@{f}").Append($"rule:{violation.Rule}")
            .Select(key => texts.GetValueOrDefault(key))
            .FirstOrDefault(t => t is not null);
        var sentence = template is null ? (Chinese ? "{field}填写有误，请检查。" : "{field} is not valid; please check it.") : Pick(template);
        return Fill(sentence, violation.Field, violation.Args);
    }

    public string Describe(Problem problem) => problem switch
    {
        { Violations.Count: > 0 } => string.Join(Chinese ? "；" : "; ", problem.Violations.Select(Describe)),
        { Code: { } code } when texts.TryGetValue("code:" + code, out var text) => Pick(text),
        _ => StatusSentence(problem.Status),
    };

    public static string StatusSentence(int status) => (status, Chinese) switch
    {
        (400, true) => "提交的内容有误，请检查后重试。",
        (400, false) => "Something in the request is not valid; please check it and try again.",
        (401, true) => "请先登录。",
        (401, false) => "Please sign in first.",
        (403, true) => "您没有执行此操作的权限。",
        (403, false) => "You are not allowed to do this.",
        (404, true) => "找不到您要的内容：它可能已被删除，或您无权查看。",
        (404, false) => "What you asked for was not found: it may have been removed, or you may not be allowed to see it.",
        (409, true) => "该事项已被他人或在其他窗口中更改，此操作已不适用。请刷新后再试。",
        (409, false) => "This item has changed in the meantime and the action no longer applies. Reload and try again.",
        (413, true) => "上传的内容过大。",
        (413, false) => "What you sent is too large.",
        (422, true) => "同一请求编号被用于不同的内容。",
        (422, false) => "The same request key was used for a different request.",
        (429, true) => "操作过于频繁，请稍后再试。",
        (429, false) => "Too many requests; please wait a moment and try again.",
        (503, true) => "系统正忙，请稍后重试。",
        (503, false) => "The system is busy; please try again shortly.",
        (_, true) => "系统出现错误，您的操作没有完成。请稍后重试。",
        (_, false) => "Something went wrong and your action was not completed. Please try again later.",
    };

    private static string Pick(ErrorText text) => Chinese ? text.Chinese : text.English;

    private string Fill(string sentence, string field, IReadOnlyDictionary<string, object>? args) =>
        Placeholder().Replace(sentence, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "field")
            {
                return FieldLabel(field);
            }

            return args is not null && args.TryGetValue(name, out var value)
                ? Convert.ToString(value, CultureInfo.CurrentCulture) ?? ""
                : match.Value;
        });

    // "milestones[2].amountFen" is looked up as "milestones.amountFen", then "amountFen".
    private static IEnumerable<string> FieldCandidates(string field)
    {
        var plain = Index().Replace(field, "");
        yield return plain;
        var dot = plain.LastIndexOf('.');
        if (dot >= 0)
        {
            yield return plain[(dot + 1)..];
        }
    }

    [GeneratedRegex(@"\[\d*\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

internal static class ErrorTextsSetup
{
    public static IServiceCollection AddErrorTexts<TSource>(this IServiceCollection services)
        where TSource : class, IErrorTextSource
    {
        services.AddSingleton<IErrorTextSource, TSource>();
        return services;
    }
}
