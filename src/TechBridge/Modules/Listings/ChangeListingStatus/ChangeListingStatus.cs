using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageListing;

namespace TechBridge.Modules.Listings.ChangeListingStatus;

internal sealed record ReasonRequest(string? Reason);

internal sealed record ListingStatusResponse(Guid Id, string Kind, string Status, DateTimeOffset? ExpiresAt, string? Reason);

// Moves one listing between states: submit, close and renew for the owner (acting for the owning organization);
// approve, reject and take down for admins with listings.review for the listing's jurisdiction. A transition that
// is not allowed from the current state answers 409; a lost race answers 409 too (Status is the concurrency token).
internal sealed class ChangeListingStatusHandler(ListingLifecycle lifecycle, TechBridge.Modules.Directory.Contracts.IOrganizationFacts facts)
{
    private static readonly Dictionary<string, Action<ListingLifecycle, Listing>> OwnerActions = new()
    {
        ["submit"] = (l, listing) => l.Submit(listing),
        ["close"] = (l, listing) => l.Close(listing),
        ["renew"] = (l, listing) => l.Renew(listing),
    };

    private static readonly Dictionary<string, Action<ListingLifecycle, Listing, string?>> AdminActions = new()
    {
        ["approve"] = (l, listing, _) => l.Approve(listing),
        ["reject"] = (l, listing, reason) => l.Reject(listing, reason),
        ["take-down"] = (l, listing, reason) => l.TakeDown(listing, reason),
    };

    // kindName and action as the pages post them ("demand", "submit"); an unknown one is a 400.
    public Task<ListingStatusResponse> OwnerChangeAsync(string? kindName, Guid id, string? action, CancellationToken cancellationToken) =>
        OwnerChangeAsync(ListingKinds.Find(kindName)?.Kind ?? throw Platform.Errors.InvalidRequestException.For("kind", "unknown", "Kind is offering, demand or achievement."),
            id, action, cancellationToken);

    public async Task<ListingStatusResponse> OwnerChangeAsync(ListingKind kind, Guid id, string? action, CancellationToken cancellationToken)
    {
        var change = OwnerActions.GetValueOrDefault(action ?? "") ?? throw Platform.Errors.InvalidRequestException.For("action", "unknown", "Action is submit, close or renew.");
        var listing = await lifecycle.LoadOwnedAsync<Listing>(kind, id, cancellationToken);
        if (action is "submit" or "renew")
        {
            await RequireNotSuspendedAsync(listing, cancellationToken);
        }

        change(lifecycle, listing);
        await lifecycle.NotifyAsync(listing, cancellationToken);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return ToStatusResponse(listing);
    }

    public async Task<ListingStatusResponse> AdminChangeAsync(ListingKind kind, Guid id, string action, string? reason, CancellationToken cancellationToken)
    {
        // A missing reason is a 400 whatever the listing's state, so it is checked before anything is loaded.
        if (action != "approve")
        {
            ListingLifecycle.RequireReason(reason);
        }

        var listing = await lifecycle.LoadForReviewAsync(kind, id, cancellationToken);
        if (action == "approve")
        {
            await RequireNotSuspendedAsync(listing, cancellationToken);
        }

        AdminActions[action](lifecycle, listing, reason);
        await lifecycle.NotifyAsync(listing, cancellationToken);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return ToStatusResponse(listing);
    }

    // A suspended institution publishes nothing: neither its own submission or renewal nor an admin's approval.
    private async Task RequireNotSuspendedAsync(Listing listing, CancellationToken cancellationToken)
    {
        if ((await facts.FindAsync(listing.OrganizationId, cancellationToken))?.IsSuspended == true)
        {
            throw ListingKindDefinition.Suspended();
        }
    }

    public static ListingStatusResponse ToStatusResponse(Listing listing) =>
        new(listing.Id, ListingNames.Of(listing.Kind), ListingNames.Of(listing.Status), listing.ExpiresAt, listing.StatusReason);
}

// POST /api/v1/{offerings|demands|achievements}/{id}/{submit|close|renew|approve|reject|take-down}.
internal static class ChangeListingStatusEndpoints
{
    public static RouteGroupBuilder MapListingLifecycle(this RouteGroupBuilder group, ListingKindDefinition kind)
    {
        var (name, noun) = (kind.RouteName, kind.Name);
        Owner(group, kind, "submit", $"Submit{name}", $"Submits a draft or rejected {noun} for review (owner).");
        Owner(group, kind, "close", $"Close{name}", $"Closes a {noun} (owner); a published one leaves the public pages.");
        Owner(group, kind, "renew", $"Renew{name}", $"Extends a published or expired {noun} by another validity period (Listings:ValidityDays) (owner).");

        Admin(group.MapPost("/{id:guid}/approve", async Task<Ok<ListingStatusResponse>> (Guid id, ChangeListingStatusHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AdminChangeAsync(kind.Kind, id, "approve", null, ct)))
            .WithName($"Approve{name}")
            .WithSummary($"Publishes a submitted {noun} (admins of the owner's jurisdiction)."));
        Admin(group.MapPost("/{id:guid}/reject", async Task<Ok<ListingStatusResponse>> (Guid id, ReasonRequest request, ChangeListingStatusHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AdminChangeAsync(kind.Kind, id, "reject", request.Reason, ct)))
            .WithName($"Reject{name}")
            .WithSummary($"Rejects a submitted {noun} with a reason (admins of the owner's jurisdiction)."));
        Admin(group.MapPost("/{id:guid}/take-down", async Task<Ok<ListingStatusResponse>> (Guid id, ReasonRequest request, ChangeListingStatusHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.AdminChangeAsync(kind.Kind, id, "take-down", request.Reason, ct)))
            .WithName($"TakeDown{name}")
            .WithSummary($"Takes a published or submitted {noun} down with a reason (admins of the owner's jurisdiction)."));
        return group;
    }

    private static void Owner(RouteGroupBuilder group, ListingKindDefinition kind, string action, string name, string summary) => group
        .MapPost($"/{{id:guid}}/{action}", async Task<Ok<ListingStatusResponse>> (Guid id, ChangeListingStatusHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OwnerChangeAsync(kind.Kind, id, action, ct)))
        .WithName(name)
        .WithSummary(summary)
        .RequireAuthorization()
        .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

    private static void Admin(RouteHandlerBuilder builder) => builder
        .RequireAuthorization()
        .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
}
