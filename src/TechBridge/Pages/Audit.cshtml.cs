using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Auditing.BrowseAudit;
using TechBridge.Platform.Auditing.ExportAudit;
using TechBridge.Platform.Files;

namespace TechBridge.Pages;

// The auditor's view of the audit trail. Everything is a GET (filter, page, export, verify), so the page works
// without JavaScript and a filtered view can be bookmarked or handed to a colleague.
[Authorize(Policy = Policies.AuditReader)]
internal sealed class AuditModel(BrowseAuditHandler browse, ExportAuditHandler export, AuditChain chain) : PageModel
{
    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "user")]
    public string? UserFilter { get; set; }

    [FromQuery(Name = "organization")]
    public string? Organization { get; set; }

    [FromQuery(Name = "action")]
    public string? ActionFilter { get; set; }

    [FromQuery(Name = "entityType")]
    public string? EntityType { get; set; }

    [FromQuery(Name = "entityId")]
    public string? EntityId { get; set; }

    [FromQuery(Name = "pageNumber")]
    public string? PageNumber { get; set; }

    public AuditPage? Result { get; private set; }

    public AuditVerification? Verification { get; private set; }

    // Field → rule of each broken rule, for the page to explain in the reader's language.
    public IReadOnlyList<Violation> Violations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (TryParse(PageNumber) is { } criteria)
        {
            Result = await browse.RunAsync(criteria, cancellationToken);
        }
    }

    public async Task OnGetVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await chain.VerifyAsync(cancellationToken);
        await OnGetAsync(cancellationToken);
    }

    // Served by the page rather than linking to the API, so that a signed-in browser session suffices.
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (TryParse(null) is not { } criteria)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var fileName = await export.NoteAsync(criteria, cancellationToken);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await export.WriteAsync(criteria, Response.Body, cancellationToken);
        return new EmptyResult();
    }

    // ?handler=Xlsx: the same records as an Excel workbook, headers in the reader's language.
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (TryParse(null) is not { } criteria)
        {
            await OnGetAsync(cancellationToken);
            return Page();
        }

        var (table, fileName) = await export.TableAsync(criteria, cancellationToken);
        return File(TableExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
    }

    public string? ErrorFor(string field) => Violations.FirstOrDefault(v => v.Field == field)?.Rule;

    // Links keep the current filter. Built by hand because "page" and "handler" are route values of Razor Pages.
    public string Link(string? handler = null, int? pageNumber = null)
    {
        var pairs = new (string Key, string? Value)[]
        {
            ("handler", handler), ("from", From), ("to", To), ("user", UserFilter), ("organization", Organization), ("action", ActionFilter),
            ("entityType", EntityType), ("entityId", EntityId), ("pageNumber", pageNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return "/Audit" + QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value)));
    }

    private AuditCriteria? TryParse(string? page)
    {
        try
        {
            return AuditCriteria.Parse(new AuditFilter(From, To, UserFilter, Organization, ActionFilter, EntityType, EntityId, page));
        }
        catch (InvalidRequestException invalid)
        {
            Violations = invalid.Violations;
            return null;
        }
    }
}
