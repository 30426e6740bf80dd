using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageAchievements;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/EditAchievement[?id=]: one technology achievement by hand (the import page takes many); same handlers
// as /api/v1/achievements.
[Authorize]
internal sealed class EditAchievementModel(ActorContext actor, IAccess access, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Abstract { get; set; }

    // Separated by semicolons.
    [BindProperty] public string? Keywords { get; set; }

    [BindProperty] public string? TechnologyFieldCode { get; set; }

    [BindProperty] public string? IndustryCode { get; set; }

    [BindProperty] public int? Trl { get; set; }

    [BindProperty] public string? LinkedIp { get; set; }

    [BindProperty] public List<string> TransferModes { get; set; } = [];

    [BindProperty] public string? AskingPriceYuan { get; set; }

    public OrganizationFacts? Organization { get; private set; }

    public IReferenceData Reference => reference;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null || Id is not { } id)
        {
            return Page();
        }

        try
        {
            var a = await lifecycle.LoadOwnedAsync<TechnologyAchievement>(ListingKind.Achievement, id, cancellationToken);
            (Title, Abstract, Keywords, TechnologyFieldCode, IndustryCode) = (a.Title, a.Abstract, a.Keywords, a.TechnologyFieldCode, a.IndustryCode);
            (Trl, LinkedIp, TransferModes, AskingPriceYuan) = (a.Trl, a.LinkedIp, ListingNames.Of(a.TransferModes).ToList(), ListingForms.Yuan(a.AskingPriceFen));
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var request = new AchievementRequest(Title, Abstract,
            (Keywords ?? "").Split([';', '；', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            TechnologyFieldCode, IndustryCode, Trl, LinkedIp, TransferModes, ModelState.Fen("askingPriceFen", AskingPriceYuan));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = Id is { } existing
                ? (await ManageAchievementsEndpoints.UpdateAsync(existing, request, facts, reference, lifecycle, cancellationToken)).Value!.Id
                : (await ManageAchievementsEndpoints.CreateAsync(request, access, facts, reference, lifecycle, cancellationToken)).Value!.Id;
            if (action == "submit")
            {
                lifecycle.Submit(await lifecycle.LoadOwnedAsync<TechnologyAchievement>(ListingKind.Achievement, id, cancellationToken));
                await lifecycle.Db.SaveChangesAsync(cancellationToken);
            }

            return Redirect($"/Listings/Detail?kind=achievement&id={id}");
        }
        catch (ProblemException problem)
        {
            ModelState.Show(problem);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The achievement was changed by someone else; reload and try again.");
        }

        return Page();
    }
}
