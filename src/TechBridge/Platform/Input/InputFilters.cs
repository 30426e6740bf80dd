using System.Reflection;
using System.Text.Json;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace TechBridge.Platform.Input;

// The input rules of InputWalker, applied to every route the platform and every module maps (MapPlatform puts them in
// one group carrying this filter) before the handler runs: a route a new module adds is covered without a line of its
// own. A refusal is one 400 naming every field, through the error table; nothing has been read or written yet.
internal static class InputEndpointFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var parameters = context.MethodInfo.GetParameters();
        var inputs = parameters
            .Select((parameter, index) => (parameter, index))
            .Where(p => IsInput(p.parameter, services))
            .Select(p => new Input(p.index, p.parameter.Name ?? "value", p.parameter.ParameterType, FromBody(p.parameter, services), Nullable(p.parameter),
                p.parameter.IsDefined(typeof(MultiLineAttribute), inherit: true)))
            .ToArray();
        if (inputs.Length == 0)
        {
            return next;
        }

        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return invocation =>
        {
            var walker = new InputWalker(json);
            foreach (var input in inputs)
            {
                if (input.Index >= invocation.Arguments.Count)
                {
                    continue;
                }

                var value = invocation.Arguments[input.Index];
                // The body is the root of the API's field names ("title"); a query or route value is named by itself.
                var field = input.Body ? "" : input.Name;
                walker.Walk(field, value, input.Type, input.MultiLine || (!input.Body && TextRule.IsProseName(input.Name)), input.Nullable || !input.Body);
            }

            if (walker.Violations.Count > 0)
            {
                throw new InvalidRequestException(walker.Violations.ToArray());
            }

            return next(invocation);
        };
    }

    private sealed record Input(int Index, string Name, Type Type, bool Body, bool Nullable, bool MultiLine);

    private static readonly NullabilityInfoContext Nullability = new();

    private static bool Nullable(ParameterInfo parameter)
    {
        if (parameter.HasDefaultValue || System.Nullable.GetUnderlyingType(parameter.ParameterType) is not null)
        {
            return true;
        }

        lock (Nullability)
        {
            return Nullability.Create(parameter).WriteState != NullabilityState.NotNull;
        }
    }

    private static bool IsInput(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse) || type == typeof(CancellationToken)
            || type == typeof(System.Security.Claims.ClaimsPrincipal) || type == typeof(Stream) || type == typeof(System.IO.Pipelines.PipeReader)
            || type == typeof(IFormFile) || type == typeof(IFormFileCollection) || type == typeof(IFormCollection))
        {
            return false;
        }

        if (parameter.IsDefined(typeof(FromServicesAttribute), inherit: true) || parameter.IsDefined(typeof(FromKeyedServicesAttribute), inherit: true))
        {
            return false;
        }

        return services?.IsService(type) != true;
    }

    private static bool FromBody(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        if (parameter.IsDefined(typeof(FromBodyAttribute), inherit: true) || parameter.IsDefined(typeof(FromFormAttribute), inherit: true))
        {
            return true;
        }

        if (parameter.IsDefined(typeof(FromQueryAttribute), inherit: true) || parameter.IsDefined(typeof(FromRouteAttribute), inherit: true)
            || parameter.IsDefined(typeof(FromHeaderAttribute), inherit: true))
        {
            return false;
        }

        var type = System.Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        // What minimal APIs infer from the body: a complex type that does not parse from a string.
        return !(type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(Guid)
            || type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan)
            || type.IsArray || HasTryParse(type) || (services?.IsService(type) ?? false));
    }

    private static bool HasTryParse(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]) is not null
        || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null;
}

// The same rules for pages: what a page bound from a form or a query (its [BindProperty] properties and the handler's
// arguments) is walked before the handler runs, and a value the framework could not convert ("abc" for a number) is
// refused naming its field instead of being dropped silently. A form answers with the errors next to its fields; a
// page read (GET) with the error page.
internal sealed class InputPageFilter(IOptions<JsonOptions> jsonOptions) : IAsyncPageFilter
{
    private readonly JsonSerializerOptions json = jsonOptions.Value.SerializerOptions;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var violations = new List<Violation>();
        foreach (var (key, entry) in context.ModelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(entry.AttemptedValue))
            {
                var field = FieldOf(key);
                violations.Add(new Violation(field, "type", $"{field}: '{entry.AttemptedValue}' is not a valid value."));
            }

            // The framework's own sentence is English and names the property: ours (in the reader's language) replaces
            // it. An empty value ("" for a number or an id) is a value not given: whether it is required is the
            // handler's rule, answered in the reader's words.
            entry.Errors.Clear();
        }

        var walker = new InputWalker(json);
        if (context.HandlerInstance is PageModel page)
        {
            foreach (var property in page.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var bind = property.GetCustomAttribute<BindPropertyAttribute>();
                if (bind is null || (!bind.SupportsGet && HttpMethods.IsGet(context.HttpContext.Request.Method)) || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                var field = FieldOf(property.Name);
                walker.Walk(field, property.GetValue(page), property.PropertyType, InputWalker.IsMultiLine(field, property, null), nullable: true);
            }
        }

        foreach (var (name, value) in context.HandlerArguments)
        {
            if (value is not (null or CancellationToken))
            {
                walker.Walk(FieldOf(name), value, value.GetType(), TextRule.IsProseName(name), nullable: true);
            }
        }

        violations.AddRange(walker.Violations);
        violations.AddRange(RawValues(context.HttpContext.Request).Where(v => !violations.Any(known => known.Field == v.Field)));
        if (violations.Count == 0)
        {
            await next();
            return;
        }

        // Handled as a refused handler would be (ProblemPageFilter): the same field errors, the same error page.
        var problem = new Problem(StatusCodes.Status400BadRequest, null, string.Join("; ", violations.Select(v => v.Message)), violations, new Dictionary<string, object?>());
        if (context.HandlerInstance is PageModel form && !HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            var texts = context.HttpContext.RequestServices.GetRequiredService<ErrorTexts>();
            foreach (var violation in violations)
            {
                form.ModelState.AddModelError(violation.Field, texts.Describe(violation));
            }

            if (form is IReloadAfterProblem reload)
            {
                await reload.ReloadAsync(context.HttpContext.RequestAborted);
            }

            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Result = form.Page();
            return;
        }

        context.Result = ErrorPages.Show(context.HttpContext, problem);
    }

    // What a page binds late (TryUpdateModelAsync inside the handler) is not seen above: every posted form value and
    // query value meets the rule as multi-line text, so no control character reaches a handler through any page.
    private static IEnumerable<Violation> RawValues(HttpRequest request)
    {
        var values = request.Query.Select(q => (q.Key, q.Value));
        if (request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            values = values.Concat(request.Form.Select(f => (f.Key, f.Value)));
        }

        foreach (var (key, value) in values)
        {
            if (key.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            var field = FieldOf(key);
            if (TextRule.Check(field, key, multiLine: false) is { } keyViolation)
            {
                yield return keyViolation;
                continue;
            }

            foreach (var text in value)
            {
                if (TextRule.Check(field, text, multiLine: true) is { } violation)
                {
                    yield return violation;
                    break;
                }
            }
        }
    }

    // "Input.LegalName" → "legalName": the page's form-field keys are the API's field names.
    private static string FieldOf(string key)
    {
        var last = key.LastIndexOf('.');
        var name = last >= 0 ? key[(last + 1)..] : key;
        return name.Length == 0 ? "value" : JsonNamingPolicy.CamelCase.ConvertName(name);
    }
}
