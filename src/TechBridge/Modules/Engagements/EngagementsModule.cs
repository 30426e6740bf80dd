using TechBridge.Modules.Engagements.Complaints;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Engagements.JudgeMatches;
using TechBridge.Modules.Engagements.ManageEngagements;
using TechBridge.Modules.Engagements.ServiceOrders;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Platform;
using TechBridge.Platform.Files;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Engagements;

// Engagements between organizations over listings, broker verdicts on matches, and the service orders that agreed
// engagements and selected open-call proposals become (with delivery, acceptance, ratings and complaints).
internal static class EngagementsModule
{
    public static IServiceCollection AddEngagements(this IServiceCollection services)
    {
        services.AddErrorTexts<EngagementsErrorTexts>();
        services.AddScoped<ManageEngagementsHandler>();
        services.AddScoped<ServiceOrdersHandler>();
        services.AddScoped<ComplaintsHandler>();
        services.AddScoped<JudgeMatchesHandler>();
        services.AddScoped<IFileReadAuthorizer, OrderEvidenceReadAuthorizer>();
        services.AddScoped<IProviderRatings, ProviderRatingsReader>();
        services.AddNotificationTemplates(EngagementNotices.All);
        services.AddPortalSource<Portal.EngagementsPortalSource>();
        services.AddWorkspaceSource<Portal.EngagementsPortalSource>();
        services.AddScoped<Portal.ProviderRecordHandler>();
        services.AddScoped<IPayableItemSource, ServiceOrderPayables>();
        services.AddScoped<IDemoSeeder, DemoVoucherOrdersSeeder>();
        services.AddPermissions(EngagementsPermissions.All);
        services.AddNavigation(
            NavigationEntry.ForPolicy(NavigationGroup.Mine, 30, "My engagements", "/Engagements", Policies.EngagementParty),
            NavigationEntry.ForPolicy(NavigationGroup.Mine, 40, "My orders", "/Orders", Policies.OrganizationMember),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 40, "Complaints", "/Admin/Complaints", EngagementsPermissions.ResolveComplaints));
        services.AddRoutes(app => app.MapEngagements());
        return services;
    }

    private static IEndpointRouteBuilder MapEngagements(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/engagements").WithTags("Engagements").RequireAuthorization().MapManageEngagements();
        app.MapGroup("/api/v1/match-judgements").WithTags("Engagements").RequireAuthorization().MapJudgeMatches();
        app.MapGroup("/api/v1/orders").WithTags("Engagements").RequireAuthorization().MapServiceOrders();
        app.MapGroup("/api/v1").WithTags("Engagements").RequireAuthorization().MapComplaints();
        return app;
    }
}
