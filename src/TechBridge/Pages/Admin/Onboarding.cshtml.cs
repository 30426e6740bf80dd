using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.OnboardInstitution;

namespace TechBridge.Pages.Admin;

// The admin's review queue: filters (state, region, sector) and bulk approval of institutions whose notice ended.
// Jurisdiction and level checks are the handler's, exactly as for the API.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class OnboardingModel(OnboardingHandler onboarding, Modules.Directory.Contracts.IAccess access, ErrorTexts texts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }

    public IReadOnlyList<ApplicationView> Applications { get; private set; } = [];

    public IReadOnlyList<BulkItemResult> Results { get; private set; } = [];

    // Why the last action was refused (wrong level, wrong state, missing reason).
    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    // The institution the last step was taken on, to say what was done ("已开始审核：…").
    [TempData] public string? DoneName { get; set; }

    public static IReadOnlyList<string> States => OnboardingHandler.States;

    // The auditor reads the queue; every action is the admins'.
    public bool ReadOnly => access.ReadsEverything;

    // Names of the applications as they were before a bulk action, to name the items its results speak of.
    private Dictionary<Guid, string> names = [];

    public string NameOf(Guid id) => names.GetValueOrDefault(id) ?? Applications.FirstOrDefault(a => a.Id == id)?.LegalName ?? "";

    private async Task RememberNamesAsync(CancellationToken cancellationToken)
    {
        try
        {
            names = (await onboarding.QueueAsync(State, Region, Sector, cancellationToken)).ToDictionary(a => a.Id, a => a.LegalName);
        }
        catch (ProblemException)
        {
            // No grant or a bad filter: the step itself answers that.
        }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Applications = await onboarding.QueueAsync(State, Region, Sector, cancellationToken);

    public async Task<IActionResult> OnPostBulkApproveAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        await RememberNamesAsync(cancellationToken);
        if (ids.Count > 0)
        {
            Results = await onboarding.BulkApproveAsync(ids.Take(200).ToList(), cancellationToken);
        }

        Applications = await onboarding.QueueAsync(State, Region, Sector, cancellationToken);
        return Page();
    }

    // One review step on one application. The buttons live inside the bulk form (a table row cannot hold a form of
    // its own) and post here through formaction; a step's reason is the row's "reason-{id}" field.
    public async Task<IActionResult> OnPostActAsync(Guid id, string? step, Guid? objection, CancellationToken cancellationToken)
    {
        await RememberNamesAsync(cancellationToken);
        var reason = Request.HasFormContentType ? Request.Form[$"reason-{id}"].ToString() : null;
        try
        {
            _ = step switch
            {
                "start-review" => await onboarding.StartReviewAsync(id, cancellationToken),
                "first-review" => await onboarding.FirstReviewAsync(id, cancellationToken),
                "start-notice" => await onboarding.StartNoticeAsync(id, cancellationToken),
                "approve" => await onboarding.ApproveAsync(id, cancellationToken),
                "reject" => await onboarding.RejectAsync(id, reason, cancellationToken),
                "suspend" => await onboarding.SuspendAsync(id, reason, cancellationToken),
                "reinstate" => await onboarding.ReinstateAsync(id, reason, cancellationToken),
                "uphold" or "dismiss" when objection is { } objectionId =>
                    await onboarding.ResolveObjectionAsync(id, objectionId, uphold: step == "uphold", reason, cancellationToken),
                _ => throw InvalidRequestException.For("step", "oneOf", "Unknown review step."),
            };
            DoneName = names.GetValueOrDefault(id);
            return RedirectToPage(new { State, Region, Sector, Done = step });
        }
        catch (ProblemException problem) when (problem is InvalidRequestException or ConflictException or ForbiddenException or NotFoundException)
        {
            // In the reader's language, from the module's error table (a missing reason, a wrong level, a running notice).
            Message = texts.Describe(Problem.From(problem)!);
        }

        Applications = await onboarding.QueueAsync(State, Region, Sector, cancellationToken);
        return Page();
    }
}
