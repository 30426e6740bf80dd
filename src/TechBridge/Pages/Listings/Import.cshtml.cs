using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ImportAchievements;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/Import: upload a CSV or xlsx of achievements; the page refreshes itself while the job runs and then
// shows the row-level error report.
[Authorize]
internal sealed class ImportModel(PlatformDbContext db, ActorContext actor, IOrganizationFacts facts, AchievementImporter importer) : PageModel
{
    public ImportJobResponse? Job { get; private set; }

    public string? Message { get; private set; }

    public bool Running => Job is { Status: "queued" or "running" };

    public async Task<IActionResult> OnGetAsync(Guid? job, CancellationToken cancellationToken)
    {
        if (job is { } id)
        {
            var memberships = await facts.MembershipsOfAsync(actor.UserId!.Value, cancellationToken);
            var row = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (row is null || memberships.All(m => m.Id != row.OrganizationId))
            {
                return NotFound();
            }

            Job = ImportAchievementsEndpoints.ToResponse(row);
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
            var job = await importer.StartAsync(organization.Id, actor.UserId!.Value, file.FileName, file.Length, stream, mode, cancellationToken);
            return RedirectToPage(new { job = job.Id });
        }
        catch (ProblemException problem)
        {
            Message = problem.Message;
            return Page();
        }
    }
}
