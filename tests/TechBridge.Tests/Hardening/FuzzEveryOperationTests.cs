using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TechBridge.Platform.Auditing;
using Xunit.Abstractions;

namespace TechBridge.Tests.Hardening;

// Standing fuzz test (issue 8): every mutating operation in the OpenAPI document with a JSON body gets a generated set
// of bad bodies — a wrong type for each property, null in each list, long overflow in each integer, control
// characters and 20,000-character strings in each text, truncated JSON — sent as the first of a few demo users whose
// call gets past authorization. No answer is a 5xx; every 400 names a field; a refused call leaves no audit record of
// its operation (nothing changed). A new operation is covered without a line here. And every list (GET) with numeric
// query parameters meets ?param=2147483647 and ?param=abc, with text parameters a NUL.
public abstract class FuzzEveryOperationTests(AppHost host, ITestOutputHelper output)
{
    private static readonly string[] MutatingMethods = ["post", "put", "patch", "delete"];

    // Who calls: the first whose probe passes authorization (a 400 for a malformed body rather than 401/403).
    private static readonly string[] Callers = ["enterprise.demo", "provider.demo", "admin.hebei", "broker.demo", "sysadmin.demo"];

    // Enough to touch every property of a large request at least once, small enough to keep the suite quick.
    private const int MaxCasesPerOperation = 48;

    [Fact]
    public async Task EveryMutatingOperation_WithBadBodies_NeverAnswers5xx_Names400Fields_AndChangesNothing()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var findings = new List<string>();
        var operations = 0;
        var cases = 0;
        foreach (var (path, methods) in (JsonObject)document["paths"]!)
        {
            foreach (var (method, operation) in (JsonObject)methods!)
            {
                if (!MutatingMethods.Contains(method) || operation!["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
                {
                    continue;
                }

                operations++;
                var operationId = operation["operationId"]?.GetValue<string>() ?? $"{method} {path}";
                var url = await ResolvePathAsync(path);
                var bodies = BadBodies(schema, schemas).Take(MaxCasesPerOperation).ToList();
                var caller = await CallerAsync(method, url);
                if (caller is null)
                {
                    output.WriteLine($"{operationId}: no demo caller gets past authorization; fuzzed anonymously");
                }

                using var client = caller is null ? host.CreateAnonymousClient() : await host.CreateClientForAsync(caller);
                client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
                foreach (var (label, body) in bodies)
                {
                    cases++;
                    var mark = await AuditMarkAsync();
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative))
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    using var response = await client.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    var where = $"{operationId} ({method.ToUpperInvariant()} {url}) with {label}";
                    if (status >= 500)
                    {
                        findings.Add($"{where}: {status} {Short(text)}");
                        continue;
                    }

                    if (status == 400 && !NamesAField(text))
                    {
                        findings.Add($"{where}: 400 without a field: {Short(text)}");
                    }

                    if (status is >= 200 and < 300)
                    {
                        findings.Add($"{where}: accepted ({status}) {Short(text)}");
                        continue;
                    }

                    var appended = await host.WithDbAsync(db => db.Set<AuditRecord>().CountAsync(r => r.Id > mark && r.Action == operationId));
                    if (appended > 0)
                    {
                        findings.Add($"{where}: refused with {status} but {appended} audit record(s) of the operation were written");
                    }
                }
            }
        }

