
namespace TechBridge.Platform.Auditing;

internal static class AuditEndpoints
{
    public static IServiceCollection AddAuditBrowsing(this IServiceCollection services)
    {
        services.AddScoped<BrowseAudit.BrowseAuditHandler>();
        services.AddScoped<ExportAudit.ExportAuditHandler>();
        return services;
    }

    // The auditor only reads: every audit endpoint is a GET behind the audit reader policy.
    public static IEndpointRouteBuilder MapAuditing(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit")
            .WithTags("Audit")
            .RequireAuthorization(Policies.AuditReader)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        BrowseAudit.BrowseAuditEndpoints.Map(group);
        ExportAudit.ExportAuditEndpoints.Map(group);
        VerifyAudit.VerifyAuditEndpoints.Map(group);
        return app;
    }
}
