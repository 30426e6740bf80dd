using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.ApplyForVouchers;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.Vouchers;

// /Vouchers/Program?id=: a program's rules in plain words, each eligibility rule's result for the acting
// organization, and the application form.
[Authorize]
internal sealed class ProgramModel(ProgramsHandler programs, ApplicationsHandler applications) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ProgramResponse? Program { get; private set; }

    public EligibilityResponse? Eligibility { get; private set; }

    [BindProperty] public string? RequestedYuan { get; set; }

    [BindProperty] public string? Purpose { get; set; }

    public bool Applied { get; private set; }

    public async Task OnGetAsync(bool applied, CancellationToken cancellationToken)
    {
        Applied = applied;
        await ReloadAsync(cancellationToken);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Program = await programs.GetAsync(Id, cancellationToken);
        try
        {
            Eligibility = await applications.EligibilityAsync(Id, null, cancellationToken);
        }
        catch (InvalidRequestException)
        {
            // No organization to check (the auditor, an admin): the rules alone.
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var amounts = new TypedAmounts();
        var requested = amounts.Fen("requestedFen", RequestedYuan);
        amounts.ThrowIfInvalid();
        await applications.ApplyAsync(Id, new ApplicationRequest(requested, Purpose, null, null), cancellationToken);
        return RedirectToPage(new { id = Id, applied = true });
    }
}
