using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    public async Task<ApplicationView> SubmitAsync(SubmitApplicationRequest request, CancellationToken ct)
    {
        new Validation().MaxLength("serviceDescription", request.ServiceDescription, 2000).ThrowIfInvalid();
        var organizationId = await access.RequireVerifiedActingOrganizationAsync(ct);
        return await SubmitForAsync(organizationId, request, ct);
    }

    // The organization page applies for the organization on screen, which its member need not have switched to.
    public async Task<ApplicationView> SubmitFromPageAsync(Guid organizationId, SubmitApplicationRequest request, CancellationToken ct)
    {
        new Validation().MaxLength("serviceDescription", request.ServiceDescription, 2000).ThrowIfInvalid();
        await access.RequireMemberAsync(organizationId, ownerOnly: false, ct);
        if (!await db.Set<Organization>().AnyAsync(o => o.Id == organizationId && o.Verification == VerificationStatus.Verified, ct))
        {
            throw new ConflictException("organization_not_verified", "The organization is not verified yet.");
        }

        return await SubmitForAsync(organizationId, request, ct);
    }

    // The application of an organization, for its members' page (null when it never applied).
    public async Task<ApplicationView?> ForOrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        var id = await db.Set<InstitutionApplication>().Where(a => a.OrganizationId == organizationId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await ViewAsync(found, ct) : null;
    }

    private async Task<ApplicationView> SubmitForAsync(Guid organizationId, SubmitApplicationRequest request, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().FirstAsync(o => o.Id == organizationId, ct);
        if (organization.Kind != OrganizationKind.ServiceInstitution)
        {
            throw InvalidRequestException.For("X-Organization", "serviceInstitution", "Only service institutions apply for admission.");
        }

        var application = await db.Set<InstitutionApplication>().FirstOrDefaultAsync(a => a.OrganizationId == organizationId, ct);
        if (application is null)
        {
            application = new InstitutionApplication { OrganizationId = organizationId, RegionCode = organization.RegionCode };
            db.Add(application);
        }
        else if (application.State != InstitutionState.Rejected)
        {
            throw new ConflictException("application_exists", $"The organization's application is {application.State}.");
        }

        application.State = InstitutionState.Submitted;
        application.ServiceDescription = request.ServiceDescription?.Trim();
        application.SubmittedAt = clock.GetUtcNow();
        application.FirstReviewedBy = null;
        application.NoticeStartedAt = null;
        application.NoticeEndsAt = null;
        application.Reason = null;
        application.Version = Guid.CreateVersion7();
        recipients.Send(await AdminsAsync(application, NeedsFirstReview(application) ? Level.City : Level.Final, ct), DirectoryNotices.InstitutionSubmitted,
            new() { ["organization"] = organization.LegalName }, "/Admin/Onboarding");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(application.Id, ct);
    }
}

internal static partial class OnboardingEndpoints
{
    private static void MapSubmit(RouteGroupBuilder onboarding)
    {
        onboarding.MapPost("/applications", async Task<Created<ApplicationView>> (SubmitApplicationRequest request, OnboardingHandler handler, CancellationToken ct) =>
            {
                var view = await handler.SubmitAsync(request, ct);
                return TypedResults.Created($"/api/v1/onboarding/applications/{view.Id}", view);
            })
            .WithName("SubmitInstitutionApplication")
            .WithSummary("The acting (verified) service institution applies for admission.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
