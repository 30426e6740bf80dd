using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.Listings;

// One kind's form on the edit page: its fields (bound by their own names), how it fills itself from the listing,
// and the request it sends. The rules are the module's; the form only turns typed text into the request.
internal interface IListingForm
{
    // The partial view with the kind's fields, and the page's headings (UI text keys).
    string Fields { get; }

    string NewHeading { get; }

    string EditHeading { get; }

    // Defaults for a new listing.
    void Start(OrganizationFacts organization)
    {
    }

    Task LoadAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken);

    // The saved listing's id; null when the typed text itself is wrong (an amount that is not one), in state.
    Task<Guid> SaveAsync(ManageListingHandler handler, Guid? id, bool submit, CancellationToken cancellationToken);
}

// /Listings/Edit?kind=offering|demand|achievement[&id=]: writes a listing of any kind for the acting organization
// and saves it as a draft or submits it for review; the same handler as POST/PUT /api/v1/{kind}s.
[Authorize]
internal sealed class EditModel(ActorContext actor, IOrganizationFacts facts, IReferenceData reference, ManageListingHandler handler) : PageModel
{
    private static readonly Dictionary<string, Func<IListingForm>> Forms = new()
    {
        ["offering"] = () => new OfferingForm(),
        ["demand"] = () => new DemandForm(),
        ["achievement"] = () => new AchievementForm(),
    };

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public IListingForm Form { get; private set; } = new DemandForm();

    public OrganizationFacts? Organization { get; private set; }

    public IReferenceData Reference => reference;

    // For the pickers, which render their own label: whether a field has an error, and the id of its error text.
    public bool HasError(string field) => ModelState.ErrorFor(field) is not null;

    public string? DescribedBy(string field) => HasError(field) ? FormFieldTagHelper.IdOf(field) : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Forms.TryGetValue(Kind ?? "", out var create))
        {
            return NotFound();
        }

        Form = create();
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (Organization is null)
        {
            return Page();
        }

        if (Id is not { } id)
        {
            Form.Start(Organization);
            return Page();
        }

        await Form.LoadAsync(handler, id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? action, CancellationToken cancellationToken)
    {
        Organization = await ListingForms.ActAsync(actor, facts, cancellationToken);
        if (!Forms.TryGetValue(Kind ?? "", out var create) || Organization is null)
        {
            return NotFound();
        }

        Form = create();
        await TryUpdateModelAsync(Form, Form.GetType(), "");
        ModelState.Clear();
        var id = await Form.SaveAsync(handler, Id, action == "submit", cancellationToken);
        return Redirect($"/Listings/Detail?kind={Kind}&id={id}");
    }
}
