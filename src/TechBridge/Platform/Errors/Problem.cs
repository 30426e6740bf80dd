using Microsoft.Data.Sqlite;
using Npgsql;

namespace TechBridge.Platform.Errors;

// What went wrong, independent of how it is shown: the API writes it as ProblemDetails, a page as field errors or an
// error page. Detail is the developer's English sentence; ErrorTexts gives the reader's.
internal sealed record Problem(int Status, string? Code, string Detail, IReadOnlyList<Violation> Violations, IReadOnlyDictionary<string, object?> Extensions)
{
    // Seconds after which a retry may succeed (busy database, same request in flight): the Retry-After header.
    public int? RetryAfterSeconds { get; init; }

    private static readonly IReadOnlyDictionary<string, object?> None = new Dictionary<string, object?>();

    // The one table from exceptions to problems (DESIGN.md §3); null: not a problem the user caused, a 500.
    public static Problem? From(Exception exception) => exception switch
    {
        InvalidRequestException invalid => new(invalid.Status, null, invalid.Message, invalid.Violations, None),
        ConflictException conflict => new(conflict.Status, conflict.Code, conflict.Message, [], conflict.Extensions) { RetryAfterSeconds = conflict.RetryAfterSeconds },
        ProblemException other => new(other.Status, other.Code, other.Message, [], None) { RetryAfterSeconds = other.Status == StatusCodes.Status503ServiceUnavailable ? 1 : null },
        DbUpdateConcurrencyException => new(StatusCodes.Status409Conflict, "concurrency", "The item was changed by someone else; reload and try again.", [], None),
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: "23505" or "23P01" or "23514" } } =>
            new(StatusCodes.Status409Conflict, "constraint", "The change conflicts with an existing record.", [], None),
        _ when IsContention(exception) => Busy(),
        // Checked arithmetic on amounts a client sent (Money): a sum too large for the ledger is the client's input.
        OverflowException => new(StatusCodes.Status400BadRequest, null, "An amount or a sum of amounts is too large.", [new Violation("body", "sumTooLarge", "An amount or a sum of amounts is too large.")], None),
        BadHttpRequestException bad when TechBridge.Platform.Input.BindingProblems.From(bad) is { } binding => binding,
        BadHttpRequestException bad => new(bad.StatusCode, null, bad.Message, [], None),
        _ => null,
    };

    // Anywhere in the chain: EF wraps the driver's error in DbUpdateException, and Npgsql's execution strategy wraps a
    // transient one (deadlock, serialization failure) once more in an InvalidOperationException.
    public static bool IsContention(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or PostgresException { SqlState: "40001" or "40P01" or "55P03" })
            {
                return true;
            }
        }

        return false;
    }

    private static Problem Busy() => new(StatusCodes.Status503ServiceUnavailable, "busy", "The database is busy; retry shortly.", [], None) { RetryAfterSeconds = 1 };

    public string Title => Status switch
    {
        400 => "The request is invalid",
        401 => "Not signed in",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict with the current state",
        413 => "Too large",
        422 => "Cannot be processed",
        429 => "Too many requests",
        503 => "Busy",
        _ => "Error",
    };
}
