using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Directory.Recognitions;

internal sealed record AddRecognitionRequest(string? Kind, string? Level, string? Authority, string? CertificateNumber, DateOnly? IssuedOn, DateOnly? ValidUntil);

// POST /api/v1/organizations/{organizationId}/recognitions: an owner records a certificate (pending until an admin
// of the organization's jurisdiction confirms it); such an admin records it confirmed.
internal static class AddRecognitionEndpoint
{
    public static RouteGroupBuilder MapAddRecognition(this RouteGroupBuilder organizations)
    {
        organizations.MapPost("/{organizationId:guid}/recognitions", HandleAsync)
            .WithName("AddRecognition")
            .WithSummary("Records a recognition (certificate) of an organization: pending when its owner adds it, confirmed when an admin of its jurisdiction does.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return organizations;
    }

    private static async Task<Created<RecognitionResponse>> HandleAsync(Guid organizationId, AddRecognitionRequest request, AddRecognitionHandler handler, CancellationToken cancellationToken)
    {
        var recognition = await handler.AddAsync(organizationId, request, cancellationToken);
        return TypedResults.Created($"/api/v1/recognitions/{recognition.Id}", recognition);
    }
}

internal sealed class AddRecognitionHandler(IAccess access, IReferenceData reference, PlatformDbContext db, TimeProvider clock, Notify.DirectoryRecipients recipients)
{
    public async Task<RecognitionResponse> AddAsync(Guid organizationId, AddRecognitionRequest request, CancellationToken cancellationToken)
    {
        var level = RecognitionMapping.ParseLevel(request.Level);
        var validation = new Validation()
            .Required("kind", request.Kind).Required("level", request.Level).Required("authority", request.Authority).Required("certificateNumber", request.CertificateNumber)
            .MaxLength("authority", request.Authority, 200).MaxLength("certificateNumber", request.CertificateNumber, 64);
        if (request.Kind is not null && !reference.RecognitionKindExists(request.Kind))
        {
            validation.Add("kind", "unknown", "Not a recognition kind (GET /api/v1/reference/recognition-kinds).");
        }

        if (request.Level is not null && level is null)
        {
            validation.Add("level", "unknown", "Level is national, provincial or city.");
        }

        if (request.IssuedOn is null)
        {
            validation.Add("issuedOn", "required", "The date of issue is required.");
        }
        else if (request.IssuedOn > DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime))
        {
            validation.Add("issuedOn", "notFuture", "A certificate cannot be issued after today.");
        }
        else if (request.ValidUntil is { } until && until < request.IssuedOn)
        {
            validation.Add("validUntil", "after-issue", "A certificate cannot expire before it is issued.");
        }

        validation.ThrowIfInvalid();

        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
            ?? throw new NotFoundException("The organization");
        var admin = await access.HasPermissionAsync(DirectoryPermissions.ManageRecognitions, organization.RegionCode, cancellationToken);
        if (!admin)
        {
            await access.RequireMemberAsync(organizationId, ownerOnly: true, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var recognition = new Recognition
        {
            OrganizationId = organizationId,
            KindCode = request.Kind!,
            Level = level!.Value,
            Authority = request.Authority!.Trim(),
            CertificateNumber = request.CertificateNumber!.Trim(),
            IssuedOn = request.IssuedOn!.Value,
            ValidUntil = request.ValidUntil,
            Status = admin ? RecognitionStatus.Confirmed : RecognitionStatus.Pending,
            AddedBy = access.UserId,
            ReviewedBy = admin ? access.UserId : null,
            ReviewedAt = admin ? now : null,
            CreatedAt = now,
        };
        db.Add(recognition);
        if (!admin)
        {
            recipients.Send(await recipients.AdminsAsync(DirectoryPermissions.ManageRecognitions, organization.RegionCode, _ => true, cancellationToken),
                Notify.DirectoryNotices.RecognitionRequested, new() { ["organization"] = organization.LegalName }, "/Admin/Recognitions");
        }

        await db.SaveChangesAsync(cancellationToken);
        return RecognitionMapping.ToResponse(recognition, organization, reference);
    }
}
