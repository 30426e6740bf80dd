using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.ManageUsers;

namespace TechBridge.Pages.Admin;

// The system admin's account administration (the same ManageUsersHandler as /api/v1/admin/users).
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Auditor)]
internal sealed class UsersModel(ManageUsersHandler administration, IAccess access, ErrorTexts texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public string? Permission { get; set; }

    [BindProperty]
    public string? Jurisdiction { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    // Only the system admin changes accounts; the auditor reads the same page without the controls.
    public bool CanAct => User.IsInRole(Roles.SystemAdmin);

    // Permissions as words (English UI keys; the Chinese is in the resources), never their codes on the page.
    private static readonly Dictionary<string, string> PermissionNames = new(StringComparer.Ordinal)
    {
        ["directory.verify-organizations"] = "Verify organization registrations",
        ["directory.review-institutions"] = "Review institution admissions",
        ["directory.manage-recognitions"] = "Confirm qualifications and recognitions",
        ["directory.manage-groups"] = "Manage alliances and groups",
        ["directory.broker-region"] = "Broker's region (mediates there)",
        ["engagements.resolve-complaints"] = "Resolve complaints",
        ["listings.review"] = "Review listings",
        ["matching.manage-search-vocabulary"] = "Manage the search vocabulary",
        ["monitoring.manage-kpis"] = "Manage plan indicators",
        ["supervision.oversee-tasks"] = "Oversee project tasks",
        ["techmarket.register-contracts"] = "Register technology contracts",
        ["techmarket.expert-review"] = "Expert review of technology contracts",
        ["techmarket.manage-calendar"] = "Manage the technology market calendar",
        ["vouchers.manage-programs"] = "Manage voucher programs",
        ["vouchers.review"] = "Review voucher applications",
        ["audit.read"] = "Read the audit trail",
        ["jobs.read"] = "Read the background jobs",
    };

    public static string PermissionName(string permission) => PermissionNames.GetValueOrDefault(permission, permission);

    public UserDetail? Detail { get; private set; }

    // Jurisdiction codes with their region names, for the grant form.
    public IReadOnlyList<(string Code, string Name)> JurisdictionChoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Users = await administration.ListAsync(Name, Role, cancellationToken);
        if (Id is { } id)
        {
            try
            {
                Detail = await administration.GetAsync(id, cancellationToken);
            }
            catch (NotFoundException)
            {
                Message = null;
            }

            JurisdictionChoices = await administration.JurisdictionChoicesAsync(cancellationToken);
        }
    }

    public Task<IActionResult> OnPostAddRoleAsync() => ActAsync(() => administration.AddRoleAsync(Id!.Value, Role));

    public Task<IActionResult> OnPostRemoveRoleAsync() => ActAsync(() => administration.RemoveRoleAsync(Id!.Value, Role, access.UserId));

    public Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken) =>
        ActAsync(() => administration.GrantAsync(Id!.Value, Permission, Jurisdiction, cancellationToken));

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        ActAsync(() => administration.RevokeAsync(Id!.Value, Permission, Jurisdiction, cancellationToken));

    public Task<IActionResult> OnPostLockAsync() => ActAsync(() => administration.LockAsync(Id!.Value, access.UserId));

    public Task<IActionResult> OnPostUnlockAsync() => ActAsync(() => administration.UnlockAsync(Id!.Value));

    public Task<IActionResult> OnPostResetTotpAsync() => ActAsync(() => administration.ResetTotpAsync(Id!.Value));

    // Post/redirect/get: the outcome travels in TempData, the detail is shown again.
    private async Task<IActionResult> ActAsync(Func<Task> action)
    {
        if (Id is null)
        {
            return RedirectToPage();
        }

        try
        {
            await action();
            Message = "ok";
        }
        catch (ProblemException e)
        {
            // In the reader's language, from the error table (not the handler's English detail).
            Message = texts.Describe(Problem.From(e)!);
        }

        return RedirectToPage(new { id = Id });
    }
}
