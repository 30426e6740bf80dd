using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.VerifyOrganization;

internal sealed record RejectOrganizationRequest(string? Reason);

// Several organizations at once: Verify true verifies them all, false rejects them all with the one reason.
internal sealed record DecideOrganizationsRequest(IReadOnlyList<Guid>? Ids, bool Verify, string? Reason);

internal sealed record VerificationResult(Guid Id, string Verification);

internal sealed record VerificationQueueItem(Guid Id, string Kind, string LegalName, string? CreditCode, string RegionCode, string? EvidenceSha256, DateTimeOffset CreatedAt)
{
    // What the applicant told about itself, shown beside the licence so that the admin compares without leaving the queue.
    public string? LegalRepresentative { get; init; }

    public string? Address { get; init; }

    public string? IndustryCode { get; init; }

    public DateOnly? EstablishedOn { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public string? Country { get; init; }

    public string? ForeignRegistrationNumber { get; init; }

    public string? EvidenceFileName { get; init; }

    public string? EvidenceContentType { get; init; }
}

// One organization's outcome in a bulk decision: 200, or the refusal's status (403 outside the jurisdiction, 404 gone,
// 409 already decided) and its message.
internal sealed record VerificationItemResult(Guid Id, string Name, int Status, string? Error);

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
        organizations.MapPost("/verification-decisions", async Task<Ok<IReadOnlyList<VerificationItemResult>>> (DecideOrganizationsRequest request, VerifyOrganizationHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DecideManyAsync(request.Ids ?? [], request.Verify, request.Reason, ct)))
            .WithName("DecideOrganizations")
            .WithSummary("Verifies or rejects several pending organizations; each item answers its own outcome.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
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
            .Select(o => new VerificationQueueItem(o.Id, o.Kind.ToString(), o.LegalName, o.CreditCode, o.RegionCode, o.EvidenceSha256, o.CreatedAt)
            {
                LegalRepresentative = o.LegalRepresentative,
                Address = o.Address,
                IndustryCode = o.IndustryCode,
                EstablishedOn = o.EstablishedOn,
                ContactName = o.ContactName,
                ContactPhone = o.ContactPhone,
                Country = o.Country,
                ForeignRegistrationNumber = o.ForeignRegistrationNumber,
            })
            .ToListAsync(cancellationToken);
        // Jurisdictions are a tree with exceptions (雄安, province-managed cities): filter with the one rule.
        var mine = pending.Where(o => jurisdictions.Any(j => Jurisdictions.Covers(j, o.RegionCode))).OrderBy(o => o.CreatedAt).ToList();
        // The licence's file name and type, so that the queue shows a picture inline and names a PDF.
        var hashes = mine.Where(o => o.EvidenceSha256 is not null).Select(o => o.EvidenceSha256!).Distinct().ToList();
        var files = (await db.Set<Platform.Files.FileUpload>().Where(f => hashes.Contains(f.Sha256))
                .Select(f => new { f.Sha256, f.FileName, f.ContentType }).ToListAsync(cancellationToken))
            .GroupBy(f => f.Sha256).ToDictionary(g => g.Key, g => g.First());
        return mine.Select(o => o.EvidenceSha256 is { } sha && files.TryGetValue(sha, out var file)
            ? o with { EvidenceFileName = file.FileName, EvidenceContentType = file.ContentType }
            : o).ToList();
    }

    public const int MaxBulkItems = 100;

    // Several organizations at once, each decided on its own (one refused item does not stop the others); a rejection
    // needs a reason, which every rejected organization is told.
    public async Task<IReadOnlyList<VerificationItemResult>> DecideManyAsync(IReadOnlyList<Guid> ids, bool verify, string? reason, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (ids.Count is 0 or > MaxBulkItems)
        {
            validation.Add("ids", "range", $"Select 1 to {MaxBulkItems} organizations at a time.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxBulkItems });
        }

        // A reason is required to refuse; when given it meets its limit whatever the decision.
        if (!verify)
        {
            validation.Required("reason", reason);
        }

        validation.MaxLength("reason", reason, 1000);

        validation.ThrowIfInvalid();
        var names = await db.Set<Organization>().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.LegalName, cancellationToken);
        var results = new List<VerificationItemResult>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                await DecideAsync(id, verify ? VerificationStatus.Verified : VerificationStatus.Rejected, reason?.Trim(), cancellationToken);
                results.Add(new VerificationItemResult(id, names.GetValueOrDefault(id, ""), StatusCodes.Status200OK, null));
            }
            catch (ProblemException problem)
            {
                results.Add(new VerificationItemResult(id, names.GetValueOrDefault(id, ""), problem.Status, problem.Message));
            }
            finally
            {
                // Each item stands alone: nothing of a refused item may ride along with the next one's save.
                db.ChangeTracker.Clear();
            }
        }

        return results;
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
