namespace TechBridge.Platform.Errors;

// The product's one error table (DESIGN.md §3). Handlers throw these; ProblemDetailsExceptionHandler renders them.
internal abstract class ProblemException(string message) : Exception(message)
{
    public abstract int Status { get; }

    // A stable machine-readable reason, rendered as the problem's "code" extension.
    public virtual string? Code => null;
}

// Field and Rule are the machine-readable part (the API's `violations`, the keys of ErrorTexts); Message is the
// developer's English sentence; Args fill the placeholders of the localized texts ("{max}").
internal sealed record Violation(string Field, string Rule, string Message, IReadOnlyDictionary<string, object>? Args = null);

// 400: the request is invalid on its own. Each violation names the field and the rule it breaks.
internal sealed class InvalidRequestException(IReadOnlyList<Violation> violations)
    : ProblemException(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Message}")))
{
    public IReadOnlyList<Violation> Violations { get; } = violations;

    public override int Status => StatusCodes.Status400BadRequest;

    public static InvalidRequestException For(string field, string rule, string message, IReadOnlyDictionary<string, object>? args = null) =>
        new([new Violation(field, rule, message, args)]);
}

// 409: conflicts with the current state.
internal sealed class ConflictException(string code, string message, IReadOnlyDictionary<string, object?>? extensions = null) : ProblemException(message)
{
    public override string? Code { get; } = code;

    // Extra members of the problem, e.g. the existing record and the operation that resolves the conflict.
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    // When the conflict is passing (the same request still in flight), how long the client should wait: Retry-After.
    public int? RetryAfterSeconds { get; init; }

    public override int Status => StatusCodes.Status409Conflict;
}

// 404: not found, or not visible to the caller (existence itself may be private).
internal sealed class NotFoundException(string what) : ProblemException($"{what} was not found.")
{
    public override int Status => StatusCodes.Status404NotFound;
}

// 403: signed in, but not allowed.
internal sealed class ForbiddenException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status403Forbidden;
}

// 503: contention that retries could not resolve; the client should retry later.
internal sealed class BusyException(string message) : ProblemException(message)
{
    public override int Status => StatusCodes.Status503ServiceUnavailable;
}

// Collects violations so that a request reports every broken rule at once.
internal sealed class Validation
{
    private readonly List<Violation> violations = [];

    public bool IsValid => violations.Count == 0;

    public Validation Add(string field, string rule, string message, IReadOnlyDictionary<string, object>? args = null)
    {
        violations.Add(new Violation(field, rule, message, args));
        return this;
    }

    public Validation Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "required", $"{field} is required.");
        }

        return this;
    }

    public Validation MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, "maxLength", $"{field} must be at most {max} characters.", new Dictionary<string, object> { ["max"] = max });
        }

        return this;
    }

    public void ThrowIfInvalid()
    {
        if (violations.Count > 0)
        {
            throw new InvalidRequestException(violations.ToArray());
        }
    }
}

// 401: not signed in.
internal sealed class UnauthorizedException() : ProblemException("Sign in first.")
{
    public override int Status => StatusCodes.Status401Unauthorized;
}
