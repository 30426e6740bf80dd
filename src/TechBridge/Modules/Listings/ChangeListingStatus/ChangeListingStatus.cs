using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Listings.Data;

namespace TechBridge.Modules.Listings.ChangeListingStatus;

internal sealed record ReasonRequest(string? Reason);

internal sealed record ListingStatusResponse(Guid Id, string Kind, string Status, DateTimeOffset? ExpiresAt, string? Reason);

// POST /api/v1/{offerings|demands|achievements}/{id}/{submit|close|renew} (owner, acting for the owning organization)
// and /{approve|reject|take-down} (admins with listings.review for the listing's jurisdiction). A transition that is
// not allowed from the current state answers 409; a lost race answers 409 too (Status is the concurrency token).
internal static class ChangeListingStatusEndpoints
{
    public static RouteGroupBuilder MapListingLifecycle(this RouteGroupBuilder group, ListingKind kind)
    {
        var name = kind switch { ListingKind.Offering => "Offering", ListingKind.Demand => "Demand", _ => "Achievement" };
        var noun = ListingNames.Of(kind);

        Owner(group.MapPost("/{id:guid}/submit", (Guid id, ListingLifecycle lifecycle, CancellationToken ct) =>
                OwnerChangeAsync(kind, id, lifecycle, l => lifecycle.Submit(l), ct))
            .WithName($"Submit{name}")
            .WithSummary($"Submits a draft or rejected {noun} for review (owner)."));
        Owner(group.MapPost("/{id:guid}/close", (Guid id, ListingLifecycle lifecycle, CancellationToken ct) =>
                OwnerChangeAsync(kind, id, lifecycle, l => lifecycle.Close(l), ct))
            .WithName($"Close{name}")
            .WithSummary($"Closes a {noun} (owner); a published one leaves the public pages."));
        Owner(group.MapPost("/{id:guid}/renew", (Guid id, ListingLifecycle lifecycle, CancellationToken ct) =>
                OwnerChangeAsync(kind, id, lifecycle, l => lifecycle.Renew(l), ct))
            .WithName($"Renew{name}")
            .WithSummary($"Extends a published or expired {noun} by another validity period (Listings:ValidityDays) (owner)."));

        Admin(group.MapPost("/{id:guid}/approve", (Guid id, ListingLifecycle lifecycle, CancellationToken ct) =>
                AdminChangeAsync(kind, id, lifecycle, l => lifecycle.Approve(l), ct))
            .WithName($"Approve{name}")
            .WithSummary($"Publishes a submitted {noun} (admins of the owner's jurisdiction)."));
        Admin(group.MapPost("/{id:guid}/reject", (Guid id, ReasonRequest request, ListingLifecycle lifecycle, CancellationToken ct) =>
                AdminChangeAsync(kind, id, lifecycle, l => lifecycle.Reject(l, ListingLifecycle.RequireReason(request.Reason)), ct, needsReason: true, request.Reason))
            .WithName($"Reject{name}")
            .WithSummary($"Rejects a submitted {noun} with a reason (admins of the owner's jurisdiction)."));
        Admin(group.MapPost("/{id:guid}/take-down", (Guid id, ReasonRequest request, ListingLifecycle lifecycle, CancellationToken ct) =>
                AdminChangeAsync(kind, id, lifecycle, l => lifecycle.TakeDown(l, ListingLifecycle.RequireReason(request.Reason)), ct, needsReason: true, request.Reason))
            .WithName($"TakeDown{name}")
            .WithSummary($"Takes a published or submitted {noun} down with a reason (admins of the owner's jurisdiction)."));
        return group;
    }

    public static ListingStatusResponse ToStatusResponse(Listing listing) =>
        new(listing.Id, ListingNames.Of(listing.Kind), ListingNames.Of(listing.Status), listing.ExpiresAt, listing.StatusReason);

    private static async Task<Ok<ListingStatusResponse>> OwnerChangeAsync(ListingKind kind, Guid id, ListingLifecycle lifecycle, Action<Listing> change, CancellationToken cancellationToken)
    {
        var listing = await lifecycle.LoadOwnedAsync<Listing>(kind, id, cancellationToken);
        change(listing);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToStatusResponse(listing));
    }

    private static async Task<Ok<ListingStatusResponse>> AdminChangeAsync(ListingKind kind, Guid id, ListingLifecycle lifecycle, Action<Listing> change, CancellationToken cancellationToken, bool needsReason = false, string? reason = null)
    {
        // A missing reason is a 400 whatever the listing's state, so it is checked before anything is loaded.
        if (needsReason)
        {
            ListingLifecycle.RequireReason(reason);
        }

        var listing = await lifecycle.LoadForReviewAsync(kind, id, cancellationToken);
        change(listing);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToStatusResponse(listing));
    }

    private static void Owner(RouteHandlerBuilder builder) => builder
        .RequireAuthorization()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static void Admin(RouteHandlerBuilder builder) => builder
        .RequireAuthorization()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
