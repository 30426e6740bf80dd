using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Platform.Outbox;

namespace TechBridge.Platform.Jobs;

internal static class JobsSetup
{
    // Who sees the jobs page: the system admin, who operates the platform, and the auditor, who reads everything.
    public static readonly string[] Readers = [Roles.SystemAdmin, Roles.Auditor];

    // Who may run a job now: the system admin only (the auditor changes nothing; business admins approve items,
    // they do not operate the platform).
    public const string Runner = Roles.SystemAdmin;

    public static IServiceCollection AddJobsAndOutbox(this IServiceCollection services)
    {
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<Leases>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxDispatchService>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatchService>());
        services.AddSingleton<JobScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddScoped<JobsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/v1/admin/jobs").WithTags("Background jobs")
            .RequireAuthorization(policy => policy.RequireRole(Readers))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        jobs.MapGet("/", async (JobsHandler board, CancellationToken ct) => TypedResults.Ok(await board.ListAsync(ct)))
            .WithName("ListBackgroundJobs")
            .WithSummary("Lists the background jobs and outbox consumers with last run, next run, last error and lag (consumers: events not yet applied).");
        jobs.MapPost("/{name}/run", async Task<Accepted> (string name, JobsHandler board, CancellationToken ct) =>
            {
                await board.RunNowAsync(name, ct);
                return TypedResults.Accepted($"/api/v1/admin/jobs");
            })
            .RequireAuthorization(policy => policy.RequireRole(Runner))
            .WithName("RunBackgroundJobNow")
            .WithSummary("Runs a job (or delivers to an outbox consumer) now instead of at its next period; the node holding its lease runs it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
