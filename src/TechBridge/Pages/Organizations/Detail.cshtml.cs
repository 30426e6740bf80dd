using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.GetOrganization;
using TechBridge.Modules.Directory.ManageBranches;
using TechBridge.Modules.Directory.OnboardInstitution;
using TechBridge.Modules.Directory.RequestMembership;
using TechBridge.Modules.Engagements.Portal;
using TechBridge.Modules.Listings.Portal;

namespace TechBridge.Pages.Organizations;

// The organization's public profile for everyone (a verified organization: sectors, region and branches,
// recognitions, published offerings and achievements, its track record). Its members and the admins of its
// jurisdiction see the registration below it; owners also manage branches and answer membership requests here,
// through the same handlers as the API.
[AllowAnonymous]
internal sealed class DetailModel(
    PublicProfileHandler profiles, OrganizationListingsHandler listings, ProviderRecordHandler records,
    GetOrganizationHandler organizations, ManageBranchesHandler branches, RequestMembershipHandler membershipRequests, OnboardingHandler onboarding) : PageModel, IReloadAfterProblem
{
    public PublicProfile Profile { get; private set; } = null!;

    public IReadOnlyList<PublicListing> Listings { get; private set; } = [];

    public ProviderRecord Record { get; private set; } = null!;

    // The registration, for members and the admins of the organization's jurisdiction only.
    public OrganizationView? Organization { get; private set; }

    public bool IsOwner { get; private set; }

    public IReadOnlyList<MembershipRequestView> Requests { get; private set; } = [];

    public bool IsMember { get; private set; }

    // The institution admission application, shown to members of a service institution.
    public ApplicationView? Application { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(Id, cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => LoadAsync(Id, cancellationToken);

    public Task<IActionResult> OnPostAddBranchAsync(Guid id, string? name, string? regionCode, string? address, CancellationToken cancellationToken) =>
        ActAsync(id, () => branches.AddAsync(id, new AddBranchRequest(name, regionCode, address), cancellationToken));

    public Task<IActionResult> OnPostRemoveBranchAsync(Guid id, Guid branchId, CancellationToken cancellationToken) =>
        ActAsync(id, () => branches.RemoveAsync(id, branchId, cancellationToken));

    public Task<IActionResult> OnPostDecideAsync(Guid id, Guid requestId, bool approve, CancellationToken cancellationToken) =>
        ActAsync(id, () => membershipRequests.DecideAsync(id, requestId, approve, cancellationToken));

    public Task<IActionResult> OnPostApplyAsync(Guid id, string? serviceDescription, CancellationToken cancellationToken) =>
        ActAsync(id, () => onboarding.SubmitFromPageAsync(id, new SubmitApplicationRequest(serviceDescription), cancellationToken));

    // A refused step comes back as field errors here, or as the error page (ProblemPageFilter).
    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act)
    {
        await act();
        return Redirect($"/Organizations/{id}");
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Profile = await profiles.GetAsync(id, cancellationToken);
        Listings = await listings.PublishedAsync(id, cancellationToken);
        Record = await records.ForAsync(id, cancellationToken);
        if (!Profile.CallerSeesRegistration)
        {
            return;
        }

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
