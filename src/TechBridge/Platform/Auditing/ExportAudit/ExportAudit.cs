using System.Globalization;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Auditing.BrowseAudit;
using TechBridge.Platform.Files;
using TechBridge.Platform.Localization;
using TechBridge.Platform.Time;

namespace TechBridge.Platform.Auditing.ExportAudit;

// Every matching record as CSV. UTF-8 with a byte order mark, because spreadsheet software in Chinese locales
// otherwise reads the file as GBK. The export is itself audited (who exported what) before any row leaves.
internal sealed class ExportAuditHandler(PlatformDbContext db, AuditTrail trail, TimeProvider clock, IStringLocalizer<UiText> t)
{
    // An xlsx is built in memory; beyond this many records the CSV (streamed) is the way.
    public const int MaxXlsxRows = 50_000;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public async Task<string> NoteAsync(AuditCriteria criteria, CancellationToken cancellationToken)
    {
        var count = await criteria.Apply(db.Set<AuditRecord>().AsNoTracking()).CountAsync(cancellationToken);
        trail.Note(nameof(AuditRecord), "export", $"exported {count} audit records; {criteria.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        return $"audit-{AdjustableClock.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmmss}.csv";
    }

    // The same records for people (xlsx): headers in the reader's language, Beijing time, personal data masked as in
    // the CSV; the newest MaxXlsxRows when more match. Noted in the trail before any row leaves.
    public async Task<(ExportTable Table, string FileName)> TableAsync(AuditCriteria criteria, CancellationToken cancellationToken)
    {
        var query = criteria.Apply(db.Set<AuditRecord>().AsNoTracking());
        var count = await query.CountAsync(cancellationToken);
        trail.Note(nameof(AuditRecord), "export", $"exported {Math.Min(count, MaxXlsxRows)} of {count} audit records as xlsx; {criteria.Describe()}");
        await db.SaveChangesAsync(cancellationToken);
        var records = await query.OrderByDescending(r => r.Id).Take(MaxXlsxRows).ToListAsync(cancellationToken);
        var headers = new[] { t["No."].Value, t["Time"].Value, t["User"].Value, t["Operation"].Value, t["Entity type"].Value, t["Entity id"].Value, t["Change"].Value, t["Address"].Value };
        var rows = records.OrderBy(r => r.Id).Select(r => new[]
        {
            r.Id.ToString(CultureInfo.InvariantCulture),
            AdjustableClock.ToChina(r.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            r.UserName ?? r.UserId?.ToString(), r.Action, r.EntityType, r.EntityId, PersonalDataMask.InText(r.Summary), r.ClientAddress,
        }).ToList<string?[]>();
        return (new ExportTable(headers, rows), $"audit-{AdjustableClock.ToChina(clock.GetUtcNow()):yyyyMMdd-HHmmss}");
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
        group.MapGet("/export.xlsx", async ([AsParameters] AuditFilter filter, ExportAuditHandler export, CancellationToken cancellationToken) =>
            {
                var (table, fileName) = await export.TableAsync(AuditCriteria.Parse(filter), cancellationToken);
                return TableExport.File(table, "xlsx", fileName);
            })
            .WithName("ExportAuditRecordsXlsx")
            .WithSummary($"Exports the matching audit records as an Excel workbook for people (at most {ExportAuditHandler.MaxXlsxRows}, newest); audited.")
            .ProducesValidationProblem();
        return group;
    }
}
