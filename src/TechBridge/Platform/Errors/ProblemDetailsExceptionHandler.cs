using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace TechBridge.Platform.Errors;

// API requests get RFC 9457 ProblemDetails with the machine-readable part (code, violations: field and rule) and the
// reader's text by Accept-Language ("text"); page requests fall through to the error page (/Error) in the layout.
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ErrorTexts texts, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Problem.From(exception);
        // With an error page path set, the middleware has already pointed the request at /Error: ask for the original.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (problem is null || !ErrorPages.IsApiPath(path))
        {
            return false;
        }

        if (problem.RetryAfterSeconds is { } seconds)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (problem.Status >= 500)
        {
            logger.LogWarning(exception, "Request answered {Status}", problem.Status);
        }

        httpContext.Response.StatusCode = problem.Status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = ToProblemDetails(problem),
            Exception = exception,
        });
    }

    private ProblemDetails ToProblemDetails(Problem problem)
    {
        ProblemDetails details = problem.Violations.Count == 0
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(problem.Violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()));
        details.Status = problem.Status;
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        if (problem.Code is { } code)
        {
            details.Extensions["code"] = code;
        }

        foreach (var (key, value) in problem.Extensions)
        {
            details.Extensions[key] = value;
        }

        if (problem.Violations.Count > 0)
        {
            details.Extensions["violations"] = problem.Violations
                .Select(v => new { field = v.Field, rule = v.Rule, message = v.Message, text = texts.Describe(v) })
                .ToArray();
        }

        details.Extensions["text"] = texts.Describe(problem);
        return details;
    }
}
