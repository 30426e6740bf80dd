namespace TechBridge.Modules.Monitoring.Contracts;

// Monitoring's admin permissions (registered in AddMonitoring); a grant names one and a jurisdiction.
internal static class MonitoringPermissions
{
    // Add KPIs and targets, confirm values agencies report (province level: the plan's targets are the province's).
    public const string ManageKpis = "monitoring.manage-kpis";

    public static readonly string[] All = [ManageKpis];
}
