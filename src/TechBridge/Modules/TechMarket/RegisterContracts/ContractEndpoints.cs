using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.TechMarket.ReviewContracts;

namespace TechBridge.Modules.TechMarket.RegisterContracts;

// /api/v1/techmarket/contracts: registration applications, their review and certificates.
internal static class ContractEndpoints
{
    public static RouteGroupBuilder MapContracts(this RouteGroupBuilder group)
    {
        group.MapPost("/contracts", async Task<Created<ContractResponse>> (ContractRequest request, RegisterContractsHandler desk, CancellationToken ct) =>
            {
                var contract = await desk.SubmitAsync(request, ct);
                return TypedResults.Created($"/api/v1/techmarket/contracts/{contract.Id}", contract);
            })
            .WithName("SubmitContractRegistration")
            .WithSummary("The seller (for a technology import the domestic buyer), acting for its organization, applies for registration with the written contract's sha256 (from POST /api/v1/files); due in 15 working days, 30 with expert review.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/contracts", async Task<Ok<IReadOnlyList<ContractResponse>>> (RegisterContractsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ListMineAsync(ct)))
            .WithName("ListMyContractRegistrations")
            .WithSummary("Registration applications of the caller's organizations, as applicant or party.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/contracts/{id:guid}", async Task<Ok<ContractResponse>> (Guid id, RegisterContractsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(id, ct)))
            .WithName("GetContractRegistration")
            .WithSummary("One application with its history (parties, the registration authority of the registrant's jurisdiction, its expert reviewers).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/contracts/{id:guid}/changes", async Task<Ok<ContractResponse>> (Guid id, ContractChangeRequest request, RegisterContractsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ChangeAsync(id, request, ct)))
            .WithName("ChangeContractRegistration")
            .WithSummary("The applicant records a change of the term or payment schedule with its reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/contracts/{id:guid}/cancellation", async Task<Ok<ContractResponse>> (Guid id, ReasonRequest request, RegisterContractsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.CancelAsync(id, request, ct)))
            .WithName("CancelContractRegistration")
            .WithSummary("The applicant withdraws a pending application or cancels a registered contract, with a reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/contracts/{id:guid}/objections", async Task<Ok<ContractResponse>> (Guid id, ReasonRequest request, RegisterContractsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ObjectAsync(id, request, ct)))
            .WithName("FileContractObjection")
            .WithSummary("A party objects; a pending application becomes disputed and goes to expert review (30 working days).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/review-queue", async Task<Ok<IReadOnlyList<QueueEntry>>> (ReviewContractsHandler review, CancellationToken ct) => TypedResults.Ok(await review.QueueAsync(ct)))
            .WithName("ListContractReviewQueue")
            .WithSummary("Pending applications of the caller's jurisdictions sorted by deadline, overdue flagged (registration authorities and expert reviewers).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/contracts/{id:guid}/expert-review", async Task<Ok<ContractResponse>> (Guid id, ReasonRequest request, ReviewContractsHandler review, CancellationToken ct) => TypedResults.Ok(await review.SendToExpertsAsync(id, request, ct)))
            .WithName("SendContractToExperts")
            .WithSummary("The registration authority sends a submitted application to expert review.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/contracts/{id:guid}/expert-opinion", async Task<Ok<ContractResponse>> (Guid id, ExpertOpinionRequest request, ReviewContractsHandler review, CancellationToken ct) => TypedResults.Ok(await review.GiveOpinionAsync(id, request, ct)))
            .WithName("GiveExpertOpinion")
            .WithSummary("An expert reviewer of the jurisdiction recommends registration or refusal with an opinion.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/contracts/{id:guid}/decision", async Task<Ok<ContractResponse>> (Guid id, DecisionRequest request, ReviewContractsHandler review, CancellationToken ct) => TypedResults.Ok(await review.DecideAsync(id, request, ct)))
            .WithName("DecideContractRegistration")
            .WithSummary("The registration authority registers (certificate number) or refuses (未予登记, with reasons); expert review must have given its opinion where required.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/contracts/{id:guid}/certificate", async Task<Ok<CertificateResponse>> (Guid id, ReviewContractsHandler review, CancellationToken ct) => TypedResults.Ok(await review.CertificateAsync(id, ct)))
            .WithName("GetContractCertificate")
            .WithSummary("The registration certificate of a registered contract (parties and the authority).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
