using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Engagements.Data;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Engagements.JudgeMatches;

internal sealed record JudgementRequest(Guid? QueryListingId, Guid? CandidateListingId, string? Decision, string? ReasonCode);

internal sealed record JudgementResponse(Guid Id, Guid QueryListingId, Guid CandidateListingId, string Decision, int Grade, string ReasonCode, Guid BrokerUserId, DateTimeOffset At);

// /api/v1/match-judgements: brokers recommend or dismiss a suggested pair of listings with a reason code; the
// verdicts are exported as graded judgements (grade 2 recommend, 0 dismiss) for tuning the matching.
internal static class JudgeMatchesEndpoints
{
    public static RouteGroupBuilder MapJudgeMatches(this RouteGroupBuilder group)
    {
        group.MapPost("/", JudgeAsync)
            .WithName("JudgeMatch")
            .WithSummary("A broker recommends or dismisses a match (query listing → candidate listing) with a reason code; one verdict per broker and pair.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/export.csv", ExportAsync)
            .WithName("ExportMatchJudgements")
            .WithSummary("All verdicts as CSV: query_listing_id, candidate_listing_id, grade, reason, broker, at (brokers; audited).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Created<JudgementResponse>> JudgeAsync(JudgementRequest request, JudgeMatchesHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/v1/match-judgements/export.csv", await handler.JudgeAsync(request, cancellationToken));

    private static async Task<FileContentHttpResult> ExportAsync(JudgeMatchesHandler handler, CancellationToken cancellationToken) =>
        TypedResults.File(await handler.ExportCsvAsync(cancellationToken), "text/csv; charset=utf-8", "match-judgements.csv");
}

// Brokers' verdicts on suggested pairs, and their export.
internal sealed class JudgeMatchesHandler(IAccess access, PlatformDbContext db, AuditTrail trail, TimeProvider clock)
{
    public static readonly string[] RecommendReasons = ["field-fit", "capability-fit", "region-fit", "price-fit", "track-record"];

    public static readonly string[] DismissReasons = ["field-mismatch", "capability-gap", "region-mismatch", "price-mismatch", "stale-listing", "duplicate", "other"];

    public async Task<JudgementResponse> JudgeAsync(JudgementRequest request, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        if (!access.IsInRole(Roles.Broker))
        {
            throw new ForbiddenException("Only brokers judge matches.");
        }

        var validation = new Validation().Required("decision", request.Decision).Required("reasonCode", request.ReasonCode);
        if (request.QueryListingId is null)
        {
            validation.Add("queryListingId", "required", "queryListingId is required.");
        }

        if (request.CandidateListingId is null)
        {
            validation.Add("candidateListingId", "required", "candidateListingId is required.");
        }

        var reasons = request.Decision switch
        {
            "recommend" => RecommendReasons,
            "dismiss" => DismissReasons,
            _ => null,
        };
        if (request.Decision is not null && reasons is null)
        {
            validation.Add("decision", "unknown", "decision is recommend or dismiss.");
        }
        else if (reasons is not null && request.ReasonCode is not null && !reasons.Contains(request.ReasonCode))
        {
            validation.Add("reasonCode", "unknown", $"For {request.Decision} the reason is one of: {string.Join(", ", reasons)}.");
        }

        validation.ThrowIfInvalid();
        var judgement = new MatchJudgement
        {
            QueryListingId = request.QueryListingId!.Value,
            CandidateListingId = request.CandidateListingId!.Value,
            Decision = request.Decision!,
            Grade = request.Decision == "recommend" ? 2 : 0,
            ReasonCode = request.ReasonCode!,
            BrokerUserId = userId,
            At = clock.GetUtcNow(),
        };
        db.Add(judgement);
        await db.SaveChangesAsync(cancellationToken);
        return new JudgementResponse(judgement.Id, judgement.QueryListingId, judgement.CandidateListingId,
            judgement.Decision, judgement.Grade, judgement.ReasonCode, judgement.BrokerUserId, judgement.At);
    }

    // UTF-8 with a BOM so spreadsheet programs detect the encoding.
    public async Task<byte[]> ExportCsvAsync(CancellationToken cancellationToken)
    {
        _ = access.UserId;
        if (!access.IsInRole(Roles.Broker) && !access.ReadsEverything)
        {
            throw new ForbiddenException("Only brokers export match judgements.");
        }

        var rows = await db.Set<MatchJudgement>().AsNoTracking().OrderBy(j => j.At).ThenBy(j => j.Id).ToListAsync(cancellationToken);
        var csv = new StringBuilder(Csv.Line("query_listing_id", "candidate_listing_id", "grade", "reason", "broker", "at"));
        foreach (var j in rows)
        {
            csv.Append(Csv.Line(j.QueryListingId.ToString(), j.CandidateListingId.ToString(), j.Grade.ToString(CultureInfo.InvariantCulture), j.ReasonCode,
                j.BrokerUserId.ToString(), j.At.ToString("O", CultureInfo.InvariantCulture)));
        }

        trail.Note(nameof(MatchJudgement), "export", $"exported {rows.Count} match judgements");
        await db.SaveChangesAsync(cancellationToken);
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }
}
