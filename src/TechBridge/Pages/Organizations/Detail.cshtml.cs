using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.GetOrganization;
using TechBridge.Modules.Directory.ManageBranches;
using TechBridge.Modules.Directory.OnboardInstitution;
using TechBridge.Modules.Directory.RequestMembership;
using TechBridge.Platform.Errors;

namespace TechBridge.Pages.Organizations;

// An organization's registration as its members and the admins of its jurisdiction see it (404 for others);
// owners also manage branches and answer membership requests here, through the same handlers as the API.
[Authorize]
internal sealed class DetailModel(GetOrganizationHandler organizations, ManageBranchesHandler branches, RequestMembershipHandler membershipRequests, OnboardingHandler onboarding) : PageModel
{
    public OrganizationView Organization { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    public IReadOnlyList<MembershipRequestView> Requests { get; private set; } = [];

    public string? Message { get; private set; }

    public bool IsMember { get; private set; }

    // The institution admission application, shown to members of a service institution.
    public ApplicationView? Application { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAddBranchAsync(Guid id, string? name, string? regionCode, string? address, CancellationToken cancellationToken) =>
        ActAsync(id, () => branches.AddAsync(id, new AddBranchRequest(name, regionCode, address), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveBranchAsync(Guid id, Guid branchId, CancellationToken cancellationToken) =>
        ActAsync(id, () => branches.RemoveAsync(id, branchId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid requestId, bool approve, CancellationToken cancellationToken) =>
        ActAsync(id, () => membershipRequests.DecideAsync(id, requestId, approve, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApplyAsync(Guid id, string? serviceDescription, CancellationToken cancellationToken) =>
        ActAsync(id, () => onboarding.SubmitFromPageAsync(id, new SubmitApplicationRequest(serviceDescription), cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, CancellationToken cancellationToken)
    {
        try
        {
            await act();
            return Redirect($"/Organizations/{id}");
        }
        catch (ProblemException problem) when (problem is InvalidRequestException or ConflictException)
        {
            Message = problem.Message;
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Organization = await organizations.GetAsync(id, cancellationToken);
        var caller = await organizations.CallerMembershipAsync(id, cancellationToken);
        IsOwner = caller.IsOwner;
        IsMember = caller.IsMember;
        if (IsMember && Organization.Kind == "ServiceInstitution")
        {
            Application = await onboarding.ForOrganizationAsync(id, cancellationToken);
        }

        if (IsOwner)
        {
            Requests = await membershipRequests.ListAsync(id, cancellationToken);
        }
    }
}
