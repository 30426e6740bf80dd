namespace TechBridge.Modules.Supervision;

// Supervision's fields as its forms label them, the rules only it states, and its conflicts in words.
internal sealed class SupervisionErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts =>
    [
        new("field:percent", "完成比例", "Percentage done"),
        new("field:completedMilestoneId", "完成的里程碑", "Milestone completed"),
        new("field:kpiCodes", "相关指标", "Related KPIs"),
        new("field:dueOn", "应完成日期", "Due date"),
        new("field:agencyName", "市级责任单位", "City's responsible agency"),
        new("rule:range@percent", "完成比例须在 0 至 100 之间。", "The percentage is between 0 and 100."),
        new("rule:unknown@completedMilestoneId", "请选择本任务的里程碑。", "Choose a milestone of this task."),
        new("rule:city@regionCode", "请选择河北省的一个设区市。", "Choose a city of Hebei."),
        new("code:subtask_exists", "该市已有本任务的分解任务。", "The city already has its part of this task."),
    ];
}
