using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Persistence;

namespace TechBridge.Modules.Listings.ReviewListings;

internal sealed record ReviewQueueItem(string Kind, Guid Id, string Title, Guid OrganizationId, string OrganizationName, string RegionCode, DateTimeOffset? SubmittedAt);

internal sealed record ReviewQueueResponse(int Total, IReadOnlyList<ReviewQueueItem> Items);

internal sealed record ReviewItem(string? Kind, Guid Id);

// decision: approve | reject (reject needs the reason, which goes to every rejected item).
internal sealed record BulkReviewRequest(string? Decision, string? Reason, IReadOnlyList<ReviewItem>? Items);

// Per item: status is the HTTP status the single-item call would have answered (200, 403, 404, 409).
internal sealed record ReviewItemResult(string? Kind, Guid Id, int Status, string? ListingStatus, string? Error);

internal sealed record BulkReviewResponse(int Succeeded, int Failed, IReadOnlyList<ReviewItemResult> Results);

// GET /api/v1/listings/review-queue and POST /api/v1/listings/review: submitted listings in the admin's
// jurisdictions, reviewed one by one or in bulk; each item of a bulk review commits (or fails) on its own.
internal static class ReviewListingsEndpoints
{
    public const int MaxBulkItems = 200;
    private const int MaxQueue = 2_000;

    public static RouteGroupBuilder MapReviewListings(this RouteGroupBuilder group)
    {
        group.MapGet("/review-queue", QueueAsync)
            .WithName("ListReviewQueue")
            .WithSummary("Submitted offerings, demands and achievements in the admin's jurisdictions (listings.review), oldest first.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/review", BulkReviewAsync)
            .WithName("ReviewListings")
            .WithSummary("Approves or rejects (with a reason) up to 200 listings at once; answers a result per item.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Ok<ReviewQueueResponse>> QueueAsync(string? kind, IAccess access, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        ListingKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            only = ListingNames.ParseKind(kind) ?? throw InvalidRequestException.For("kind", "unknown", "Kind is offering, demand or achievement.");
        }

        var items = await LoadQueueAsync(only, access, facts, db, cancellationToken);
        return TypedResults.Ok(new ReviewQueueResponse(items.Count, items));
    }

    public static async Task<IReadOnlyList<ReviewQueueItem>> LoadQueueAsync(ListingKind? only, IAccess access, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(ListingsPermissions.ReviewListings, cancellationToken);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException($"You need the permission '{ListingsPermissions.ReviewListings}' for some jurisdiction.");
        }

        var listings = new List<Listing>();
        if (only is null or ListingKind.Offering)
        {
            listings.AddRange(await Submitted(db.Set<ServiceOffering>()).ToListAsync(cancellationToken));
        }

        if (only is null or ListingKind.Demand)
        {
            listings.AddRange(await Submitted(db.Set<TechnologyDemand>()).ToListAsync(cancellationToken));
        }

        if (only is null or ListingKind.Achievement)
        {
            listings.AddRange(await Submitted(db.Set<TechnologyAchievement>()).ToListAsync(cancellationToken));
        }

        var mine = listings.Where(l => jurisdictions.Any(j => Jurisdictions.Covers(j, l.JurisdictionRegion)))
            .OrderBy(l => l.SubmittedAt).ThenBy(l => l.Id).ToList();
        var organizations = await facts.FindManyAsync(mine.Select(l => l.OrganizationId).ToList(), cancellationToken);
        return mine.Select(l => new ReviewQueueItem(ListingNames.Of(l.Kind), l.Id, l.Title, l.OrganizationId,
            organizations.GetValueOrDefault(l.OrganizationId)?.LegalName ?? "", l.JurisdictionRegion, l.SubmittedAt)).ToList();
    }

    private static IQueryable<T> Submitted<T>(IQueryable<T> set)
        where T : Listing =>
        set.AsNoTracking().Where(l => l.Status == ListingStatus.Submitted).OrderBy(l => l.SubmittedAt).Take(MaxQueue);

    private static async Task<Ok<BulkReviewResponse>> BulkReviewAsync(BulkReviewRequest request, IAccess access, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var approve = request.Decision switch
        {
            "approve" => true,
            "reject" => false,
            _ => throw InvalidRequestException.For("decision", "unknown", "Decision is approve or reject."),
        };
        var validation = new Validation();
        if (request.Items is not { Count: > 0 } || request.Items.Count > MaxBulkItems)
        {
            validation.Add("items", "range", $"Review 1 to {MaxBulkItems} items at a time.");
        }

        if (!approve)
        {
            validation.Required("reason", request.Reason).MaxLength("reason", request.Reason, 1000);
        }

        validation.ThrowIfInvalid();
        if ((await access.JurisdictionsWithAsync(ListingsPermissions.ReviewListings, cancellationToken)).Count == 0)
        {
            throw new ForbiddenException($"You need the permission '{ListingsPermissions.ReviewListings}' for some jurisdiction.");
        }

        var results = await ReviewAsync(request.Items!, approve, request.Reason, lifecycle, cancellationToken);
        var succeeded = results.Count(r => r.Status == StatusCodes.Status200OK);
        return TypedResults.Ok(new BulkReviewResponse(succeeded, results.Count - succeeded, results));
    }

    // Shared with the admin page.
    public static async Task<IReadOnlyList<ReviewItemResult>> ReviewAsync(IEnumerable<ReviewItem> items, bool approve, string? reason, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var results = new List<ReviewItemResult>();
        foreach (var item in items)
        {
            var kind = ListingNames.ParseKind(item.Kind);
            if (kind is null)
            {
                results.Add(new ReviewItemResult(item.Kind, item.Id, StatusCodes.Status400BadRequest, null, "Kind is offering, demand or achievement."));
                continue;
            }

            try
            {
                var listing = await lifecycle.LoadForReviewAsync(kind.Value, item.Id, cancellationToken);
                if (approve)
                {
                    lifecycle.Approve(listing);
                }
                else
                {
                    lifecycle.Reject(listing, reason);
                }

                await lifecycle.Db.SaveChangesAsync(cancellationToken);
                results.Add(new ReviewItemResult(item.Kind, item.Id, StatusCodes.Status200OK, ListingNames.Of(listing.Status), null));
            }
            catch (ProblemException problem)
            {
                results.Add(new ReviewItemResult(item.Kind, item.Id, problem.Status, null, problem.Message));
            }
            catch (DbUpdateConcurrencyException)
            {
                results.Add(new ReviewItemResult(item.Kind, item.Id, StatusCodes.Status409Conflict, null, "The listing was changed by someone else."));
            }
            finally
            {
                // Each item stands alone: nothing of a failed item may ride along with the next one's SaveChanges.
                lifecycle.Db.ChangeTracker.Clear();
            }
        }

        return results;
    }
}
