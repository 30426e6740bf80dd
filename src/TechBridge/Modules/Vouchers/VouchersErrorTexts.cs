
namespace TechBridge.Modules.Vouchers;

// Vouchers: fields as the forms label them, the rules only vouchers check, and their conflicts in words.
internal sealed class VouchersErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Eligibility).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:jurisdictionCode", "所属辖区", "Jurisdiction"),
        new("field:budgetFen", "预算总额", "Budget"),
        new("field:rateBasisPoints", "补助比例", "Subsidy rate"),
        new("field:regionRates", "分地区补助比例", "Regional rates"),
        new("field:regionRates.regionCode", "地区", "Region"),
        new("field:regionRates.rateBasisPoints", "该地区补助比例", "Rate for the region"),
        new("field:capPerApplicationFen", "单次使用上限", "Cap per use"),
        new("field:annualCapPerEnterpriseFen", "每家企业年度上限", "Annual cap per enterprise"),
        new("field:annualCapPerControllerFen", "同一实际控制人年度上限", "Annual cap per actual controller"),
        new("field:fullCoverageAtOrBelowFen", "全额支持金额线", "Full coverage up to"),
        new("field:validityMonths", "有效期（月）", "Validity (months)"),
        new("field:eligibleSectors", "支持的服务领域", "Covered sectors"),
        new("field:eligibleOrganizationTypes", "可申领的单位类型", "Eligible kinds of organization"),
        new("field:requiredRecognitions", "须具备的资质认定", "Required recognitions"),
        new("field:eligibleRegions", "可申领的注册地", "Eligible registration regions"),
        new("field:paymentCycle", "兑付周期", "Payment cycle"),
        new("field:parties", "协议各方", "Parties"),
        new("field:effectiveFrom", "生效日期", "Effective from"),
        new("field:effectiveUntil", "终止日期", "Effective until"),
        new("field:providers", "互认服务机构", "Recognised providers"),
        new("field:requestedFen", "申领额度", "Requested quota"),
        new("field:approve", "审核结论", "Decision"),
        new("field:quotaFen", "核定额度", "Granted quota"),
        new("field:itemKind", "服务类别", "Kind of service"),
        new("field:itemId", "订单", "Order"),
        new("field:eligibility", "申领条件", "Eligibility"),
        new("field:sha256", "证明文件", "Evidence file"),
        new("field:evidence.kind", "材料类别", "Kind of evidence"),
        new("field:evidence.sha256", "证明文件", "Evidence file"),
        new("field:useId", "创新券使用记录", "Voucher use"),
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:jurisdiction", "请选择北京、天津、河北或河北省内的设区市。", "Choose Beijing, Tianjin, Hebei or a city of Hebei."),
        new("rule:range@budgetFen", "预算须大于零，且不超过 100 亿元。", "The budget is more than zero and at most 10 billion yuan."),
        new("rule:range@validityMonths", "有效期为 1 至 36 个月。", "A voucher is valid for 1 to 36 months."),
        new("rule:mode", "请选择通用券或通兑券。", "Choose a general or a direct voucher."),
        new("rule:rate", "补助比例应在 0.01% 至 100% 之间。", "The subsidy rate is between 0.01 % and 100 %."),
        new("rule:inJurisdiction", "分地区比例只能针对本辖区内的地区。", "A regional rate names a region inside the program's jurisdiction."),
        new("rule:positiveAmount", "{field}须大于零。", "{field} must be more than zero."),
        new("rule:notAboveAnnualCap", "{field}不能超过每家企业的年度上限。", "{field} cannot exceed the annual cap per enterprise."),
        new("rule:notBelowEnterpriseCap", "同一实际控制人的年度上限不能低于每家企业的年度上限。", "The cap per actual controller cannot be below the cap per enterprise."),
        new("rule:notAboveCap", "全额支持金额线不能高于单次使用上限。", "Full coverage cannot go above the cap per use."),
        new("rule:unknownSector", "该服务领域不在十大领域之中。", "The sector is not one of the ten sectors."),
        new("rule:unknownType", "无法识别该单位类型。", "The kind of organization is not known."),
        new("rule:unknownRecognition", "无法识别该资质认定。", "The recognition is not known."),
        new("rule:regionCode", "请选择一个地区。", "Choose a region."),
        new("rule:cycle", "兑付周期为按月或按季度。", "Payments are made monthly or quarterly."),
        new("rule:provinces", "协议须有北京、天津、河北中的两方或三方。", "An agreement has two or three parties among Beijing, Tianjin and Hebei."),
        new("rule:afterStart", "终止日期须晚于生效日期。", "The end date comes after the start date."),
        new("rule:admittedInParty", "互认机构须是协议某一方已入库的服务机构。", "A recognised provider is an admitted institution of one of the parties."),
        new("rule:reasonForRejection", "不予通过时请说明理由。", "Give the reason for a rejection."),
        new("rule:notAboveRequested", "核定额度不能超过申领额度。", "The granted quota cannot exceed the requested one."),
        new("rule:unknownKind", "创新券目前可用于支付服务订单。", "Vouchers currently pay for service orders."),
        new("rule:ownOrder", "创新券只能用于本企业的订单。", "A voucher pays only for its own enterprise's orders."),
        new("rule:acceptedProvider", "该服务机构不在本项目认可的机构范围内（本辖区入库机构或互认地区的互认机构）。", "The provider is not accepted by this program (an admitted institution of its jurisdiction or a recognised provider of a partner)."),
        new("rule:eligibleSector", "本项目不支持该订单所属的服务领域。", "This program does not cover the order's sector."),
        new("rule:coveredKind", "本项目不支持这类服务。", "This program does not cover this kind of service."),
        new("rule:evidenceKind", "材料须为合同、发票或付款凭证。", "Evidence is a contract, an invoice or a payment proof."),
        new("rule:unknown@sha256", "找不到该证明文件，请先上传。", "The evidence file was not found; upload it first."),
        new("rule:unknown@evidence.sha256", "找不到该证明文件，请先上传。", "The evidence file was not found; upload it first."),
        new("rule:state", "请选择一个使用状态。", "Choose one of the states."),
        new("rule:status", "请选择一个审核状态。", "Choose one of the statuses."),
        new("rule:enterpriseRedeems", "通用券由企业申请兑付。", "For a general voucher the enterprise asks for redemption."),
        new("rule:providerRedeems", "通兑券由服务机构申请兑付。", "For a direct voucher the provider asks for redemption."),
        new("rule:delivered", "服务交付后才能申请兑付。", "Redemption is asked for after the service was delivered."),
        new("rule:evidenceComplete", "请上传合同、发票和付款凭证（缺少：{missing}）。", "Attach the contract, the invoice and the payment proof (missing: {missing})."),
    ];

    // Eligibility rules, each named in a refused application.
    private static IEnumerable<ErrorText> Eligibility =>
    [
        new("rule:programOpen", "该项目当前不受理申领。", "The program is not open for applications."),
        new("rule:verified", "本单位尚未通过核验。", "Your organization is not verified yet."),
        new("rule:organizationType", "本单位类型不在可申领范围内。", "Your kind of organization may not apply."),
        new("rule:region", "本单位注册地不在项目支持范围内。", "Your registered region is not covered."),
        new("rule:recognitions", "本单位不具备项目要求的资质认定。", "You hold none of the required recognitions."),
        new("rule:notFundedLastYear", "本单位本年度或上年度已获同一辖区创新券支持。", "You were funded by this jurisdiction's vouchers this year or last year."),
        new("rule:oneApplication", "本单位已申领过该项目。", "You have applied to this program already."),
        new("rule:agreedOrder", "请先与认可的服务机构达成订单再申领。", "Apply with an order agreed with an accepted provider."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:insufficient_balance", "额度或预算不足。", "The voucher's balance or the budget is not enough."),
        new("code:program_open", "项目已开放，预算、辖区和年度不能再修改。", "The budget, jurisdiction and year of an open program do not change."),
        new("code:nothing_left", "额度已用尽，无法再预留。", "Nothing is left to reserve."),
        new("code:voucher_expired", "该创新券已过期。", "The voucher has expired."),
        new("code:program_closed", "该项目已关闭。", "The program is closed."),
        new("code:order_already_paid", "该订单已使用创新券。", "A voucher already pays for this order."),
        new("code:redemption_exists", "该使用记录已申请兑付。", "A redemption of this use exists already."),
    ];
}
