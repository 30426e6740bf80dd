namespace TechBridge.Platform.Errors;

// The rules every module uses, and the platform's own fields and conflict codes. A module's fields, specific rule
// sentences and conflict codes live in that module's own IErrorTextSource. A field name that several modules use
// ("title", "reason", "regionCode") has its one label here, so that no two modules claim the same key.
internal sealed class PlatformErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Rules.Concat(Fields).Concat(Specific).Concat(Codes);

    // The general sentence of each rule. {field} is the field's label; other placeholders only where every throw
    // site carries that argument (the standing test checks it).
    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:required", "请填写{field}。", "{field} is required."),
        new("rule:maxLength", "{field}最多 {max} 个字。", "{field} can be at most {max} characters long."),
        new("rule:year", "{field}须在 2000 年至 9998 年之间。", "{field} must lie between the years 2000 and 9998."),
        new("rule:range", "{field}超出了允许的范围。", "{field} is outside the allowed range."),
        new("rule:min", "{field}太小了。", "{field} is too small."),
        new("rule:unknown", "请从列表中选择{field}。", "Please choose {field} from the list."),
        new("rule:oneOf", "请从列表中选择{field}。", "Please choose {field} from the list."),
        new("rule:format", "{field}的格式不正确。", "{field} is not in the expected format."),
        new("rule:maxCount", "{field}最多 {max} 项。", "{field} can have at most {max} entries."),
        new("rule:minCount", "{field}至少需要 {min} 项。", "{field} needs at least {min} entries."),
        new("rule:count", "{field}的数量应为 {min} 至 {max} 项。", "{field} needs {min} to {max} entries."),
        new("rule:empty", "{field}没有内容。", "{field} has no content."),
        new("rule:nonNegative", "{field}不能为负数。", "{field} cannot be negative."),
        new("rule:positive", "{field}必须大于零。", "{field} must be greater than zero."),
        new("rule:future", "{field}须晚于今天。", "{field} must be after today."),
        new("rule:notFuture", "{field}不能晚于今天。", "{field} cannot be later than today."),
        new("rule:maxSize", "{field}不能超过 {max} MB。", "{field} can be at most {max} MB."),
        new("rule:fileType", "只能上传 PDF、PNG 或 JPEG 格式的文件。", "Only PDF, PNG and JPEG files can be uploaded."),
        new("rule:term", "{field}中的每个词最多 50 个字，且不能含空格。", "Each word in {field} is at most 50 characters long, without spaces."),
        new("rule:maxTerms", "{field}包含的不同词语太多（最多 {max} 个），请精简后再试。", "{field} has too many different words (at most {max}); please shorten it."),
        new("rule:afterFrom", "{field}不能早于开始日期。", "{field} cannot be before the start date."),
        new("rule:amount", "请填写以元为单位的金额，例如 120000 或 1250.50。", "Enter an amount in yuan, for example 120000 or 1250.50."),
    ];

    // Labels of the fields several modules share, and of the platform's own forms (audit trail, files, search).
    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:title", "标题", "Title"),
        new("field:description", "描述", "Description"),
        new("field:kind", "类型", "Type"),
        new("field:reason", "理由", "Reason"),
        new("field:message", "留言", "Message"),
        new("field:body", "内容", "Content"),
        new("field:text", "内容", "Text"),
        new("field:decision", "处理决定", "Decision"),
        new("field:keywords", "关键词", "Keywords"),
        new("field:industryCode", "行业", "Industry"),
        new("field:sectorCode", "领域", "Sector"),
        new("field:regionCode", "地区", "Region"),
        new("field:evidenceSha256", "证明文件", "Supporting file"),
        new("field:file", "文件", "File"),
        new("field:page", "页码", "Page"),
        new("field:hours", "小时数", "Hours"),
        new("field:pageSize", "每页条数", "Results per page"),
        new("field:top", "结果条数", "Number of results"),
        new("field:from", "开始日期", "From date"),
        new("field:to", "结束日期", "To date"),
        new("field:user", "用户", "User"),
        new("field:organization", "机构编号", "Organization id"),
        new("field:action", "操作", "Operation"),
        new("field:entityType", "对象类型", "Entity type"),
        new("field:entityId", "对象编号", "Entity id"),
        new("field:id", "编号", "Identifier"),
        new("field:filters", "筛选条件", "Filters"),
        new("field:timeLimit", "检索时限", "Search time limit"),
        new("field:term", "领域词", "Domain term"),
        new("field:words", "词语", "Words"),
        new("field:synonyms", "同义词组", "Synonym group"),
    ];

    // Where the general sentence would not say it well for one of the platform's fields.
    private static IEnumerable<ErrorText> Specific =>
    [
        new("rule:required@file", "请选择要上传的文件，文件不能为空。", "Choose a file to upload; it cannot be empty."),
        new("rule:format@from", "请按 年-月-日（如 2026-03-01）填写开始日期。", "Enter the from date as year-month-day, for example 2026-03-01."),
        new("rule:format@to", "请按 年-月-日（如 2026-03-31）填写结束日期。", "Enter the to date as year-month-day, for example 2026-03-31."),
        new("rule:format@organization", "机构编号的格式不正确，请从机构名录中复制。", "The organization id is not valid; copy it from the organization directory."),
        new("rule:min@page", "页码从 1 开始。", "Pages start at 1."),
        new("rule:range@page", "页码超出了范围，请从第 1 页开始。", "That page does not exist; start from page 1."),
        new("rule:range@pageSize", "每页条数应为 1 至 {max} 条。", "Show 1 to {max} results per page."),
        new("rule:range@top", "结果条数应为 1 至 {max} 条。", "Ask for 1 to {max} results."),
        new("rule:range@timeLimit", "检索时限应在 30 秒以内。", "The search time limit is at most 30 seconds."),
        new("rule:maxCount@filters", "筛选条件太多（最多 {max} 项），请减少后再试。", "Too many filters (at most {max}); please remove some."),
        new("rule:minCount@synonyms", "同义词组至少需要两个不同的词。", "A synonym group needs at least two different words."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:concurrency", "该事项刚被他人修改，请刷新后再试。", "Someone else changed this item just now; reload and try again."),
        new("code:constraint", "该操作与已有记录冲突，可能已经做过了。", "This conflicts with an existing record; it may have been done already."),
        // Labels several modules share (one home each).
        new("field:year", "年份", "Year"),
        new("rule:range@year", "年份须在 2000 至 2100 年之间。", "The year is between 2000 and 2100."),
        new("field:purpose", "用途", "Purpose"),
        new("field:source", "来源", "Source"),
        new("field:value", "数值", "Value"),
        new("field:Idempotency-Key", "请求幂等键", "Idempotency key"),
        new("rule:idempotencyKey", "{field}须为1至{max}个可见的英文字符。", "{field} must be 1 to {max} visible ASCII characters."),
        new("code:idempotency_key_reused", "这个请求幂等键已用于另一项不同的请求；新的操作请使用新的键。", "This idempotency key was already used for a different request; use a new key for a new operation."),
        new("code:idempotency_in_progress", "使用同一幂等键的请求正在处理中，请稍后重试。", "A request with the same idempotency key is still being processed; retry shortly."),
        new("code:idempotency_outcome_unknown", "使用同一幂等键的请求已经执行，但其结果无法再次提供；请先查看最新状态再决定是否重试。", "A request with the same idempotency key was carried out but its answer is no longer available; check the current state before retrying."),
        new("code:busy", "系统正忙，请稍后重试。", "The system is busy; please try again shortly."),
        new("code:transition_not_allowed", "该事项当前的状态不允许此操作，请刷新页面查看最新状态。", "This step is not possible in the item's current state; reload to see where it stands."),
    ];
}
