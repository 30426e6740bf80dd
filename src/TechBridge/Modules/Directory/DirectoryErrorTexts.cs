
namespace TechBridge.Modules.Directory;

// The Directory's fields as its forms label them, the rules only it checks, and its conflicts in words.
internal sealed class DirectoryErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
        new("field:X-Organization", "所代表的机构", "Organization you act for"),
        new("field:legalName", "机构名称", "Legal name"),
        new("field:legalRepresentative", "法定代表人", "Legal representative"),
        new("field:actualController", "实际控制人", "Actual controller"),
        new("field:address", "地址", "Address"),
        new("field:contact.name", "联系人", "Contact name"),
        new("field:contact.email", "电子邮箱", "E-mail"),
        new("field:contact.phone", "联系电话", "Contact phone"),
        new("field:country", "国家或地区", "Country or region"),
        new("field:creditCode", "统一社会信用代码", "Unified social credit code"),
        new("field:foreignRegistrationNumber", "境外注册号", "Foreign registration number"),
        new("field:establishedOn", "成立日期", "Date of establishment"),
        new("field:evidence", "营业执照", "Business licence"),
        new("field:sectors", "服务领域", "Sectors"),
        new("field:name", "名称", "Name"),
        new("field:nameEn", "英文名称", "English name"),
        new("field:leadOrganizationId", "牵头单位", "Lead organization"),
        new("field:organizationId", "机构", "Organization"),
        new("field:referenceCode", "县域特色产业集群", "County characteristic cluster"),
        new("field:level", "级别", "Level"),
        new("field:authority", "发证机关", "Issuing authority"),
        new("field:certificateNumber", "证书编号", "Certificate number"),
        new("field:issuedOn", "发证日期", "Date of issue"),
        new("field:validUntil", "有效期至", "Valid until"),
        new("field:serviceDescription", "服务内容", "Services offered"),
        new("field:state", "入库状态", "Admission state"),
        new("field:step", "审核环节", "Review step"),
        new("field:ids", "所选申请", "Selected applications"),
        new("field:userName", "用户名", "User name"),
        new("field:password", "密码", "Password"),
        new("field:totpCode", "验证码", "Authenticator code"),
        new("field:role", "角色", "Role"),
        new("field:permission", "权限", "Permission"),
        new("field:jurisdiction", "管辖范围", "Jurisdiction"),
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
        new("rule:required@X-Organization", "请先选择您所代表的机构。", "Choose the organization you act for first."),
        new("rule:serviceInstitution@X-Organization", "只有科技服务机构可以申请入库。", "Only service institutions can apply for admission."),
        new("rule:format@establishedOn", "请按 年-月-日（如 2015-06-30）填写成立日期。", "Enter the date of establishment as year-month-day, for example 2015-06-30."),
        new("rule:required@creditCode", "请填写统一社会信用代码；境外机构请填写国家或地区及境外注册号。", "Enter the unified social credit code, or for a foreign organization its country and registration number."),
        new("rule:exclusive@creditCode", "统一社会信用代码与境外注册信息只需填写一项。", "Give either the unified social credit code or the foreign registration details, not both."),
        new("rule:gb32100@creditCode", "统一社会信用代码不正确，请核对全部 18 位字符（含最后一位校验码）。", "The unified social credit code is not valid; check all 18 characters, including the last check character."),
        new("rule:iso3166@country", "请选择境外机构所在的国家或地区。", "Choose the foreign organization's country or region."),
        new("rule:countyRegion@regionCode", "请选择县级行政区（市辖区、县或县级市）。", "Choose a county-level region (a district, county or county-level city)."),
        new("rule:gb4754@industryCode", "请按国民经济行业分类选择行业。", "Choose the industry from the national industry classification."),
        new("rule:sectorCode@sectors", "请从列表中选择服务领域，最多十项。", "Choose at most ten sectors from the list."),
        new("rule:email@contact.email", "电子邮箱格式不正确。", "The e-mail address is not valid."),
        new("rule:phone@contact.phone", "联系电话格式不正确，请填写数字（可含 +、- 和空格）。", "The contact phone is not a valid number; use digits (+, - and spaces are allowed)."),
        new("rule:required@evidenceSha256", "请上传营业执照。", "Upload the business licence."),
        new("rule:uploadedFile@evidenceSha256", "找不到您上传的营业执照，请重新上传。", "The business licence you uploaded was not found; please upload it again."),
        new("rule:required@leadOrganizationId", "产业联盟须选择一家已注册的牵头单位。", "An alliance needs a registered lead organization."),
        new("rule:required@organizationId", "请选择要加入的机构。", "Choose the organization to add."),
        new("rule:unknown@organizationId", "找不到该机构，请从机构名录中选择。", "That organization was not found; choose one from the directory."),
        new("rule:after-issue@validUntil", "有效期不能早于发证日期。", "The certificate cannot expire before it was issued."),
        new("rule:range@ids", "每次可处理 1 至 {max} 项申请。", "Select 1 to {max} applications at a time."),
        new("rule:totp@totpCode", "验证码不正确，请输入身份验证器应用当前显示的 6 位数字。", "The code is wrong; enter the 6 digits your authenticator app shows now."),
        new("rule:jurisdiction@jurisdiction", "请从列表中选择管辖范围。", "Choose the jurisdiction from the list."),
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
        new("code:duplicate_credit_code", "该统一社会信用代码已有机构注册。如您属于该机构，请向其负责人申请加入。", "An organization with this credit code is already registered. If you belong to it, ask its owner to add you as a member."),
        new("code:organization_not_verified", "您所代表的机构尚未通过认证，认证通过后才能办理此事项。", "The organization you act for is not verified yet; this is possible once it is verified."),
        new("code:institution_suspended", "该服务机构已被暂停，恢复之前不能发布信息，也不能承接订单。", "The institution is suspended: until it is reinstated it publishes nothing and takes no orders."),
        new("code:not_pending", "该事项已经审核过，不再处于待审核状态。", "This has already been reviewed and is no longer pending."),
        new("code:already_member", "已经是成员，无需重复加入。", "Already a member; nothing to add."),
        new("code:request_open", "您已提交过加入申请，请等待该机构负责人处理。", "You have already asked to join; the organization's owner has not decided yet."),
        new("code:not_open", "该申请已经处理过了。", "This request has already been decided."),
        new("code:already_revoked", "该资质已被撤销。", "This recognition has already been revoked."),
        new("code:cannot_demote_self", "不能取消您本人的系统管理员角色，请由其他系统管理员操作。", "You cannot take the system admin role from yourself; ask another system admin."),
        new("code:cannot_lock_self", "不能锁定您本人的账户。", "You cannot lock your own account."),
        new("code:identity", "账户信息未能保存：用户名可能已被使用，或密码不符合要求。", "The account could not be saved: the user name may be taken or the password not accepted."),
        new("code:application_exists", "该机构已提交过入库申请，可在“我的机构”中查看办理进度。", "The organization has already applied for admission; see its progress under My organizations."),
        new("code:no_first_review", "该申请无需市级初审。", "This application has no city-level first review."),
        new("code:first_review_done", "初审已经完成。", "The first review is already done."),
        new("code:first_review_pending", "请等待市级初审完成后再进行此步骤。", "The city-level first review has to be done first."),
        new("code:notice_period_running", "公示期尚未结束，公示期满后才能办理。", "The public notice period has not ended yet; this is possible once it is over."),
        new("code:objection_open", "公示期间有尚未处理的异议，请先处理异议。", "An objection is still open; decide it first."),
        new("code:objection_resolved", "该异议已经处理过了。", "This objection has already been decided."),
        new("code:invalid_credentials", "用户名或密码错误。", "The user name or password is wrong."),
        new("code:locked_out", "登录失败次数过多，账户已被暂时锁定，请稍后再试。", "Too many failed attempts: the account is locked for a while. Please try again later."),
        new("code:totp_required", "该账户已开启身份验证器，请同时输入验证码。", "This account uses an authenticator app; enter its code as well."),
        new("code:totp_invalid", "验证码错误或已过期，请输入身份验证器应用当前显示的验证码。", "The code is wrong or has expired; enter the code your authenticator app shows now."),
        new("code:totp_enrolment_required", "您的角色要求使用身份验证器登录，请先在“账户安全”中设置身份验证器应用。", "Your role requires an authenticator app; set one up under Account security first."),
        new("code:totp_already_enrolled", "该账户已开启身份验证器。", "An authenticator app is already set up for this account."),
        new("code:totp_not_started", "请先开始设置身份验证器，再输入验证码。", "Start setting up the authenticator app first, then enter its code."),
    ];
}
