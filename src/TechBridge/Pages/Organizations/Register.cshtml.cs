using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.RegisterOrganization;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.Organizations;

// The registration form: the same handler as POST /api/v1/organizations, the licence uploaded with the form.
[Authorize]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
internal sealed class RegisterModel(RegisterOrganizationHandler handler, FileStore files, ErrorTexts texts) : PageModel
{
    [BindProperty] public string? Kind { get; set; } = "Enterprise";
    [BindProperty] public string? LegalName { get; set; }
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public DateOnly? EstablishedOn { get; set; }
    [BindProperty] public string? LegalRepresentative { get; set; }
    [BindProperty] public string? ActualController { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? IndustryCode { get; set; }
    [BindProperty] public List<string> Sectors { get; set; } = [];
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public Guid? ExistingOrganizationId { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        string? evidence = null;
        if (Evidence is not null)
        {
            evidence = (await files.SaveAsync(Evidence, "evidenceSha256", cancellationToken)).Sha256;
        }

        try
        {
            var result = await handler.HandleAsync(new RegisterOrganizationRequest(
                Kind, LegalName, CreditCode, null, null, EstablishedOn, LegalRepresentative, ActualController, RegionCode, Address,
                string.IsNullOrWhiteSpace(IndustryCode) ? null : IndustryCode.Trim(),
                Sectors.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList(),
                new ContactDetails(ContactName, ContactPhone, ContactEmail), evidence), cancellationToken);
            return Redirect($"/Organizations/{result.Id}");
        }
        catch (ConflictException conflict) when (conflict.Code == "duplicate_credit_code")
        {
            // Registered already: the page offers to request membership of it instead.
            ExistingOrganizationId = conflict.Extensions.TryGetValue("organizationId", out var id) ? id as Guid? : null;
            ModelState.AddModelError("creditCode", texts.Describe(Problem.From(conflict)!));
            return Page();
        }
    }
}
