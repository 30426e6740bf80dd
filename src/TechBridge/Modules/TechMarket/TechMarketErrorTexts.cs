namespace TechBridge.Modules.TechMarket;

// The technology market: its fields as the forms label them, the rules only it checks, and its conflicts in words.
internal sealed class TechMarketErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:add", "工作日天数", "Working days"),
        new("field:holidays", "节假日", "Holidays"),
        new("field:workdays", "调休上班日", "Make-up working days"),
        new("field:holidays.date", "节假日日期", "Holiday date"),
        new("field:workdays.date", "调休上班日期", "Make-up working day date"),
        new("field:type", "合同类别", "Contract type"),
        new("field:subtype", "合同子类", "Contract subtype"),
        new("field:totalFen", "合同总金额", "Contract total"),
        new("field:nonTechnicalItems", "非技术性款项", "Non-technical items"),
        new("field:nonTechnicalItems.amountFen", "非技术性款项金额", "Non-technical item amount"),
        new("field:nonTechnicalItems.kind", "非技术性款项类别", "Non-technical item kind"),
        new("field:nonTechnicalItems.description", "非技术性款项说明", "Non-technical item description"),
        new("field:technologyField", "技术领域", "Technology field"),
        new("field:ipKind", "涉及的知识产权", "Intellectual property involved"),
        new("field:fundingSource", "资金来源", "Funding source"),
        new("field:signedOn", "签订日期", "Date signed"),
        new("field:termFrom", "合同期限起", "Term from"),
        new("field:termTo", "合同期限止", "Term to"),
        new("field:paymentSchedule", "支付方式与进度", "Payment schedule"),
        new("field:brokerName", "技术经纪人", "Technology broker"),
        new("field:contractFileSha256", "书面合同文本", "Written contract"),
        new("field:seller.name", "卖方名称", "Seller name"),
        new("field:buyer.name", "买方名称", "Buyer name"),
        new("field:seller.regionCode", "卖方所在地区", "Seller region"),
        new("field:buyer.regionCode", "买方所在地区", "Buyer region"),
        new("field:seller.entityKind", "卖方主体类型", "Kind of seller"),
        new("field:buyer.entityKind", "买方主体类型", "Kind of buyer"),
        new("field:seller.creditCode", "卖方统一社会信用代码", "Seller credit code"),
        new("field:buyer.creditCode", "买方统一社会信用代码", "Buyer credit code"),
        new("field:seller.organizationId", "卖方", "Seller"),
        new("field:buyer.organizationId", "买方", "Buyer"),
        new("field:opinion", "专家意见", "Expert opinion"),
        new("field:recommendation", "评审建议", "Recommendation"),
        new("field:terms", "交易条款", "Agreed terms"),
        new("field:sourceKind", "交易来源", "Where the deal comes from"),
        new("field:sourceId", "来源记录", "Source record"),
        new("field:ourSide", "本单位角色", "Our side"),
        new("field:counterpartOrganizationId", "交易对方", "Other party"),
        new("field:standard", "数据交换标准版本", "Exchange standard version"),
        new("field:registeredOn", "登记日期", "Date registered"),
        new("field:seller", "卖方", "Seller"),
        new("field:buyer", "买方", "Buyer"),
        new("field:record", "该行记录", "This row"),
        new("field:technologyAmountFen", "技术交易额", "Technology transaction amount"),
        new("field:limit", "每页条数", "Records per page"),
        new("field:cursor", "续读位置", "Position to continue from"),
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:date@from", "请按“年-月-日”填写起算日期。", "Give the start date as YYYY-MM-DD."),
        new("rule:range@add", "工作日天数须为 0 至 {max} 的整数。", "The number of working days is a whole number from 0 to {max}."),
        new("rule:inYear", "日期须为所录入年份（{year}年）内的“年-月-日”。", "Each date is a YYYY-MM-DD date of the year entered ({year})."),
        new("rule:weekend", "调休上班日须为周六或周日。", "A make-up working day is a Saturday or Sunday."),
        new("rule:duplicate", "同一日期只能录入一次。", "A date is listed once only."),
        new("rule:negative", "{field}不能为负数。", "{field} cannot be negative."),
        new("rule:wholeFen", "{field}最多保留两位小数（精确到分）。", "{field} has at most two decimals (to the cent)."),
        new("rule:overflow", "{field}超出可受理的最大金额（1 万亿元）。", "{field} is beyond the largest amount accepted (1,000,000,000,000 yuan)."),
        new("rule:exceedsTotal@nonTechnicalItems", "非技术性款项合计超过了合同总金额。", "The non-technical items add up to more than the contract total."),
        new("rule:count@nonTechnicalItems", "非技术性款项最多 {max} 项。", "At most {max} non-technical items."),
        new("rule:notBeforeStart", "合同期限止不能早于期限起。", "The term cannot end before it starts."),
        new("rule:nothingChanged", "请填写新的合同期限止或新的支付方式。", "Give the new end of the term or the new payment schedule."),
        new("rule:outsideJingjinji", "本平台受理所在地为北京、天津或河北的卖方（技术进口为国内买方）的登记申请。", "This platform registers contracts of sellers (for a technology import, domestic buyers) located in Beijing, Tianjin or Hebei."),
        new("rule:creditCode", "统一社会信用代码应为 18 位数字或大写字母，请核对。", "A unified social credit code has 18 characters: digits and capital letters except I, O, S, V and Z."),
        new("rule:month", "请按“年-月”填写月份，例如 2025-01。", "Give the month as YYYY-MM, for example 2025-01."),
        new("rule:unexpected", "“{name}”不是技术合同数据交换标准 1.0 规定的项目，请删除。", "“{name}” is not part of the technology-contract exchange standard 1.0; remove it."),
        new("rule:standard", "该行不是按技术合同数据交换标准 1.0 编写的记录。", "The row is not a record of the technology-contract exchange standard 1.0."),
        new("rule:notTotalLessItems", "技术交易额应等于合同成交额减去非技术性款项。", "The technology transaction amount must equal the contract total less the non-technical items."),
        new("rule:bothForeign", "买卖双方不能都在境外。", "The buyer and the seller cannot both be abroad."),
        new("rule:notYourJurisdiction", "该合同不是在您所在登记机构的辖区内登记的，不能由您导入。", "This contract was registered outside the jurisdiction you register for, so you cannot import it."),
        new("rule:duplicate@certificateNumber", "同一登记编号在文件中出现了两次。", "The same certificate number appears twice in the file."),
        new("rule:registeredOtherwise", "本平台已有另一份合同使用此登记编号，内容与该行不同。", "Another contract with different content is already registered here under this certificate number."),
        new("rule:unreadable@record", "该行无法读取，请确认每行是一条完整的记录。", "The row cannot be read; each line must hold one complete record."),
        new("rule:missingColumns@file", "文件缺少必需的列：{columns}。请使用导出的表格作为模板。", "The file lacks required columns: {columns}. Use an exported table as the template."),
        new("rule:monthRange", "结束月份不能早于开始月份，统计期最长 {max} 个月。", "The end month is not before the start month, and the period has at most {max} months."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:calendar_missing", "工作日历缺少该年度的法定节假日安排，无法计算期限，请联系管理员录入国务院当年的节假日通知。", "The working-day calendar does not cover that year, so no deadline can be computed; ask an admin to enter the State Council's holiday notice for it."),
        new("code:deal_not_signed", "该交易尚未上传签署的书面合同，或已经申请过登记。", "The deal has no signed contract uploaded yet, or it has been applied for already."),
        new("code:contract_closed", "该申请已撤回、注销或未予登记，不能再办理此事项。", "The application was withdrawn, cancelled or not registered; this step is no longer possible."),
        new("code:expert_opinion_missing", "该申请须经专家评审：请先提交专家评审并等待专家意见。", "This application needs expert review: send it to the experts and wait for their opinion first."),
    ];
}
