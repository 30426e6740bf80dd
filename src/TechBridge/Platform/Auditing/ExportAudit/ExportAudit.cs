using System.Globalization;
using TechBridge.Platform.Auditing.BrowseAudit;
using TechBridge.Platform.Files;
using TechBridge.Platform.Time;

namespace TechBridge.Platform.Auditing.ExportAudit;

// Every matching record as CSV. UTF-8 with a byte order mark, because spreadsheet software in Chinese locales
// otherwise reads the file as GBK. The export is itself audited (who exported what) before any row leaves.
internal sealed class ExportAuditHandler(PlatformDbContext db, AuditTrail trail, TimeProvider clock)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public async Task<string> NoteAsync(AuditCriteria criteria, CancellationToken cancellationToken)
    {
        var count = await criteria.Apply(db.Set<AuditRecord>().AsNoTracking()).CountAsync(cancellationToken);
        trail.Note(nameof(AuditRecord), "export", $"exported {count} audit records; {criteria.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        return $"audit-{AdjustableClock.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmmss}.csv";
    }

    public async Task WriteAsync(AuditCriteria criteria, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Bom, cancellationToken);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(Csv.Line("id", "occurredAt", "userId", "userName", "organizationId", "clientAddress", "action", "entityType", "entityId", "summary", "chainSequence", "hash"));
        var records = criteria.Apply(db.Set<AuditRecord>().AsNoTracking()).OrderBy(r => r.Id).AsAsyncEnumerable();
        await foreach (var r in records.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Csv.Line(
                r.Id.ToString(CultureInfo.InvariantCulture),
                AdjustableClock.ToChina(r.OccurredAt).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
                r.UserId?.ToString(),
                r.UserName,
                r.OrganizationId?.ToString(),
                r.ClientAddress,
                r.Action,
                r.EntityType,
                r.EntityId,
                PersonalDataMask.InText(r.Summary),
                r.ChainSequence?.ToString(CultureInfo.InvariantCulture),
                r.Hash));
        }

        await writer.FlushAsync(cancellationToken);
    }
}

// GET /api/v1/audit/export: the same ExportAuditHandler as the /Audit page's export.
internal static class ExportAuditEndpoints
{
    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapGet("/export", async ([AsParameters] AuditFilter filter, ExportAuditHandler export, CancellationToken cancellationToken) =>
            {
                var criteria = AuditCriteria.Parse(filter);
                var fileName = await export.NoteAsync(criteria, cancellationToken);
                return TypedResults.Stream(stream => export.WriteAsync(criteria, stream, cancellationToken), "text/csv; charset=utf-8", fileName);
            })
            .WithName("ExportAuditRecords")
            .WithSummary("Exports the matching audit records as CSV (UTF-8 with BOM); the export itself is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        return group;
    }
}
