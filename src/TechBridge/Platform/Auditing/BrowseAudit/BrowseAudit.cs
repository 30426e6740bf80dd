using System.Globalization;
using TechBridge.Platform.Time;

namespace TechBridge.Platform.Auditing.BrowseAudit;

// The filter as it arrives (query string or the page's form): all text, so that every malformed field is reported
// by name as a 400 instead of failing model binding silently.
internal sealed record AuditFilter(
    string? From = null,
    string? To = null,
    string? User = null,
    string? Organization = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    string? Page = null,
    string? PageSize = null);

internal sealed record AuditCriteria(
    DateTimeOffset? From,
    DateTimeOffset? To,
    Guid? UserId,
    string? UserName,
    Guid? OrganizationId,
    string? Action,
    string? EntityType,
    string? EntityId,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static AuditCriteria Parse(AuditFilter filter)
    {
        var validation = new Validation();
        var from = ParseInstant(validation, "from", filter.From, endOfDay: false);
        var to = ParseInstant(validation, "to", filter.To, endOfDay: true);
        if (from is not null && to is not null && from > to)
        {
            validation.Add("to", "afterFrom", "to must not be before from.");
        }

        Guid? userId = null;
        string? userName = null;
        var user = Blank(filter.User);
        if (user is not null)
        {
            // One box for the user: an id selects by id, anything else is the user name.
            if (Guid.TryParse(user, out var id))
            {
                userId = id;
            }
            else
            {
                userName = user;
            }
        }

        Guid? organizationId = null;
        if (Blank(filter.Organization) is { } organization)
        {
            if (Guid.TryParse(organization, out var id))
            {
                organizationId = id;
            }
            else
            {
                validation.Add("organization", "format", "organization must be an organization id (a GUID).");
            }
        }

        var page = ParseInt(validation, "page", filter.Page, 1, 1, TechBridge.Platform.Input.Paging.MaxPage);
        var pageSize = ParseInt(validation, "pageSize", filter.PageSize, DefaultPageSize, 1, MaxPageSize);
        validation.MaxLength("user", userName, 256).MaxLength("action", filter.Action, 100)
            .MaxLength("entityType", filter.EntityType, 100).MaxLength("entityId", filter.EntityId, 100);
        validation.ThrowIfInvalid();
        return new AuditCriteria(from, to, userId, userName, organizationId, Blank(filter.Action), Blank(filter.EntityType), Blank(filter.EntityId), page, pageSize);
    }

    public IQueryable<AuditRecord> Apply(IQueryable<AuditRecord> records)
    {
        if (From is { } from)
        {
            records = records.Where(r => r.OccurredAt >= from);
        }

        if (To is { } to)
        {
            records = records.Where(r => r.OccurredAt < to);
        }

        if (UserId is { } userId)
        {
            records = records.Where(r => r.UserId == userId);
        }

        if (UserName is { } userName)
        {
            records = records.Where(r => r.UserName == userName);
        }

        if (OrganizationId is { } organizationId)
        {
            records = records.Where(r => r.OrganizationId == organizationId);
        }

        if (Action is { } action)
        {
            records = records.Where(r => r.Action == action);
        }

        if (EntityType is { } entityType)
        {
            records = records.Where(r => r.EntityType == entityType);
        }

        if (EntityId is { } entityId)
        {
            records = records.Where(r => r.EntityId == entityId);
        }

        return records;
    }

    public string Describe() => string.Join("; ", new (string Name, object? Value)[]
        {
            ("from", From?.ToString("O", CultureInfo.InvariantCulture)), ("to", To?.ToString("O", CultureInfo.InvariantCulture)),
            ("user", UserId?.ToString() ?? UserName), ("organization", OrganizationId), ("action", Action),
            ("entityType", EntityType), ("entityId", EntityId),
        }
        .Where(p => p.Value is not null)
        .Select(p => $"{p.Name}={p.Value}")) is { Length: > 0 } text ? text : "no filter";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Nothing was recorded before the platform existed; the bounds also keep the conversion to UTC in range.
    private const int MinYear = 2000;
    private const int MaxYear = 9998;

    // A bare date (the page's date inputs) is a calendar day in China: "from" is its start, "to" includes the whole
    // day. Anything else must be an ISO 8601 instant; without an offset it is taken as UTC.
    private static DateTimeOffset? ParseInstant(Validation validation, string field, string? value, bool endOfDay)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day.Year is < MinYear or > MaxYear)
            {
                validation.Add(field, "year", $"{field} must lie between the years {MinYear} and {MaxYear}.");
                return null;
            }

            var midnight = day.AddDays(endOfDay ? 1 : 0).ToDateTime(TimeOnly.MinValue);
            // Npgsql writes only UTC offsets to timestamptz, so every instant leaves here as UTC.
            return new DateTimeOffset(midnight, AdjustableClock.China.GetUtcOffset(midnight)).ToUniversalTime();
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            if (instant.Year is < MinYear or > MaxYear)
            {
                validation.Add(field, "year", $"{field} must lie between the years {MinYear} and {MaxYear}.");
                return null;
            }

            return instant.ToUniversalTime();
        }

        validation.Add(field, "format", $"{field} must be a date (yyyy-MM-dd) or an ISO 8601 instant.");
        return null;
    }

    private static int ParseInt(Validation validation, string field, string? value, int fallback, int min, int max)
    {
        if (Blank(value) is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        validation.Add(field, "range", $"{field} must be a whole number from {min} to {max}.", new Dictionary<string, object> { ["min"] = min, ["max"] = max });
        return fallback;
    }
}

internal sealed record AuditRecordView(
    long Id,
    DateTimeOffset OccurredAt,
    Guid? UserId,
    string? UserName,
    Guid? OrganizationId,
    string? ClientAddress,
    string Action,
    string EntityType,
    string EntityId,
    string Summary,
    long? ChainSequence);

internal sealed record AuditPage(IReadOnlyList<AuditRecordView> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

// Newest first, one page at a time. Personal data quoted in summaries is masked (PIPL: the trail's readers are the
// auditor and admins of every region, who need to know that a contact changed, not the number); the stored record, which
// the chain hashes, keeps it.
internal sealed class BrowseAuditHandler(PlatformDbContext db)
{
    public async Task<AuditPage> RunAsync(AuditCriteria criteria, CancellationToken cancellationToken)
    {
        var query = criteria.Apply(db.Set<AuditRecord>().AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(r => r.Id)
            .Skip(TechBridge.Platform.Input.Paging.Skip(criteria.Page, criteria.PageSize))
            .Take(criteria.PageSize)
            .Select(r => new AuditRecordView(r.Id, r.OccurredAt, r.UserId, r.UserName, r.OrganizationId, r.ClientAddress, r.Action, r.EntityType, r.EntityId, r.Summary, r.ChainSequence))
            .ToListAsync(cancellationToken);
        return new AuditPage(items.Select(i => i with { Summary = PersonalDataMask.InText(i.Summary) }).ToList(), criteria.Page, criteria.PageSize, total);
    }
}

// GET /api/v1/audit: the same BrowseAuditHandler as the /Audit page.
internal static class BrowseAuditEndpoints
{
    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async ([AsParameters] AuditFilter filter, BrowseAuditHandler browse, CancellationToken cancellationToken) =>
                TypedResults.Ok(await browse.RunAsync(AuditCriteria.Parse(filter), cancellationToken)))
            .WithName("BrowseAuditRecords")
            .WithSummary("Lists audit records, newest first, filtered by time, user, organization, action and entity.")
            .ProducesValidationProblem();
        return group;
    }
}
