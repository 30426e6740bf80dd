using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Recognitions;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Pages.Admin;

// /Admin/Recognitions: the recognitions in the admin's jurisdictions, filtered by kind, level, status and region.
[Authorize(Roles = Roles.Admin)]
internal sealed class RecognitionsModel(PlatformDbContext db, IAccess access, IReferenceData reference) : PageModel
{
    private const int MaxRows = 500;

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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(DirectoryPermissions.ManageRecognitions, cancellationToken);
        RecognitionStatus? status = Enum.TryParse<RecognitionStatus>(Status, ignoreCase: true, out var parsed) ? parsed : null;
        var filter = new RecognitionFilter(reference.RecognitionKindExists(Kind) ? Kind : null, RecognitionMapping.ParseLevel(Level), Region, status);
        var rows = await ListRecognitionsEndpoints.Query(db, filter)
            .OrderBy(x => x.Recognition.Status).ThenBy(x => x.Recognition.ValidUntil)
            .Take(MaxRows * 4)
            .ToListAsync(cancellationToken);
        Rows = rows.Where(x => jurisdictions.Any(j => Jurisdictions.Covers(j, x.Organization.RegionCode)))
            .Take(MaxRows)
            .Select(x => RecognitionMapping.ToResponse(x.Recognition, x.Organization, reference))
            .ToList();
    }
}
