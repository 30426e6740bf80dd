using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.ManageUsers;

namespace TechBridge.Pages.Admin;

// The system admin's account administration (the same ManageUsersHandler as /api/v1/admin/users).
[Authorize(Roles = Roles.SystemAdmin + "," + Roles.Auditor)]
internal sealed class UsersModel(ManageUsersHandler administration, IAccess access) : PageModel
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
            Message = e.Message;
        }

        return RedirectToPage(new { id = Id });
    }
}
