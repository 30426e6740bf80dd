using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Input;

namespace TechBridge.Modules.Listings.ReviewListings;

// Summary: the applicant's own description (an offering's or demand's description, an achievement's abstract), so
// the reviewer reads it in the queue.
internal sealed record ReviewQueueItem(string Kind, Guid Id, string Title, Guid OrganizationId, string OrganizationName, string RegionCode, DateTimeOffset? SubmittedAt, string Summary);

internal sealed record ReviewQueueResponse(int Total, IReadOnlyList<ReviewQueueItem> Items, int Page = 1, int PageSize = ReviewListingsHandler.DefaultPageSize);

internal sealed record ReviewItem(string? Kind, Guid Id);

// decision: approve | reject (reject needs the reason, which goes to every rejected item).
internal sealed record BulkReviewRequest(string? Decision, string? Reason, IReadOnlyList<ReviewItem>? Items);

// Per item: status is the HTTP status the single-item call would have answered (200, 403, 404, 409); Title names the
// item so that a page can say what was done ("已通过 3 项：…").
internal sealed record ReviewItemResult(string? Kind, Guid Id, int Status, string? ListingStatus, string? Error, string? Title = null);

internal sealed record BulkReviewResponse(int Succeeded, int Failed, IReadOnlyList<ReviewItemResult> Results);

// GET /api/v1/listings/review-queue and POST /api/v1/listings/review: submitted listings in the admin's
// jurisdictions, reviewed one by one or in bulk; each item of a bulk review commits (or fails) on its own.
internal sealed class ReviewListingsHandler(IAccess access, IOrganizationFacts facts, ListingLifecycle lifecycle)
{
    public const int MaxBulkItems = 200;
    public const int DefaultPageSize = 200;
    public const int MaxPage = 1_000;

    // kind: offering, demand, achievement or null for all of them. Filtered by the admin's jurisdictions in the query
    // and paged (oldest first), so nothing of the admin's own is ever cut off by items of other regions.
    public async Task<ReviewQueueResponse> QueueAsync(string? kind, CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        // The platform's paging rule (page 1 to Paging.MaxPage, size 1 to DefaultPageSize), and a shallower bound of our
        // own: the kinds are merged here from the first page × size rows of each, so deep pages would cost that much.
        var paging = new Validation();
        var (number, size) = Paging.Check(paging, page, pageSize, DefaultPageSize, DefaultPageSize);
        if (number > MaxPage && paging.IsValid)
        {
            paging.Add("page", "range", $"page is 1 to {MaxPage}.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxPage });
        }

        paging.ThrowIfInvalid();
        ListingKind? only = null;
        if (!string.IsNullOrEmpty(kind))
        {
            only = ListingNames.ParseKind(kind) ?? throw InvalidRequestException.For("kind", "unknown", "Kind is offering, demand or achievement.");
        }

        var jurisdictions = await RequireReviewerAsync(cancellationToken);
        var listings = new List<Listing>();
        var total = 0;
        foreach (var definition in ListingKinds.All.Where(k => only is null || k.Kind == only))
        {
            // The first number × size of each kind hold the page of the merged, oldest-first queue.
            var (count, first) = await definition.SubmittedAsync(lifecycle.Db, jurisdictions, number * size, cancellationToken);
            total += count;
            listings.AddRange(first);
        }

        var mine = listings.OrderBy(l => l.SubmittedAt).ThenBy(l => l.Id).Skip(Paging.Skip(number, size)).Take(size).ToList();
        var organizations = await facts.FindManyAsync(mine.Select(l => l.OrganizationId).ToList(), cancellationToken);
        var items = mine.Select(l => new ReviewQueueItem(ListingNames.Of(l.Kind), l.Id, l.Title, l.OrganizationId,
            organizations.GetValueOrDefault(l.OrganizationId)?.LegalName ?? "", l.JurisdictionRegion, l.SubmittedAt, SummaryOf(l))).ToList();
        return new ReviewQueueResponse(total, items, number, size);
    }

    private static string SummaryOf(Listing listing) => listing switch
    {
        ServiceOffering o => o.Description,
        TechnologyDemand d => d.Description,
        TechnologyAchievement a => a.Abstract,
        _ => "",
    };

    public async Task<BulkReviewResponse> ReviewAsync(BulkReviewRequest request, CancellationToken cancellationToken)
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
            validation.Add("items", "range", $"Review 1 to {MaxBulkItems} items at a time.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxBulkItems });
        }

        if (!approve)
        {
            validation.Required("reason", request.Reason).MaxLength("reason", request.Reason, 1000);
        }

        validation.ThrowIfInvalid();
        await RequireReviewerAsync(cancellationToken);
        var results = new List<ReviewItemResult>();
        foreach (var item in request.Items!)
        {
            results.Add(await ReviewOneAsync(item, approve, request.Reason, cancellationToken));
        }

        var succeeded = results.Count(r => r.Status == StatusCodes.Status200OK);
        return new BulkReviewResponse(succeeded, results.Count - succeeded, results);
    }

    private async Task<ReviewItemResult> ReviewOneAsync(ReviewItem item, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (ListingNames.ParseKind(item.Kind) is not { } kind)
        {
            return new ReviewItemResult(item.Kind, item.Id, StatusCodes.Status400BadRequest, null, "Kind is offering, demand or achievement.");
        }

        try
        {
            var listing = await lifecycle.LoadForReviewAsync(kind, item.Id, cancellationToken);
            if (approve)
            {
                lifecycle.Approve(listing);
            }
            else
            {
                lifecycle.Reject(listing, reason);
            }

            await lifecycle.NotifyAsync(listing, cancellationToken);
            await lifecycle.Db.SaveChangesAsync(cancellationToken);
            return new ReviewItemResult(item.Kind, item.Id, StatusCodes.Status200OK, ListingNames.Of(listing.Status), null, listing.Title);
        }
        catch (ProblemException problem)
        {
            return new ReviewItemResult(item.Kind, item.Id, problem.Status, null, problem.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ReviewItemResult(item.Kind, item.Id, StatusCodes.Status409Conflict, null, "The listing was changed by someone else.");
        }
        finally
        {
            // Each item stands alone: nothing of a failed item may ride along with the next one's SaveChanges.
            lifecycle.Db.ChangeTracker.Clear();
        }
    }

    private async Task<IReadOnlyList<string>> RequireReviewerAsync(CancellationToken cancellationToken)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(ListingsPermissions.ReviewListings, cancellationToken);
        return jurisdictions.Count > 0
            ? jurisdictions
            : throw new ForbiddenException($"You need the permission '{ListingsPermissions.ReviewListings}' for some jurisdiction.");
    }
}

internal static class ReviewListingsEndpoints
{
    public static RouteGroupBuilder MapReviewListings(this RouteGroupBuilder group)
    {
        group.MapGet("/review-queue", async Task<Ok<ReviewQueueResponse>> (string? kind, int? page, int? pageSize, ReviewListingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.QueueAsync(kind, ct, page, pageSize)))
            .WithName("ListReviewQueue")
            .WithSummary("Submitted offerings, demands and achievements in the admin's jurisdictions (listings.review), oldest first.")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/review", async Task<Ok<BulkReviewResponse>> (BulkReviewRequest request, ReviewListingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReviewAsync(request, ct)))
            .WithName("ReviewListings")
            .WithSummary("Approves or rejects (with a reason) up to 200 listings at once; answers a result per item.")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        return group;
    }
}
