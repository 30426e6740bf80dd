using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using System.Text.RegularExpressions;

namespace TechBridge.Platform.Input;

// What the framework says when it cannot bind a request (RouteHandlerOptions.ThrowOnBadRequest makes it throw), turned
// into the error table's terms: the field as the API spells it ("serviceItems[2]", "page") and the type expected, so a
// client never reads "Failed to read parameter" and never gets a 500 for a malformed body.
internal static partial class BindingProblems
{
    public const string MalformedRule = "malformed";

    // The endpoint's body type (from its Accepts metadata) lets the expected type be read off the contract at the
    // failing JSON path: System.Text.Json names the record being built, not the property, for constructor parameters.
    public static Problem? From(BadHttpRequestException exception, HttpContext? context)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return null;
        }

        // The exception handler has cleared the request's endpoint; its feature keeps the one that failed.
        var endpoint = context?.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? context?.GetEndpoint();
        if (context is not null && exception.InnerException is JsonException json && endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } bodyType)
        {
            var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            if (TypeAt(options, bodyType, json.Path) is { } type && ConvertedTo().IsMatch(json.Message))
            {
                var field = FieldOf(json.Path);
                var violation = TypeViolation(field, type.FullName ?? type.Name, type);
                return new Problem(StatusCodes.Status400BadRequest, null, violation.Message, [violation], new Dictionary<string, object?>());
            }
        }

        return From(exception);
    }

    public static Problem? From(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
        {
            return null;
        }

        var violation = exception.InnerException is JsonException json ? FromJson(json) : FromMessage(exception.Message);
        return violation is null
            ? null
            : new Problem(StatusCodes.Status400BadRequest, null, violation.Message, [violation], new Dictionary<string, object?>());
    }

    private static Violation FromJson(JsonException json)
    {
        var field = FieldOf(json.Path);
        var target = ConvertedTo().Match(json.Message);
        if (target.Success)
        {
            return TypeViolation(field, target.Groups[1].Value);
        }

        // Truncated or otherwise unreadable JSON: where the reader stopped.
        return new Violation(field, MalformedRule, $"The body is not valid JSON at {field}" + (json.LineNumber is { } line ? $" (line {line + 1}, byte {json.BytePositionInLine + 1})." : "."));
    }

    private static Violation? FromMessage(string message)
    {
        if (BindFailed().Match(message) is { Success: true } failed)
        {
            return TypeViolation(failed.Groups["name"].Value, failed.Groups["type"].Value);
        }

        if (RequiredMissing().Match(message) is { Success: true } missing)
        {
            var field = missing.Groups["from"].Value.Equals("body", StringComparison.OrdinalIgnoreCase) ? "body" : missing.Groups["name"].Value;
            return new Violation(field, "required", $"{field} is required.");
        }

        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase))
        {
            return new Violation("body", "required", "A request body is required.");
        }

        return message.Contains("body", StringComparison.OrdinalIgnoreCase) || message.Contains("form", StringComparison.OrdinalIgnoreCase)
            ? new Violation("body", MalformedRule, "The body could not be read.")
            : null;
    }

    // "$.milestones[2].amountFen" → "milestones[2].amountFen"; "$['a b']" → "a b"; "$" → "body".
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = QuotedName().Replace(path, m => "." + m.Groups[1].Value);
        field = field.StartsWith("$.", StringComparison.Ordinal) ? field[2..] : field.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    // One rule per expected type ("expectedNumber"), so that each has its sentence in both languages; the English
    // name of the type also travels as the violation's "expected" argument.
    private static Violation TypeViolation(string field, string type, Type? clrType = null)
    {
        field = string.Join('.', field.Split('.').Select(part => part.Length > 0 && char.IsUpper(part[0]) ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(part) : part));
        var expected = clrType is null ? Expected(type) : Expected(clrType);
        return new Violation(field, TypeRules.GetValueOrDefault(expected, "expectedObject"), $"{field} must be {Article(expected)} {expected}.",
            new Dictionary<string, object> { ["expected"] = expected });
    }

    public static readonly IReadOnlyDictionary<string, string> TypeRules = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["text"] = "expectedText",
        ["whole number"] = "expectedWholeNumber",
        ["number"] = "expectedNumber",
        ["true or false"] = "expectedBoolean",
        ["date (yyyy-MM-dd)"] = "expectedDate",
        ["date and time (ISO 8601)"] = "expectedDateTime",
        ["time"] = "expectedTime",
        ["identifier (GUID)"] = "expectedId",
        ["list"] = "expectedList",
        ["object"] = "expectedObject",
    };

    private static string Expected(Type type)
    {
        type = System.Nullable.GetUnderlyingType(type) ?? type;
        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return "list";
        }

        return Expected(type.FullName ?? type.Name);
    }

    // The declared type at a JSON path ("milestones[2].amountFen") of the body's contract; null when it cannot be found.
    private static Type? TypeAt(JsonSerializerOptions options, Type root, string? path)
    {
        var field = FieldOf(path);
        if (field == "body")
        {
            return root;
        }

        var type = root;
        foreach (Match segment in PathSegment().Matches(field))
        {
            System.Text.Json.Serialization.Metadata.JsonTypeInfo info;
            try
            {
                info = options.GetTypeInfo(System.Nullable.GetUnderlyingType(type) ?? type);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
            {
                return null;
            }

            if (segment.Groups["index"].Success)
            {
                type = info.ElementType ?? (info.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable ? typeof(object) : null!);
                if (type is null)
                {
                    return null;
                }

                continue;
            }

            var name = segment.Groups["name"].Value;
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return info.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Dictionary ? info.ElementType : null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    [GeneratedRegex(@"(?<name>[^.\[\]]+)|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();

    // The expected type in a client's words: text, number, true/false, date, list, object.
    private static string Expected(string type)
    {
        type = type.TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>'))
        {
            type = type["Nullable<".Length..^1];
        }

        var name = Nullable().Match(type) is { Success: true } inner ? inner.Groups[1].Value : type;
        name = name.Split('[', '`')[0];
        var simple = name[(name.LastIndexOf('.') + 1)..];
        return simple switch
        {
            "String" or "string" or "Char" or "char" => "text",
            "Int32" or "Int64" or "Int16" or "Byte" or "UInt32" or "UInt64" or "int" or "long" or "short" => "whole number",
            "Decimal" or "Double" or "Single" or "decimal" or "double" or "float" => "number",
            "Boolean" or "bool" => "true or false",
            "DateOnly" => "date (yyyy-MM-dd)",
            "DateTime" or "DateTimeOffset" => "date and time (ISO 8601)",
            "TimeOnly" or "TimeSpan" => "time",
            "Guid" => "identifier (GUID)",
            _ when name.StartsWith("System.Collections", StringComparison.Ordinal) || type.Contains("List`", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "list",
            _ => "object",
        };
    }

    private static string Article(string expected) => expected[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";

    [GeneratedRegex(@"could not be converted to ([^\s]+?)\.? Path:", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"^Failed to bind parameter ""(?<type>[^""]+) (?<name>[^"" ]+)"" from", RegexOptions.CultureInvariant)]
    private static partial Regex BindFailed();

    [GeneratedRegex(@"^Required parameter ""(?<type>[^""]+) (?<name>[^"" ]+)"" was not provided from (?<from>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredMissing();

    [GeneratedRegex(@"\['([^']*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Nullable();
}
