using System.Text.Json;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Platform.Notifications;

// What a notification says, in English with {name} placeholders. The English texts are UI-text keys (their Chinese
// is in UiText.zh-CN.resx), so a notification is rendered in the reader's language when it is read, whatever the
// sender's. Labels names the parameters that hold a status or reason code, shown as words ("agreed" → 已达成合作).
internal sealed record NotificationTemplate(string Key, string Title, string Body, params string[] Labels);

// The templates every module registered (AddNotificationTemplates), by key.
internal sealed class NotificationTemplates(IEnumerable<NotificationTemplateSet> sets)
{
    private readonly Dictionary<string, NotificationTemplate> byKey = sets.SelectMany(s => s.Templates)
        .GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public IEnumerable<NotificationTemplate> All => byKey.Values;

    public NotificationTemplate? Find(string key) => byKey.GetValueOrDefault(key);

    // The template in the localizer's language. A template that is gone (a renamed key) or a row written before
    // templates existed keeps the words it was stored with.
    public (string Title, string Body) Render(IStringLocalizer t, string key, string? parameters, string storedTitle, string storedBody)
    {
        if (parameters is null || Find(key) is not { } template)
        {
            return (storedTitle, storedBody);
        }

        var values = Parse(parameters);
        return (Fill(t[template.Title].Value, template, values, t), Fill(t[template.Body].Value, template, values, t));
    }

    public static string Fill(string text, NotificationTemplate template, IReadOnlyDictionary<string, string> values, IStringLocalizer? t)
    {
        foreach (var (name, value) in values)
        {
            var shown = t is not null && template.Labels.Contains(name) ? t.Label(value) : value;
            text = text.Replace("{" + name + "}", shown, StringComparison.Ordinal);
        }

        return text;
    }

    public static string Serialize(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    private static Dictionary<string, string> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

internal sealed record NotificationTemplateSet(IReadOnlyList<NotificationTemplate> Templates);

internal static class NotificationTemplateRegistration
{
    public static IServiceCollection AddNotificationTemplates(this IServiceCollection services, params NotificationTemplate[] templates)
    {
        services.AddSingleton(new NotificationTemplateSet(templates));
        return services;
    }
}
