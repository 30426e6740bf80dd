using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Recognitions;

namespace TechBridge.Pages.Admin;

// /Admin/Recognitions: the recognitions in the admin's jurisdictions, filtered by kind, level, status and region.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class RecognitionsModel(ListRecognitionsHandler handler, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public IReferenceData Reference => reference;

    public IReadOnlyList<RecognitionResponse> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await handler.AdminListAsync(Kind, Level, Status, Region, cancellationToken);
}
