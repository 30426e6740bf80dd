namespace TechBridge.Modules.Listings;

internal static class ListingRoutes
{
    // The ProblemDetails statuses a route may answer, in one line (the OpenAPI document lists each).
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
