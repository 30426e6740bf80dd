using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.VerifyOrganization;

internal sealed record RejectOrganizationRequest(string? Reason);

internal sealed record VerificationResult(Guid Id, string Verification);

internal sealed record VerificationQueueItem(Guid Id, string Kind, string LegalName, string? CreditCode, string RegionCode, string? EvidenceSha256, DateTimeOffset CreatedAt);

// An admin holding VerifyOrganizations for a jurisdiction covering the organization's region checks the licence
// against the registration and verifies or rejects it. Only Pending organizations can be decided; the update is
// conditional on that state so two admins cannot both decide.
internal static class VerifyOrganizationEndpoints
{
    public static RouteGroupBuilder MapVerifyOrganization(this RouteGroupBuilder organizations)
    {
        organizations.MapPost("/{id:guid}/verify", (Guid id, VerifyOrganizationHandler handler, CancellationToken ct) =>
                handler.VerifyAsync(id, ct))
            .WithName("VerifyOrganization")
            .WithSummary("Marks a pending organization verified (admin of its jurisdiction).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        organizations.MapPost("/{id:guid}/reject", (Guid id, RejectOrganizationRequest request, VerifyOrganizationHandler handler, CancellationToken ct) =>
                handler.RejectAsync(id, request.Reason, ct))
            .WithName("RejectOrganization")
            .WithSummary("Rejects a pending organization's registration with a reason (admin of its jurisdiction).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        organizations.MapGet("/verification-queue", async Task<Ok<List<VerificationQueueItem>>> (VerifyOrganizationHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.QueueAsync(ct)))
            .WithName("GetVerificationQueue")
            .WithSummary("Pending organizations in the caller's jurisdictions, oldest first.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return organizations;
    }
}

internal sealed class VerifyOrganizationHandler(PlatformDbContext db, IAccess access, DirectoryRecipients recipients)
{
    public Task<Ok<VerificationResult>> VerifyAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, VerificationStatus.Verified, null, cancellationToken);

    public Task<Ok<VerificationResult>> RejectAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", reason).MaxLength("reason", reason, 1000).ThrowIfInvalid();
        return DecideAsync(id, VerificationStatus.Rejected, reason!.Trim(), cancellationToken);
    }

    // Pending organizations in the caller's jurisdictions, oldest first.
    public async Task<List<VerificationQueueItem>> QueueAsync(CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(DirectoryPermissions.VerifyOrganizations, cancellationToken);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException("Verifying organizations needs an admin grant.");
        }

        var pending = await db.Set<Organization>().Where(o => o.Verification == VerificationStatus.Pending)
            .Select(o => new VerificationQueueItem(o.Id, o.Kind.ToString(), o.LegalName, o.CreditCode, o.RegionCode, o.EvidenceSha256, o.CreatedAt))
            .ToListAsync(cancellationToken);
        // Jurisdictions are a tree with exceptions (雄安, province-managed cities): filter with the one rule.
        return pending.Where(o => jurisdictions.Any(j => Jurisdictions.Covers(j, o.RegionCode))).OrderBy(o => o.CreatedAt).ToList();
    }

    private async Task<Ok<VerificationResult>> DecideAsync(Guid id, VerificationStatus decision, string? reason, CancellationToken cancellationToken)
    {
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("The organization");
        await access.RequirePermissionAsync(DirectoryPermissions.VerifyOrganizations, organization.RegionCode, cancellationToken);
        if (organization.Verification != VerificationStatus.Pending)
        {
            throw new ConflictException("not_pending", $"The organization is already {organization.Verification}.");
        }

        organization.Verification = decision;
        organization.VerificationReason = reason;
        var owners = await recipients.MembersAsync(organization.Id, ownersOnly: true, cancellationToken);
        if (decision == VerificationStatus.Verified)
        {
            recipients.Send(owners, DirectoryNotices.Verified, new() { ["organization"] = organization.LegalName }, $"/Organizations/{organization.Id}");
        }
        else
        {
            recipients.Send(owners, DirectoryNotices.Rejected, new() { ["organization"] = organization.LegalName, ["reason"] = reason ?? "" }, $"/Organizations/{organization.Id}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new VerificationResult(organization.Id, decision.ToString()));
    }
}
