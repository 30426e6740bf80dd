using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageOfferings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Listings;

// /Listings/EditOffering[?id=]: a service institution writes a service offering; same handlers as /api/v1/offerings.
[Authorize]
internal sealed class EditOfferingModel(ActorContext actor, IAccess access, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? SectorCode { get; set; }

    [BindProperty] public string? IndustryCode { get; set; }

    [BindProperty] public Guid? BranchId { get; set; }

    // One service item per line.
    [BindProperty] public string? ServiceItems { get; set; }

    [BindProperty] public string? PriceModel { get; set; } = "negotiable";

    [BindProperty] public string? PriceYuan { get; set; }

    // Region codes separated by commas or spaces.
    [BindProperty] public string? RegionsServed { get; set; }

    [BindProperty] public int? LeadTimeDays { get; set; }

    [BindProperty] public bool AcceptsInnovationVouchers { get; set; }

    [BindProperty] public string? ContactName { get; set; }

    [BindProperty] public string? ContactPhone { get; set; }

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
            var o = await lifecycle.LoadOwnedAsync<ServiceOffering>(ListingKind.Offering, id, cancellationToken);
            (Title, Description, SectorCode, IndustryCode, BranchId) = (o.Title, o.Description, o.SectorCode, o.IndustryCode, o.BranchId);
            (ServiceItems, PriceModel, PriceYuan, RegionsServed) = (o.ServiceItems, ListingNames.Of(o.PriceModel), ListingForms.Yuan(o.PriceFen), o.RegionsServed.Replace(",", ", ", StringComparison.Ordinal));
            (LeadTimeDays, AcceptsInnovationVouchers, ContactName, ContactPhone) = (o.LeadTimeDays, o.AcceptsInnovationVouchers, o.ContactName, o.ContactPhone);
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
        var request = new OfferingRequest(Title, Description, SectorCode, IndustryCode, BranchId,
            (ServiceItems ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            PriceModel, ModelState.Fen("priceFen", PriceYuan),
            (RegionsServed ?? "").Split([',', ' ', '，', '、', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            LeadTimeDays, AcceptsInnovationVouchers, ContactName, ContactPhone);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var id = Id is { } existing
                ? (await ManageOfferingsEndpoints.UpdateAsync(existing, request, facts, reference, lifecycle, cancellationToken)).Value!.Id
                : (await ManageOfferingsEndpoints.CreateAsync(request, access, facts, reference, lifecycle, cancellationToken)).Value!.Id;
            if (action == "submit")
            {
                lifecycle.Submit(await lifecycle.LoadOwnedAsync<ServiceOffering>(ListingKind.Offering, id, cancellationToken));
                await lifecycle.Db.SaveChangesAsync(cancellationToken);
            }

            return Redirect($"/Listings/Detail?kind=offering&id={id}");
        }
        catch (ProblemException problem)
        {
            ModelState.Show(problem);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The offering was changed by someone else; reload and try again.");
        }

        return Page();
    }
}
