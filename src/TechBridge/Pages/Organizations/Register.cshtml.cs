using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.RegisterOrganization;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Files;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages.Organizations;

// The registration form: the same handler as POST /api/v1/organizations, the licence uploaded with the form.
[Authorize]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
internal sealed class RegisterModel(RegisterOrganization handler, FileStore files, PlatformDbContext db, ErrorTexts texts) : PageModel
{
    [BindProperty] public string Kind { get; set; } = nameof(OrganizationKind.Enterprise);
    [BindProperty] public string? LegalName { get; set; }
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public DateOnly? EstablishedOn { get; set; }
    [BindProperty] public string? LegalRepresentative { get; set; }
    [BindProperty] public string? ActualController { get; set; }
    [BindProperty] public string? RegionCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? IndustryCode { get; set; }
    [BindProperty] public string? Sectors { get; set; }
    [BindProperty] public string? ContactName { get; set; }
    [BindProperty] public string? ContactPhone { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }

    public IReadOnlyList<Region> Counties { get; private set; } = [];

    public Guid? ExistingOrganizationId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            string? evidence = null;
            if (Evidence is not null)
            {
                evidence = (await files.SaveAsync(Evidence, "evidenceSha256", cancellationToken)).Sha256;
            }

            var result = await handler.HandleAsync(new RegisterOrganizationRequest(
                Kind, LegalName, CreditCode, null, null, EstablishedOn, LegalRepresentative, ActualController, RegionCode, Address,
                string.IsNullOrWhiteSpace(IndustryCode) ? null : IndustryCode.Trim(),
                (Sectors ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                new ContactDetails(ContactName, ContactPhone, ContactEmail), evidence), cancellationToken);
            return Redirect($"/Organizations/{result.Id}");
        }
        catch (InvalidRequestException invalid)
        {
            foreach (var v in invalid.Violations)
            {
                ModelState.AddModelError(v.Field, texts.Describe(v));
            }
        }
        catch (ConflictException conflict) when (conflict.Code == "duplicate_credit_code")
        {
            ExistingOrganizationId = conflict.Extensions.TryGetValue("organizationId", out var id) ? id as Guid? : null;
            ModelState.AddModelError("creditCode", texts.Describe(Problem.From(conflict)!));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Counties = await db.Set<Region>().Where(r => r.Level == RegionLevel.County && (r.Code.StartsWith("11") || r.Code.StartsWith("12") || r.Code.StartsWith("13")))
            .OrderBy(r => r.Code).ToListAsync(cancellationToken);
}
