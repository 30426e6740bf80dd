using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Supervision.ReviewPack;

namespace TechBridge.Modules.Supervision.Board;

// /api/v1/supervision: the board, a task, progress reports, milestones, city sub-tasks and the review pack.
internal static class SupervisionEndpoints
{
    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder group)
    {
        group.MapGet("/tasks", async (Guid? agency, string? city, SupervisionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.BoardAsync(agency, city, ct)))
            .WithName("ListPlanTasks")
            .WithSummary("The plan's tasks and city sub-tasks with status, last report and overdue milestones; filter by agency (organization id) and city (4-digit code).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/tasks/{id:guid}", async (Guid id, SupervisionHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetPlanTask")
            .WithSummary("A task with its responsible units, milestones, progress reports and city sub-tasks.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/tasks/{id:guid}/reports", async Task<Created<SupervisionItemCreated>> (Guid id, FileReportRequest request, SupervisionHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/supervision/tasks/{id}", await handler.FileReportAsync(id, request, ct)))
            .WithName("FileProgressReport")
            .WithSummary("A responsible unit (the acting organization) reports progress on its own task: text, percentage, evidence file, linked KPIs, a milestone completed.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/tasks/{id:guid}/milestones", async Task<Created<SupervisionItemCreated>> (Guid id, AddMilestoneRequest request, SupervisionHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/supervision/tasks/{id}", await handler.AddMilestoneAsync(id, request, ct)))
            .WithName("AddTaskMilestone")
            .WithSummary("Adds a milestone with a due date (the task's lead unit or an admin who oversees it).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/tasks/{id:guid}/subtasks", async Task<Created<SupervisionItemCreated>> (Guid id, AddSubTaskRequest request, SupervisionHandler handler, CancellationToken ct) =>
            {
                var created = await handler.AddSubTaskAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/supervision/tasks/{created.Id}", created);
            })
            .WithName("AddCitySubTask")
            .WithSummary("Breaks a province task down for a city, with the city's agency responsible (province admins who oversee the plan).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/review-pack.xlsx", async (ReviewPackHandler pack, CancellationToken ct) =>
                TypedResults.File(await pack.XlsxAsync(ct), ReviewPackHandler.Xlsx, "review-pack.xlsx"))
            .WithName("ExportReviewPack")
            .WithSummary("The review pack for the leading group's meeting as xlsx: tasks with status, KPIs against targets, overdue items; audited.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }
}
