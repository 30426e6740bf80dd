using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TechBridge.Modules.Engagements.ServiceOrders;

// /api/v1/orders: service orders from agreed engagements or selected open-call proposals.
internal static class OrderEndpoints
{
    public static RouteGroupBuilder MapServiceOrders(this RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Created<OrderResponse>> (OrderRequest request, ServiceOrdersHandler desk, CancellationToken ct) =>
            {
                var order = await desk.PlaceAsync(request, ct);
                return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
            })
            .WithName("PlaceOrder")
            .WithSummary("The client turns an agreed engagement or its selected open-call proposal into a service order (milestones whose shares add up to the amount); it runs once the provider confirms it.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", async Task<Ok<IReadOnlyList<OrderResponse>>> (ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ListMineAsync(ct)))
            .WithName("ListMyOrders")
            .WithSummary("Orders of the caller's organizations, as client or provider.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/{id:guid}", async Task<Ok<OrderResponse>> (Guid id, ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.GetAsync(id, ct)))
            .WithName("GetOrder")
            .WithSummary("One order (client, provider, admins of the provider's jurisdiction).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/confirmation", async Task<Ok<OrderResponse>> (Guid id, ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.ConfirmAsync(id, ct)))
            .WithName("ConfirmOrder")
            .WithSummary("The provider confirms the order the client placed; work starts.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/refusal", async Task<Ok<OrderResponse>> (Guid id, RefusalRequest request, ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.RefuseAsync(id, request, ct)))
            .WithName("RefuseOrder")
            .WithSummary("The provider refuses the order the client placed, with a reason; the client may place a corrected one.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/delivery", async Task<Ok<OrderResponse>> (Guid id, [FromForm] string? note, IFormFile? evidenceFile, ServiceOrdersHandler desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.DeliverAsync(id, new DeliveryRequest(note, evidenceFile), ct)))
            .DisableAntiforgery() // bearer-token API, as for POST /api/v1/files; the page posts through its own form
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("DeliverOrder")
            .WithSummary("The provider marks the order delivered: multipart form with a note and evidenceFile (PDF, PNG or JPEG); the platform keeps the file's hash.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/acceptance", async Task<Ok<OrderResponse>> (Guid id, ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.AcceptAsync(id, ct)))
            .WithName("AcceptOrder")
            .WithSummary("The client accepts the delivery.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/dispute", async Task<Ok<OrderResponse>> (Guid id, DisputeRequest request, ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.DisputeAsync(id, request, ct)))
            .WithName("DisputeOrder")
            .WithSummary("The client disputes the delivery with a reason.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/rating", async Task<Ok<OrderResponse>> (Guid id, RatingRequest request, ServiceOrdersHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.RateAsync(id, request, ct)))
            .WithName("RateProvider")
            .WithSummary("After acceptance the client rates the provider 1–5 with a comment; one rating per order.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
