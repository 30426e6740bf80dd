using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.OnboardInstitution;
using TechBridge.Platform.Time;

namespace TechBridge.Pages.Notices;

// 公示: the public notice board of institution admission; no sign-in, so the public can see who is being admitted.
// Signed-in users object here with a reason (one small form per entry, no JavaScript needed); the objection goes
// through the same handler as the API, and after posting the board shows a confirmation (post/redirect/get).
internal sealed class NoticesModel(OnboardingHandler onboarding) : PageModel
{
    internal sealed record Notice(Guid ApplicationId, string LegalName, string? CreditCode, string RegionName, DateTimeOffset EndsAt)
    {
        public DateTimeOffset EndsAtChina => AdjustableClock.ToChina(EndsAt);
    }

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    // The entry whose objection form failed validation, and the message to show beside it.
    public Guid? InvalidApplication { get; private set; }

    public string? Reason { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Objected { get; set; }

    public string? ObjectedName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostObjectAsync(Guid applicationId, string? reason, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            return await InvalidAsync(applicationId, reason, "Enter the reason for your objection (at most 1000 characters).", cancellationToken);
        }

        try
        {
            await onboarding.ObjectAsync(applicationId, reason, cancellationToken);
        }
        catch (NotFoundException)
        {
            return await InvalidAsync(applicationId, reason, "This institution is no longer under public notice.", cancellationToken);
        }

        return RedirectToPage(new { objected = applicationId });
    }

    private async Task<IActionResult> InvalidAsync(Guid applicationId, string? reason, string error, CancellationToken cancellationToken)
    {
        InvalidApplication = applicationId;
        Reason = reason;
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Notices = (await onboarding.PublicNoticesAsync(cancellationToken))
            .Select(n => new Notice(n.ApplicationId, n.LegalName, n.CreditCode, n.RegionName, n.EndsAt)).ToList();
        if (Objected is { } objected)
        {
            ObjectedName = await onboarding.ApplicantNameAsync(objected, cancellationToken);
        }
    }
}
