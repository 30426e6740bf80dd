using Microsoft.AspNetCore.Http.HttpResults;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    public async Task<List<BulkItemResult>> BulkApproveAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var results = new List<BulkItemResult>();
        foreach (var id in ids.Distinct())
        {
            try
            {
                await ApproveAsync(id, ct);
                results.Add(new BulkItemResult(id, true, StatusCodes.Status200OK, null, null));
            }
            catch (Exception e) when (Problem.From(e) is { } problem)
            {
                db.ChangeTracker.Clear();
                results.Add(new BulkItemResult(id, false, problem.Status, problem.Code, problem.Detail));
            }
        }

        return results;
    }
}

internal static partial class OnboardingEndpoints
{
    private static void MapBulkApprove(RouteGroupBuilder onboarding)
    {
        onboarding.MapPost("/bulk-approve", async Task<Ok<List<BulkItemResult>>> (BulkApproveRequest request, OnboardingHandler h, CancellationToken ct) =>
            {
                if (request.Ids is not { Count: > 0 and <= 200 })
                {
                    throw InvalidRequestException.For("ids", "range", "ids lists 1 to 200 applications.", new Dictionary<string, object> { ["min"] = 1, ["max"] = 200 });
                }

                return TypedResults.Ok(await h.BulkApproveAsync(request.Ids, ct));
            })
            .WithName("BulkApproveInstitutions").WithSummary("Approves several applications; one result per id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
