using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Recognitions;

internal sealed record RevokeRecognitionRequest(string? Reason);

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
        return recognitions;
    }

    private static async Task<Ok<RecognitionResponse>> ConfirmAsync(Guid id, ReviewRecognitionHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.ConfirmAsync(id, cancellationToken));

    private static async Task<Ok<RecognitionResponse>> RevokeAsync(Guid id, RevokeRecognitionRequest request, ReviewRecognitionHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.RevokeAsync(id, request, cancellationToken));
}

internal sealed class ReviewRecognitionHandler(IAccess access, IReferenceData reference, PlatformDbContext db, TimeProvider clock)
{
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
        await db.SaveChangesAsync(cancellationToken);
        return RecognitionMapping.ToResponse(recognition, organization, reference);
    }

    private async Task<(Recognition, Organization)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var recognition = await db.Set<Recognition>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("The recognition");
        var organization = await db.Set<Organization>().FirstAsync(o => o.Id == recognition.OrganizationId, cancellationToken);
        await access.RequirePermissionAsync(DirectoryPermissions.ManageRecognitions, organization.RegionCode, cancellationToken);
        return (recognition, organization);
    }
}
