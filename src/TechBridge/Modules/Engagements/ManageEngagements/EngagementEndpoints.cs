using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Modules.Engagements.ManageEngagements;

// /api/v1/engagements: interest in a listing, the thread, mediation, reveal and the state machine.
internal static class EngagementEndpoints
{
    public static RouteGroupBuilder MapManageEngagements(this RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Created<EngagementResponse>> (InterestRequest request, IAccess access, ManageEngagementsHandler desk, CancellationToken ct) =>
            {
                var response = await desk.ExpressInterestAsync(access.ActingOrganizationId, request, ct);
                return TypedResults.Created($"/api/v1/engagements/{response.Id}", response);
            })
            .WithName("ExpressInterest")
            .WithSummary("The acting organization expresses interest in a published listing; an anonymous demand's engagement is mediated by a broker.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", async Task<Ok<IReadOnlyList<EngagementResponse>>> (ManageEngagementsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ListMineAsync(ct)))
            .WithName("ListMyEngagements")
            .WithSummary("Engagements of the caller's organizations, those the caller mediates, and (brokers) anonymous ones awaiting a broker.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id:guid}", async Task<Ok<ThreadResponse>> (Guid id, ManageEngagementsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ThreadAsync(id, ct)))
            .WithName("GetEngagement")
            .WithSummary("The engagement and its message thread (the parties, the broker and admins of the listing's jurisdiction).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/messages", async Task<Created<MessageResponse>> (Guid id, MessageRequest request, ManageEngagementsHandler desk, CancellationToken ct) =>
            {
                var message = await desk.PostMessageAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/engagements/{id}", message);
            })
            .WithName("PostEngagementMessage")
            .WithSummary("Adds a message to the thread; the other participants are notified.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/transitions", async Task<Ok<EngagementResponse>> (Guid id, TransitionRequest request, ManageEngagementsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.TransitionAsync(id, request, ct)))
            .WithName("ChangeEngagementStatus")
            .WithSummary("Moves the engagement on: in-discussion, agreed (listing side or broker), declined (with a reason code), closed; 409 from the wrong state.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/mediation", async Task<Ok<EngagementResponse>> (Guid id, ManageEngagementsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.MediateAsync(id, ct)))
            .WithName("MediateEngagement")
            .WithSummary("A broker takes on an anonymous engagement that has no broker yet.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/reveal", async Task<Ok<EngagementResponse>> (Guid id, ManageEngagementsHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.RevealAsync(id, ct)))
            .WithName("RevealEngagementIdentity")
            .WithSummary("The enterprise behind an anonymous demand names itself to this counterpart.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
