
namespace TechBridge.Modules.Listings;

// Offerings, demands, achievements, open calls, reviews and imports: their fields as the forms label them, the rules
// only they check, and their conflicts in words.
internal sealed class ListingsErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:abstract", "摘要", "Abstract"),
        new("field:technologyFieldCode", "技术领域", "Technology field"),
        new("field:trl", "技术成熟度", "Technology readiness level"),
        new("field:linkedIp", "关联知识产权", "Linked IP"),
        new("field:transferModes", "转化方式", "Transfer modes"),
        new("field:askingPriceFen", "报价", "Asking price"),
        new("field:priceModel", "计价方式", "Price model"),
        new("field:priceFen", "价格", "Price"),
        new("field:leadTimeDays", "服务周期", "Lead time"),
        new("field:serviceItems", "服务项目", "Service items"),
        new("field:regionsServed", "服务区域", "Regions served"),
        new("field:branchId", "分支机构", "Branch"),
        new("field:contactName", "联系人", "Contact name"),
        new("field:contactPhone", "联系电话", "Contact phone"),
        new("field:budgetMinFen", "预算下限", "Lowest budget"),
        new("field:budgetMaxFen", "预算上限", "Highest budget"),
        new("field:deadline", "截止日期", "Deadline"),
        new("field:visibility", "公开方式", "Visibility"),
        new("field:approach", "技术路线", "Approach"),
        new("field:team", "团队", "Team"),
        new("field:durationDays", "周期", "Duration"),
        new("field:selectedProposalId", "中选方案", "Selected proposal"),
        new("field:reasons", "比选理由", "Reasons for the decision"),
        new("field:items", "待审核信息", "Listings to review"),
        new("field:status", "状态", "Status"),
        new("field:mode", "导入方式", "Import mode"),
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:required@priceFen", "请填写价格（元）；选择固定价格或起价时价格须大于零。", "Enter the price in yuan; a fixed or starting price must be more than zero."),
        new("rule:negotiableHasNoPrice@priceFen", "选择“面议”时无需填写价格。", "A negotiable price has no amount; leave the price empty."),
        new("rule:range@priceFen", "价格最多 10 亿元。", "A price is at most 1 billion yuan."),
        new("rule:range@askingPriceFen", "报价应在 0 至 10 亿元之间；面议请留空。", "The asking price is 0 to 1 billion yuan; leave it empty if it is negotiable."),
        new("rule:range@leadTimeDays", "服务周期应为 0 至 3650 天。", "The lead time is 0 to 3,650 days."),
        new("rule:range@durationDays", "周期应为 1 至 3650 天。", "The duration is 1 to 3,650 days."),
        new("rule:range@trl", "请选择 1 至 9 级技术成熟度。", "Choose a technology readiness level from 1 to 9."),
        new("rule:maxLength@serviceItems", "服务项目最多 30 项，每项最多 200 个字。", "At most 30 service items of up to 200 characters each."),
        new("rule:maxCount@keywords", "关键词最多 20 个，合计不超过 1000 个字。", "At most 20 keywords, 1,000 characters in all."),
        new("rule:required@transferModes", "请至少选择一种转化方式。", "Choose at least one transfer mode."),
        new("rule:unknown@branchId", "请从本机构的分支机构中选择。", "Choose one of your organization's branches."),
        new("rule:countyLevel@regionCode", "请选择县级行政区（市辖区、县或县级市）。", "Choose a county-level region (a district, county or county-level city)."),
        new("rule:minNotAboveMax@budgetMinFen", "预算下限不能高于预算上限。", "The lowest budget cannot be above the highest."),
        new("rule:cap@budgetMaxFen", "预算不能超过 10 亿元。", "A budget is at most 1 billion yuan."),
        new("rule:ownerOnly@status", "公开查询只显示已发布的信息；其他状态的信息请以发布机构的身份查看。", "Only published listings are public; to see listings in other states, act for the organization that posted them."),
        new("rule:range@items", "每次可审核 1 至 {max} 条信息。", "Review 1 to {max} listings at a time."),
        new("rule:unknown@selectedProposalId", "请从本次揭榜的方案中选择。", "Choose one of the proposals to this open call."),
        new("rule:required@reasons", "请为每个方案填写理由。", "Give a reason for every proposal."),
        new("rule:maxLength@reasons", "每条理由最多 1000 个字。", "Each reason can be at most 1,000 characters long."),
        new("rule:maxRows@file", "每次最多导入 {max} 行。", "At most {max} rows per import."),
        new("rule:type@file", "请上传 CSV（UTF-8 编码）或 Excel 文件。", "Upload a CSV file (UTF-8) or an Excel file."),
        new("rule:unreadable@file", "无法读取该文件，请确认文件未损坏、格式正确。", "The file could not be read; check that it is not damaged and has the right format."),
        new("rule:empty@file", "文件中没有表头行，请使用导入模板。", "The file has no row of column names; please use the import template."),
        new("rule:missingColumn@file", "文件缺少必需的列（标题、摘要、技术领域、技术成熟度、转化方式），请使用导入模板。", "The file lacks a required column (title, abstract, technology field, readiness level, transfer modes); please use the import template."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:renewal_too_early", "信息只能在有效期最后 30 天内续期；续期不能无限延长有效期。", "A listing can be renewed in the last 30 days of its period; renewals cannot push its expiry further out."),
        new("code:not_editable", "只有草稿或未通过审核的信息可以修改。", "Only drafts and rejected listings can be edited."),
        new("code:not_anonymous", "您的机构名称已向对方公开。", "Your organization's name is already shown."),
        new("code:call_not_open", "该需求目前不接受揭榜方案。", "This demand is not taking proposals now."),
        new("code:own_call", "不能对本机构发布的揭榜需求提交方案。", "An organization cannot answer its own open call."),
        new("code:not_open_call", "该需求不是揭榜挂帅项目。", "This demand is not an open call."),
        new("code:already_decided", "该揭榜项目的结果已经确定。", "The open call has already been decided."),
    ];
}
