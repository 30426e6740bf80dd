using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ImportAchievements;

namespace TechBridge.Pages.Listings;

// /Listings/Import: upload a CSV or xlsx of achievements; the page refreshes itself while the job runs and then
// shows the row-level error report. The same handler as POST and GET /api/v1/achievements/imports; a refused file
// comes back as the file field's error (the page filter), an unknown job as the error page.
[Authorize]
internal sealed class ImportModel(ActorContext actor, IOrganizationFacts facts, ImportAchievementsHandler importer) : PageModel
{
    // The column headers a file may use (English or Chinese), as the help text shows them.
    public static IReadOnlyList<(string Field, string[] Headers)> Columns => ImportAchievementsEndpoints.Columns;

    public ImportJobResponse? Job { get; private set; }

    public bool NoOrganization { get; private set; }

    public bool Running => Job is { Status: "queued" or "running" };

    public async Task OnGetAsync(Guid? job, CancellationToken cancellationToken)
    {
        NoOrganization = await ListingForms.ActAsync(actor, facts, cancellationToken) is null;
        if (job is { } id)
        {
            Job = await importer.GetAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        NoOrganization = await ListingForms.ActAsync(actor, facts, cancellationToken) is null;
        if (NoOrganization)
        {
            return Page();
        }

        if (file is null)
        {
            throw InvalidRequestException.For("file", "required", "Choose a file.");
        }

        await using var stream = file.OpenReadStream();
        var started = await importer.StartAsync(file.FileName, file.Length, stream, mode, cancellationToken);
        return RedirectToPage(new { job = started.Id });
    }
}
