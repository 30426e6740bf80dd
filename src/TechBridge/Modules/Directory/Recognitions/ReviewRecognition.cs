using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Notify;

namespace TechBridge.Modules.Directory.Recognitions;

internal sealed record RevokeRecognitionRequest(string? Reason);

// Several recognitions at once: Confirm true confirms them, false revokes them with the one reason.
internal sealed record DecideRecognitionsRequest(IReadOnlyList<Guid>? Ids, bool Confirm, string? Reason);

// One recognition's outcome in a bulk decision: 200, or the refusal's status and message.
internal sealed record RecognitionItemResult(Guid Id, string Name, int Status, string? Error);

// POST /api/v1/recognitions/{id}/confirm | /revoke: admins with ManageRecognitions for the organization's region.
internal static class ReviewRecognitionEndpoints
{
    public static RouteGroupBuilder MapReviewRecognition(this RouteGroupBuilder recognitions)
    {
        recognitions.MapPost("/{id:guid}/confirm", ConfirmAsync)
            .WithName("ConfirmRecognition")
            .WithSummary("Confirms a pending recognition (admins of the organization's jurisdiction).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        recognitions.MapPost("/{id:guid}/revoke", RevokeAsync)
            .WithName("RevokeRecognition")
            .WithSummary("Revokes a recognition, with a reason (admins of the organization's jurisdiction).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        recognitions.MapPost("/decisions", async Task<Ok<IReadOnlyList<RecognitionItemResult>>> (DecideRecognitionsRequest request, ReviewRecognitionHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DecideManyAsync(request.Ids ?? [], request.Confirm, request.Reason, ct)))
            .WithName("DecideRecognitions")
            .WithSummary("Confirms or revokes several recognitions; each item answers its own outcome.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return recognitions;
    }

    private static async Task<Ok<RecognitionResponse>> ConfirmAsync(Guid id, ReviewRecognitionHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ConfirmAsync(id, cancellationToken));

    private static async Task<Ok<RecognitionResponse>> RevokeAsync(Guid id, RevokeRecognitionRequest request, ReviewRecognitionHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.RevokeAsync(id, request, cancellationToken));
}

internal sealed class ReviewRecognitionHandler(IAccess access, IReferenceData reference, PlatformDbContext db, TimeProvider clock, DirectoryRecipients recipients)
{
    public const int MaxBulkItems = 100;

    // Each recognition decided on its own (one refused item does not stop the others); a revocation needs a reason.
    public async Task<IReadOnlyList<RecognitionItemResult>> DecideManyAsync(IReadOnlyList<Guid> ids, bool confirm, string? reason, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (ids.Count is 0 or > MaxBulkItems)
        {
            validation.Add("ids", "range", $"Select 1 to {MaxBulkItems} recognitions at a time.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxBulkItems });
        }

        // A reason is required to refuse; when given it meets its limit whatever the decision.
        if (!confirm)
        {
            validation.Required("reason", reason);
        }

        validation.MaxLength("reason", reason, 500);

        validation.ThrowIfInvalid();
        var names = await (from r in db.Set<Recognition>()
                           join o in db.Set<Organization>() on r.OrganizationId equals o.Id
                           where ids.Contains(r.Id)
                           select new { r.Id, r.KindCode, o.LegalName }).ToListAsync(cancellationToken);
        var nameOf = names.ToDictionary(n => n.Id, n => $"{n.LegalName}（{reference.RecognitionKinds.FirstOrDefault(k => k.Code == n.KindCode)?.NameZh ?? n.KindCode}）");
        var results = new List<RecognitionItemResult>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                _ = confirm ? await ConfirmAsync(id, cancellationToken) : await RevokeAsync(id, new RevokeRecognitionRequest(reason), cancellationToken);
                results.Add(new RecognitionItemResult(id, nameOf.GetValueOrDefault(id, ""), StatusCodes.Status200OK, null));
            }
            catch (ProblemException problem)
            {
                results.Add(new RecognitionItemResult(id, nameOf.GetValueOrDefault(id, ""), problem.Status, problem.Message));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return results;
    }

    public async Task<RecognitionResponse> ConfirmAsync(Guid id, CancellationToken cancellationToken)
    {
        var (recognition, organization) = await LoadAsync(id, cancellationToken);
        if (recognition.Status != RecognitionStatus.Pending)
        {
            throw new ConflictException("not_pending", $"The recognition is {RecognitionMapping.Name(recognition.Status)}, not pending.");
        }

        recognition.Status = RecognitionStatus.Confirmed;
        recognition.ReviewedBy = access.UserId;
        recognition.ReviewedAt = clock.GetUtcNow();
        await TellOwnersAsync(recognition, organization, DirectoryNotices.RecognitionConfirmed, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionMapping.ToResponse(recognition, organization, reference);
    }

    public async Task<RecognitionResponse> RevokeAsync(Guid id, RevokeRecognitionRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 500).ThrowIfInvalid();
        var (recognition, organization) = await LoadAsync(id, cancellationToken);
        if (recognition.Status == RecognitionStatus.Revoked)
        {
            throw new ConflictException("already_revoked", "The recognition is already revoked.");
        }

        recognition.Status = RecognitionStatus.Revoked;
        recognition.RevocationReason = request.Reason!.Trim();
        recognition.ReviewedBy = access.UserId;
        recognition.ReviewedAt = clock.GetUtcNow();
        await TellOwnersAsync(recognition, organization, DirectoryNotices.RecognitionRevoked, recognition.RevocationReason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionMapping.ToResponse(recognition, organization, reference);
    }

    // The owners waited for the decision; the kind travels as its code and is named in the reader's language.
    private async Task TellOwnersAsync(Recognition recognition, Organization organization, Platform.Notifications.NotificationTemplate template, string? reason, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>
        {
            ["organization"] = organization.LegalName,
            ["kind"] = reference.RecognitionKinds.FirstOrDefault(k => k.Code == recognition.KindCode)?.NameEn ?? recognition.KindCode,
            ["certificate"] = recognition.CertificateNumber,
        };
        if (reason is not null)
        {
            parameters["reason"] = reason;
        }

        recipients.Send(await recipients.MembersAsync(organization.Id, ownersOnly: true, cancellationToken), template, parameters, $"/Organizations/{organization.Id}");
    }

    private async Task<(Recognition, Organization)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var recognition = await db.Set<Recognition>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("The recognition");
        var organization = await db.Set<Organization>().FirstAsync(o => o.Id == recognition.OrganizationId, cancellationToken);
        await access.RequirePermissionAsync(DirectoryPermissions.ManageRecognitions, organization.RegionCode, cancellationToken);
        return (recognition, organization);
    }
}