        output.WriteLine($"{operations} operations, {cases} bad bodies");
        Assert.True(operations > 20, $"Only {operations} operations with a JSON body were found; has the document changed?");
        Assert.True(findings.Count == 0, $"{findings.Count} of {cases} bad bodies were mishandled:\n" + string.Join("\n", findings.Take(80)));
    }

    [Fact]
    public async Task EveryListOperation_WithOutOfRangeOrMalformedQueryValues_NeverAnswers5xx_AndNames400Fields()
    {
        var document = await DocumentAsync();
        var findings = new List<string>();
        var cases = 0;
        using var client = await host.CreateClientForAsync("admin.hebei");
        foreach (var (path, methods) in (JsonObject)document["paths"]!)
        {
            if (methods!["get"] is not { } operation || operation["parameters"] is not JsonArray parameters)
            {
                continue;
            }

            var url = await ResolvePathAsync(path);
            foreach (var parameter in parameters.Where(p => p?["in"]?.GetValue<string>() == "query"))
            {
                var name = parameter!["name"]!.GetValue<string>();
                var types = TypesOf(parameter["schema"]);
                string[] values = types.Contains("integer") || types.Contains("number") ? ["2147483647", "-2147483648", "abc", "99999999999999999999"] : ["a%00b", "%E2%80%AE"];
                foreach (var value in values)
                {
                    cases++;
                    var target = $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Uri.EscapeDataString(name)}={value}";
                    using var response = await client.GetAsync(new Uri(target, UriKind.Relative));
                    var text = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true ? await response.Content.ReadAsStringAsync() : "";
                    if ((int)response.StatusCode >= 500)
                    {
                        findings.Add($"GET {target}: {(int)response.StatusCode} {Short(text)}");
                    }
                    else if (response.StatusCode == HttpStatusCode.BadRequest && !NamesAField(text))
                    {
                        findings.Add($"GET {target}: 400 without a field: {Short(text)}");
                    }
                }
            }
        }

        output.WriteLine($"{cases} query values");
        Assert.True(cases > 20, $"Only {cases} query cases; has the document changed?");
        Assert.True(findings.Count == 0, string.Join("\n", findings.Take(80)));
    }

    private async Task<JsonObject> DocumentAsync()
    {
        using var anonymous = host.CreateAnonymousClient();
        return (JsonObject)JsonNode.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
    }

    private Task<long> AuditMarkAsync() => host.WithDbAsync(async db => await db.Set<AuditRecord>().MaxAsync(r => (long?)r.Id) ?? 0);

    private async Task<string?> CallerAsync(string method, string url)
    {
        foreach (var caller in Callers)
        {
            using var client = await host.CreateClientForAsync(caller);
            using var probe = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url, UriKind.Relative))
            {
                Content = new StringContent("{", Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(probe);
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
            {
                return caller;
            }
        }

        return null;
    }

    // Path parameters: an id of an existing item where the collection above lists one (so that rules the handler checks
    // after loading the item are reached too), else a fresh id.
    private readonly Dictionary<string, string> resolved = new(StringComparer.Ordinal);

    private async Task<string> ResolvePathAsync(string path)
    {
        var result = new StringBuilder();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (i > 0)
            {
                result.Append('/');
            }

            if (!segment.StartsWith('{'))
            {
                result.Append(segment);
                continue;
            }

            var collection = result.ToString().TrimEnd('/');
            if (!resolved.TryGetValue(collection, out var id))
            {
                id = await FirstIdAsync(collection) ?? (segment.Contains("sha256", StringComparison.OrdinalIgnoreCase) ? new string('0', 64) : Guid.NewGuid().ToString());
                resolved[collection] = id;
            }

            result.Append(id);
        }

        return result.ToString();
    }

    private async Task<string?> FirstIdAsync(string collection)
    {
        try
        {
            using var client = await host.CreateClientForAsync("admin.hebei");
            using var response = await client.GetAsync(new Uri(collection, UriKind.Relative));
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
            {
                return null;
            }

            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var first = json is JsonArray array ? array.FirstOrDefault() : (json?["items"] as JsonArray)?.FirstOrDefault();
            return first?["id"]?.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The bad bodies of one request schema, labelled by what is wrong and where.
    private static IEnumerable<(string Label, string Body)> BadBodies(JsonNode schema, JsonObject schemas)
    {
        var sample = Sample(schema, schemas, 0);
        var sampleText = sample?.ToJsonString() ?? "{}";
        yield return ("truncated JSON", sampleText[..Math.Max(1, sampleText.Length / 2)]);
        yield return ("a lone brace", "{");
        yield return ("a list for the body", "[1]");
        // Every number at long.MaxValue at once, lists of two: sums of amounts overflow.
        if (sampleText.Any(char.IsAsciiDigit) && AllNumbers(sample?.DeepClone())?.ToJsonString() is { } huge && huge.Contains(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            yield return ("every number at long.MaxValue", huge);
        }
        foreach (var (label, body) in Mutations(schema, schemas, sample, []))
        {
            yield return (label, body);
        }
    }

    private static IEnumerable<(string Label, string Body)> Mutations(JsonNode schema, JsonObject schemas, JsonNode? root, List<object> path)
    {
        var resolvedSchema = Resolve(schema, schemas);
        if (path.Count > 3 || resolvedSchema["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (name, property) in properties)
        {
            var here = new List<object>(path) { name };
            var propertySchema = Resolve(property!, schemas);
            var types = TypesOf(propertySchema);
            var where = string.Join('.', here.Select(p => p is int i ? $"[{i}]" : p.ToString())).Replace(".[", "[", StringComparison.Ordinal);
            foreach (var (what, value) in BadValues(types, propertySchema, schemas))
            {
                yield return ($"{what} in {where}", With(root, here, value));
            }

            if (types.Contains("array") && propertySchema["items"] is { } items)
            {
                var itemSchema = Resolve(items, schemas);
                if (itemSchema["properties"] is not null)
                {
                    foreach (var nested in Mutations(itemSchema, schemas, root, [.. here, 0]))
                    {
                        yield return nested;
                    }
                }
            }
            else if (propertySchema["properties"] is not null)
            {
                foreach (var nested in Mutations(propertySchema, schemas, root, here))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<(string What, JsonNode? Value)> BadValues(HashSet<string> types, JsonNode schema, JsonObject schemas)
    {
        if (types.Contains("array"))
        {
            yield return ("null inside the list", new JsonArray(null, Sample(schema["items"], schemas, 1)));
            yield return ("an object for a list", new JsonObject { ["x"] = 1 });
        }
        else if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("long.MaxValue", JsonValue.Create(long.MaxValue));
            yield return ("a number beyond long", JsonNode.Parse("99999999999999999999999"));
            yield return ("true for a number", JsonValue.Create(true));
        }
        else if (types.Contains("boolean"))
        {
            yield return ("text for true/false", JsonValue.Create("maybe"));
        }
        else if (types.Contains("string"))
        {
            yield return ("a number for text", JsonValue.Create(12345));
            yield return ("NUL", JsonValue.Create("甲\u0000乙"));
            yield return ("ESC and BEL", JsonValue.Create("\u001b[31m\u0007"));
            yield return ("a bidi override", JsonValue.Create("abc\u202Edef"));
            yield return ("20,000 characters", JsonValue.Create(new string('长', 20_000)));
        }
        else if (schema["properties"] is not null)
        {
            yield return ("a list for an object", new JsonArray(1, 2));
        }
    }

    private static string With(JsonNode? root, List<object> path, JsonNode? value)
    {
        var copy = root?.DeepClone() ?? new JsonObject();
        JsonNode current = copy;
        for (var i = 0; i < path.Count - 1; i++)
        {
            JsonNode? next = path[i] is int index ? (current as JsonArray)?[index] : (current as JsonObject)?[(string)path[i]];
            if (next is null)
            {
                return copy.ToJsonString();
            }

            current = next;
        }

        switch (path[^1])
        {
            case int index when current is JsonArray array && index < array.Count:
                array[index] = value;
                break;
            case string name when current is JsonObject obj:
                obj[name] = value;
                break;
        }

        return copy.ToJsonString();
    }

    // A plausible body to start from: each property given a value of its type.
    private static JsonNode? Sample(JsonNode? schema, JsonObject schemas, int depth)
    {
        if (schema is null || depth > 4)
        {
            return null;
        }

        var resolvedSchema = Resolve(schema, schemas);
        var types = TypesOf(resolvedSchema);
        if (resolvedSchema["properties"] is JsonObject properties)
        {
            var result = new JsonObject();
            foreach (var (name, property) in properties)
            {
                result[name] = Sample(property, schemas, depth + 1);
            }

            return result;
        }

        if (types.Contains("array"))
        {
            return new JsonArray(Sample(resolvedSchema["items"], schemas, depth + 1));
        }

        if (types.Contains("integer") || types.Contains("number"))
        {
            return JsonValue.Create(1);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(true);
        }

        return (resolvedSchema["format"]?.GetValue<string>()) switch
        {
            "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
            "date" => JsonValue.Create("2030-06-30"),
            "date-time" => JsonValue.Create("2030-06-30T08:00:00+08:00"),
            _ => types.Contains("string") ? JsonValue.Create("样例") : null,
        };
    }

    private static JsonNode? AllNumbers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    obj[name] = AllNumbers(obj[name]);
                }

                return obj;
            case JsonArray array:
                var first = array.FirstOrDefault();
                return new JsonArray(AllNumbers(first?.DeepClone()), AllNumbers(first?.DeepClone()));
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(long.MaxValue);
            default:
                return node;
        }
    }

    private static JsonNode Resolve(JsonNode schema, JsonObject schemas)
    {
        for (var i = 0; i < 8 && schema["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            schema = schemas[reference[(reference.LastIndexOf('/') + 1)..]] ?? new JsonObject();
        }

        if (schema["oneOf"] is JsonArray oneOf && oneOf.FirstOrDefault(s => s?["$ref"] is not null) is { } choice)
        {
            return Resolve(choice, schemas);
        }

        return schema;
    }

    private static HashSet<string> TypesOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray many => [.. many.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static bool NamesAField(string text)
    {
        try
        {
            var json = JsonNode.Parse(text);
            return json?["violations"] is JsonArray violations && violations.Count > 0
                && violations.All(v => !string.IsNullOrWhiteSpace(v?["field"]?.GetValue<string>()))
                && !text.Contains("Failed to read parameter", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

[Collection(SqliteCollection.Name)]
public sealed class FuzzEveryOperationTestsOnSqlite(SqliteHostFixture fixture, ITestOutputHelper output) : FuzzEveryOperationTests(fixture.Host, output);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class FuzzEveryOperationTestsOnPostgres(PostgresHostFixture fixture, ITestOutputHelper output) : FuzzEveryOperationTests(fixture.Host, output);
