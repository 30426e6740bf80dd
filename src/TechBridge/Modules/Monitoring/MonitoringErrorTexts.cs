namespace TechBridge.Modules.Monitoring;

// Monitoring's fields as its forms label them, the rules only it states, and its conflicts in words.
internal sealed class MonitoringErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts =>
    [
        new("field:code", "指标代码", "KPI code"),
        new("field:nameZh", "中文名称", "Chinese name"),
        new("field:definitionZh", "中文定义", "Chinese definition"),
        new("field:definitionEn", "英文定义", "English definition"),
        new("field:formula", "计算公式", "Formula"),
        new("field:unit", "单位", "Unit"),
        new("field:responsibleUnits", "责任单位", "Responsible units"),
        new("field:planReference", "依据", "Plan reference"),
        new("field:targetYear", "目标年份", "Target year"),
        new("field:targetValue", "目标值", "Target value"),
        new("field:targetSource", "目标来源", "Source of the target"),
        new("field:format", "导出格式", "Export format"),
        new("rule:format@code", "指标代码只能包含小写字母、数字和连字符。", "A KPI code has lower-case letters, digits and hyphens only."),
        new("rule:range@targetYear", "目标年份须在 2000 至 2100 年之间。", "The target year is between 2000 and 2100."),
        new("rule:unknown@regionCode", "请选择河北省的市或县，全省合计请留空。", "Choose a city or county of Hebei, or leave it empty for the province total."),
        new("rule:unknown@format", "导出格式须为电子表格或逗号分隔文本。", "The export format is xlsx or csv."),
        new("code:kpi_exists", "已有相同代码的指标。", "A KPI with this code already exists."),
        new("code:kpi_computed", "该指标由平台数据自动计算，无需报送。", "This KPI is computed from platform data; its values are not reported."),
        new("code:own_report", "数值须由录入人以外的管理员确认。", "A value is confirmed by an admin other than the one who entered it."),
        new("code:already_confirmed", "该数值已确认。", "The value is already confirmed."),
    ];
}
