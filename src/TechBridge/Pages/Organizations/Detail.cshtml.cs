using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.GetOrganization;
using TechBridge.Modules.Directory.ManageBranches;
using TechBridge.Modules.Directory.Notify;
using TechBridge.Modules.Directory.RequestMembership;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages.Organizations;

// An organization's registration as its members and the admins of its jurisdiction see it (404 for others);
// owners also manage branches and answer membership requests here, through the same handlers as the API.
[Authorize]
internal sealed class DetailModel(PlatformDbContext db, IAccess access, IReferenceData regions, TimeProvider clock, DirectoryRecipients recipients, Modules.Directory.OnboardInstitution.Onboarding onboarding) : PageModel
{
    public OrganizationView Organization { get; private set; } = null!;

    public bool IsOwner { get; private set; }

    public IReadOnlyList<MembershipRequestView> Requests { get; private set; } = [];

    public string? Message { get; private set; }

    public bool IsMember { get; private set; }

    // The institution admission application, shown to members of a service institution.
    public Modules.Directory.OnboardInstitution.ApplicationView? Application { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostAddBranchAsync(Guid id, string? name, string? regionCode, string? address, CancellationToken cancellationToken) =>
        ActAsync(id, () => ManageBranchesEndpoints.AddAsync(id, new AddBranchRequest(name, regionCode, address), db, access, regions, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemoveBranchAsync(Guid id, Guid branchId, CancellationToken cancellationToken) =>
        ActAsync(id, () => ManageBranchesEndpoints.RemoveAsync(id, branchId, db, access, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid requestId, bool approve, CancellationToken cancellationToken) =>
        ActAsync(id, () => RequestMembershipEndpoints.DecideAsync(id, requestId, approve, db, access, clock, recipients, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApplyAsync(Guid id, string? serviceDescription, CancellationToken cancellationToken) =>
        ActAsync(id, () => onboarding.SubmitFromPageAsync(id, new Modules.Directory.OnboardInstitution.SubmitApplicationRequest(serviceDescription), cancellationToken), cancellationToken);

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
        Organization = GetOrganizationEndpoint.ToView(await GetOrganizationEndpoint.LoadVisibleAsync(db, access, id, cancellationToken));
        var userId = access.UserId;
        var role = await db.Set<Membership>().Where(m => m.OrganizationId == id && m.UserId == userId).Select(m => (MembershipRole?)m.Role).FirstOrDefaultAsync(cancellationToken);
        IsOwner = role == MembershipRole.Owner;
        IsMember = role is not null;
        if (IsMember && Organization.Kind == nameof(OrganizationKind.ServiceInstitution))
        {
            Application = await onboarding.ForOrganizationAsync(id, cancellationToken);
        }

        if (IsOwner)
        {
            Requests = (await RequestMembershipEndpoints.ListAsync(id, db, access, cancellationToken)).Value ?? [];
        }
    }
}
