using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TechBridge.Platform.Input;

// Walks what the framework bound (a request record, a list, a query value) by the API's JSON contract, so that every
// violation names the field as the API spells it ("milestones[2].title"), and collects every broken input rule:
// - text that breaks the TextRule;
// - null inside a list ("serviceItems[2]"): a list never carries holes;
// - null where the contract says the property is not nullable ("milestones").
// Rules that need the domain (ranges, caps) stay in the handlers; this is the part every field shares.
internal sealed class InputWalker(JsonSerializerOptions json)
{
    private const int MaxDepth = 16;
    private const int MaxViolations = 50;

    private readonly List<Violation> violations = [];

    public IReadOnlyList<Violation> Violations => violations;

    public void Walk(string field, object? value, Type declaredType, bool multiLine, bool nullable) =>
        Visit(field, value, declaredType, multiLine, nullable, 0);

    private void Visit(string field, object? value, Type declaredType, bool multiLine, bool nullable, int depth)
    {
        if (violations.Count >= MaxViolations || depth > MaxDepth)
        {
            return;
        }

        if (value is null)
        {
            if (!nullable)
            {
                violations.Add(new Violation(field.Length == 0 ? "body" : field, "required", $"{(field.Length == 0 ? "body" : field)} is required."));
            }

            return;
        }

        switch (value)
        {
            case string text:
                if (TextRule.Check(field, text, multiLine) is { } violation)
                {
                    violations.Add(violation);
                }

                return;
            case IFormFile or Stream or JsonElement or JsonDocument:
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan))
        {
            return;
        }

        JsonTypeInfo info;
        try
        {
            info = json.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return;
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable when value is IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var itemField = $"{field}[{index}]";
                    if (item is null)
                    {
                        violations.Add(new Violation(itemField, "nullItem", $"{itemField} is null; a list cannot hold empty entries."));
                    }
                    else
                    {
                        Visit(itemField, item, item.GetType(), multiLine, nullable: true, depth + 1);
                    }

                    index++;
                }

                return;
            case JsonTypeInfoKind.Dictionary when value is IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    var entryField = Join(field, key);
                    if (TextRule.Check(entryField, key, multiLine: false) is { } keyViolation)
                    {
                        violations.Add(keyViolation);
                    }

                    Visit(entryField, entry.Value, entry.Value?.GetType() ?? typeof(object), multiLine, nullable: true, depth + 1);
                }

                return;
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.Get is not { } get)
                    {
                        continue;
                    }

                    var name = Join(field, property.Name);
                    var member = property.AttributeProvider as MemberInfo;
                    Visit(name, get(value), property.PropertyType, IsMultiLine(name, member, type), property.IsSetNullable || property.IsGetNullable, depth + 1);
                }

                return;
        }
    }

    private static string Join(string field, string name) => field.Length == 0 ? name : $"{field}.{name}";

    // [MultiLine] on the property, or on the positional record parameter of the same name, or a prose name.
    public static bool IsMultiLine(string field, MemberInfo? member, Type? declaringType)
    {
        if (member?.IsDefined(typeof(MultiLineAttribute), inherit: true) == true)
        {
            return true;
        }

        if (member is not null && declaringType is not null)
        {
            foreach (var constructor in declaringType.GetConstructors())
            {
                if (constructor.GetParameters().Any(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase) && p.IsDefined(typeof(MultiLineAttribute), inherit: true)))
                {
                    return true;
                }
            }
        }

        return TextRule.IsProseName(field);
    }
}
