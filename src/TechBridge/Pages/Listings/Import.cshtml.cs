using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ImportAchievements;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/Import: upload a CSV or xlsx of achievements; the page refreshes itself while the job runs and then
// shows the row-level error report. The same handler as POST and GET /api/v1/achievements/imports.
[Authorize]
internal sealed class ImportModel(ActorContext actor, IOrganizationFacts facts, ImportAchievementsHandler importer) : PageModel
{
    public ImportJobResponse? Job { get; private set; }

    public string? Message { get; private set; }

    public bool Running => Job is { Status: "queued" or "running" };

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken cancellationToken)
    {
        if (job is { } id)
        {
            try
            {
                await ListingForms.ActAsync(actor, facts, cancellationToken);
                Job = await importer.GetAsync(id, cancellationToken);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        var organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (organization is null || file is null)
        {
            Message = organization is null ? "You are not a member of any organization." : "Choose a file.";
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var started = await importer.StartAsync(file.FileName, file.Length, stream, mode, cancellationToken);
            return RedirectToPage(new { job = started.Id });
        }
        catch (ProblemException problem)
        {
            Message = problem.Message;
            return Page();
        }
    }
}
