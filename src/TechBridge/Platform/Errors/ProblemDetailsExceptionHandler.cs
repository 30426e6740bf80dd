using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TechBridge.Platform.Errors;

internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Translate(exception);
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        if (problem.Status >= 500)
        {
            logger.LogWarning(exception, "Request answered {Status}", problem.Status);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails? Translate(Exception exception) => exception switch
    {
        InvalidRequestException invalid => ValidationProblem(invalid),
        ConflictException { Extensions.Count: > 0 } conflict => WithExtensions(conflict),
        ProblemException { Code: { } code } coded => new ProblemDetails
        {
            Status = coded.Status,
            Title = TitleFor(coded.Status),
            Detail = coded.Message,
            Extensions = { ["code"] = code },
        },
        ProblemException other => new ProblemDetails { Status = other.Status, Title = TitleFor(other.Status), Detail = other.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict with the current state",
            Detail = "The item was changed by someone else; reload and try again.",
            Extensions = { ["code"] = "concurrency" },
        },
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: "23505" or "23P01" or "23514" } } => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict with the current state",
            Detail = "The change conflicts with an existing record.",
            Extensions = { ["code"] = "constraint" },
        },
        DbUpdateException { InnerException: var inner } when IsContention(inner) => Busy(),
        _ when IsContention(exception) => Busy(),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = TitleFor(bad.StatusCode), Detail = bad.Message },
        _ => null,
    };

    private static ProblemDetails WithExtensions(ConflictException conflict)
    {
        var problem = new ProblemDetails { Status = conflict.Status, Title = TitleFor(conflict.Status), Detail = conflict.Message };
        problem.Extensions["code"] = conflict.Code;
        foreach (var (key, value) in conflict.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static bool IsContention(Exception? exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 } or PostgresException { SqlState: "40001" or "40P01" or "55P03" };

    private static ProblemDetails Busy() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Busy",
        Detail = "The database is busy; retry shortly.",
    };

    private static HttpValidationProblemDetails ValidationProblem(InvalidRequestException invalid)
    {
        var problem = new HttpValidationProblemDetails(
            invalid.Violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
        {
            Status = invalid.Status,
            Title = "The request is invalid",
            Detail = invalid.Message,
        };
        problem.Extensions["violations"] = invalid.Violations.Select(v => new { field = v.Field, rule = v.Rule, message = v.Message }).ToArray();
        return problem;
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "The request is invalid",
        401 => "Not signed in",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict with the current state",
        413 => "Too large",
        422 => "Idempotency key reused with a different body",
        429 => "Too many requests",
        _ => "Error",
    };
}
