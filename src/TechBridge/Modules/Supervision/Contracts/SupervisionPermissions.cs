namespace TechBridge.Modules.Supervision.Contracts;

// Supervision's admin permission (registered in AddSupervision): oversee the plan's tasks in a jurisdiction — see the
// board and review pack, add milestones and city sub-tasks, receive escalations.
internal static class SupervisionPermissions
{
    public const string OverseeTasks = "supervision.oversee-tasks";

    public static readonly string[] All = [OverseeTasks];
}
