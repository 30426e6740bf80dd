using TechBridge.Modules.Supervision.Board;
using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Modules.Supervision.Overdue;
using TechBridge.Modules.Supervision.ReviewPack;
using TechBridge.Modules.Supervision.Seed;
using TechBridge.Platform;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Supervision;

// 督导: the plan's tasks with their responsible units, city sub-tasks, milestones, progress reports, escalation of
// overdue milestones, the board and the review pack for the leading group.
internal static class SupervisionModule
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddErrorTexts<SupervisionErrorTexts>();
        services.AddPermissions(SupervisionPermissions.All);
        services.AddScoped<IStartupDataLoader, PlanTasksLoader>();
        services.AddScoped<IDemoSeeder, DemoAgencyMembersSeeder>();
        services.AddScoped<SupervisionHandler>();
        services.AddScoped<ReviewPackHandler>();
        services.AddJob<OverdueMilestones>("supervision.overdue-milestones", "Overdue plan milestones", c => TimeSpan.FromMinutes(c.GetValue("Supervision:OverduePeriodMinutes", 60.0)));
        services.AddWorkspaceSource<Portal.SupervisionWorkspace>();
        services.AddNavigation(
            NavigationEntry.ForPermission(NavigationGroup.Administration, 61, "Supervision board", "/Supervision", SupervisionPermissions.OverseeTasks));
        services.AddRoutes(app => app.MapGroup("/api/v1/supervision").WithTags("Supervision").RequireAuthorization().MapSupervision());
        return services;
    }
}
