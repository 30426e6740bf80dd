
namespace TechBridge.Modules.Engagements;

// Engagements, service orders, complaints and match judgements: their fields as the forms label them, the rules only
// they check, and their conflicts in words.
internal sealed class EngagementsErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:listingId", "供需信息", "Listing"),
        new("field:listingKind", "信息类别", "Listing kind"),
        new("field:reasonCode", "原因", "Reason"),
        new("field:note", "说明", "Note"),
        new("field:engagementId", "对接记录", "Engagement"),
        new("field:amountFen", "订单金额", "Order amount"),
        new("field:scope", "服务范围", "Scope"),
        new("field:milestones", "里程碑", "Milestones"),
        new("field:milestones.title", "里程碑名称", "Milestone title"),
        new("field:milestones.dueDate", "里程碑截止日期", "Milestone due date"),
        new("field:milestones.amountFen", "里程碑金额", "Milestone amount"),
        new("field:stars", "星级", "Stars"),
        new("field:comment", "评价内容", "Comment"),
        new("field:outcomeCode", "处理决定", "Decision"),
        new("field:outcome", "处理结果", "Outcome"),
        new("field:queryListingId", "查询信息", "Listing searched from"),
        new("field:candidateListingId", "候选信息", "Candidate listing"),
        new("field:confirmed", "确认", "Confirmation"),
        new("field:evidenceFile", "交付证明文件", "Delivery evidence file"),
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:unknown@to", "请选择对接的下一步状态。", "Choose the engagement's next state from the list."),
        new("rule:required@reasonCode", "请选择原因。", "Choose a reason."),
        new("rule:required@text", "请填写问题描述。", "Describe what went wrong."),
        new("rule:required@note", "请填写交付说明。", "Describe what was delivered."),
        new("rule:unknown@evidenceSha256", "找不到该证明文件，请先上传交付证明。", "The supporting file was not found; upload it first."),
        new("rule:oneSource@engagementId", "请在已达成合作的对接与已选定的揭榜方案中二选一。", "Choose either the agreed engagement or the selected proposal, not both."),
        new("rule:range@amountFen", "订单金额须大于零，且不超过 10 亿元。", "The order amount must be more than zero and at most 1 billion yuan."),
        new("rule:count@milestones", "订单须包含 {min} 至 {max} 个里程碑。", "An order has {min} to {max} milestones."),
        new("rule:notPast@milestones.dueDate", "里程碑的截止日期不能早于今天。", "A milestone cannot be due before today."),
        new("rule:range@milestones.amountFen", "每个里程碑的金额最多 10 亿元。", "A milestone's amount is at most 1 billion yuan."),
        new("rule:sumEqualsAmount@milestones", "各里程碑金额之和须等于订单金额。", "The milestone amounts must add up to the order amount."),
        new("rule:required@milestones.dueDate", "请填写每个里程碑的截止日期。", "Every milestone needs a due date."),
        new("rule:positive@milestones.amountFen", "每个里程碑的金额须大于零。", "Every milestone needs an amount greater than zero."),
        new("rule:range@stars", "请选择 1 至 5 星。", "Choose 1 to 5 stars."),
        new("rule:required@confirmed", "请勾选确认后再提交。", "Tick the box to confirm."),
        new("rule:required@evidenceFile", "请上传交付证明文件（PDF 或图片）。", "Attach the delivery evidence (a PDF or an image)."),
        new("rule:past@milestones.dueDate", "里程碑截止日期不能早于今天。", "A milestone's due date cannot be before today."),
        new("rule:order@milestones.dueDate", "里程碑须按时间先后排列：截止日期不能早于上一个里程碑。", "Milestones follow each other: a due date cannot be before the previous milestone's."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:too_many_complaints", "同一订单最多可提交 5 条投诉，请在已有投诉中补充说明或等待处理结果。", "An order can have at most 5 complaints; add to an open one or wait for its resolution."),
        new("code:own_listing", "不能对本机构发布的信息表达合作意向。", "An organization cannot express interest in its own listing."),
        new("code:interest_exists", "贵机构已对该信息表达过合作意向，可在“我的对接”中继续沟通。", "Your organization has already expressed interest in this listing; continue in My engagements."),
        new("code:engagement_closed", "该对接已结束，不能再发送消息。", "This engagement has ended; no more messages can be sent."),
        new("code:mediation_not_open", "该对接无需经纪人居间协调，或已有经纪人接手。", "This engagement needs no broker, or a broker has already taken it on."),
        new("code:engagement_not_agreed", "只有已达成合作的对接才能生成服务订单。", "Only an agreed engagement can become a service order."),
        new("code:identity_hidden", "需求方仍为匿名，请先向服务方公开机构名称，再生成订单。", "The enterprise is still anonymous; reveal its name to the provider before placing the order."),
        new("code:order_not_accepted", "订单验收通过后才能评价。", "An order can be rated once its delivery has been accepted."),
        new("code:already_rated", "该订单已经评价过了。", "This order has already been rated."),
        new("code:already_resolved", "该投诉已经处理完毕。", "This complaint has already been resolved."),
        new("code:agreement_pending", "贵方已提出达成合作，请等待对方确认。", "Your side has proposed the agreement; the other side confirms it."),
        new("code:order_exists", "该对接或揭榜方案已有订单，请在“我的订单”中查看。", "This engagement or proposal already has an order; see My orders."),
    ];
}
