using TechBridge.Modules.Directory.Contracts;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;
using static TechBridge.Tests.Platform.AuditCases;

namespace TechBridge.Tests.Modules.Directory;

// The Directory's operations: sign-in, accounts, organizations, recognitions, groups, institution onboarding.
internal sealed class DirectoryAuditCases : AuditCaseSet
{
    private const string Apps = "/api/v1/onboarding/applications";
    private const string Users = "/api/v1/admin/users";

    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        // Sign-in and TOTP enrolment.
        ["IssueToken"] = async c =>
        {
            using var anonymous = c.Host.CreateAnonymousClient();
            await c.MarkAsync();
            await PostAsync(anonymous, "/api/v1/auth/token", new { userName = "broker.demo", password = AppHost.DemoPassword }, HttpStatusCode.OK);
        },
        ["BeginTotpEnrolment"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "totp");
            using var anonymous = c.Host.CreateAnonymousClient();
            await c.MarkAsync();
            await PostAsync(anonymous, "/api/v1/auth/totp", new { userName = user.UserName, password = AccountTestKit.Password }, HttpStatusCode.OK);
        },
        ["ConfirmTotpEnrolment"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "totp");
            using var anonymous = c.Host.CreateAnonymousClient();
            var begun = await PostAsync(anonymous, "/api/v1/auth/totp", new { userName = user.UserName, password = AccountTestKit.Password }, HttpStatusCode.OK);
            var code = AccountTestKit.TotpCode(begun.GetProperty("sharedKey").GetString()!);
            await c.MarkAsync();
            await PostAsync(anonymous, "/api/v1/auth/totp/confirm", new { userName = user.UserName, password = AccountTestKit.Password, totpCode = code }, HttpStatusCode.NoContent);
        },

        // Account administration (system admin).
        ["AddUserRole"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "role");
            using var sysadmin = await c.As("sysadmin.demo");
            await c.MarkAsync();
            await PostAsync(sysadmin, $"{Users}/{user.Id}/roles", new { role = "Broker" }, HttpStatusCode.NoContent);
        },
        ["RemoveUserRole"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "role", "Broker");
            using var sysadmin = await c.As("sysadmin.demo");
            await c.MarkAsync();
            await DeleteAsync(sysadmin, $"{Users}/{user.Id}/roles/Broker", HttpStatusCode.NoContent);
        },
        ["GrantAdminPermission"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "grant", "Admin");
            using var sysadmin = await c.As("sysadmin.demo");
            await c.MarkAsync();
            await PostAsync(sysadmin, $"{Users}/{user.Id}/grants", new { permission = DirectoryPermissions.ManageGroups, jurisdiction = "1301" }, HttpStatusCode.NoContent);
        },
        ["RevokeAdminPermission"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "grant", "Admin");
            using var sysadmin = await c.As("sysadmin.demo");
            var permission = DirectoryPermissions.ManageGroups;
            await PostAsync(sysadmin, $"{Users}/{user.Id}/grants", new { permission, jurisdiction = "1301" }, HttpStatusCode.NoContent);
            await c.MarkAsync();
            await DeleteAsync(sysadmin, $"{Users}/{user.Id}/grants?permission={permission}&jurisdiction=1301", HttpStatusCode.NoContent);
        },
        ["LockUser"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "lock");
            using var sysadmin = await c.As("sysadmin.demo");
            await c.MarkAsync();
            await PostAsync(sysadmin, $"{Users}/{user.Id}/lock", null, HttpStatusCode.NoContent);
        },
        ["UnlockUser"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "lock");
            using var sysadmin = await c.As("sysadmin.demo");
            await PostAsync(sysadmin, $"{Users}/{user.Id}/lock", null, HttpStatusCode.NoContent);
            await c.MarkAsync();
            await PostAsync(sysadmin, $"{Users}/{user.Id}/unlock", null, HttpStatusCode.NoContent);
        },
        ["ResetUserTotp"] = async c =>
        {
            var user = await AccountTestKit.CreateUserAsync(c.Host, "totp");
            using var anonymous = c.Host.CreateAnonymousClient();
            var begun = await PostAsync(anonymous, "/api/v1/auth/totp", new { userName = user.UserName, password = AccountTestKit.Password }, HttpStatusCode.OK);
            var code = AccountTestKit.TotpCode(begun.GetProperty("sharedKey").GetString()!);
            await PostAsync(anonymous, "/api/v1/auth/totp/confirm", new { userName = user.UserName, password = AccountTestKit.Password, totpCode = code }, HttpStatusCode.NoContent);
            using var sysadmin = await c.As("sysadmin.demo");
            await c.MarkAsync();
            await PostAsync(sysadmin, $"{Users}/{user.Id}/reset-totp", null, HttpStatusCode.NoContent);
        },

        ["RegisterOrganization"] = async c =>
        {
            using var owner = await c.As(c.Owner);
            var evidence = await UploadPdfAsync(owner);
            await c.MarkAsync();
            var response = await RegisterAsync(owner, NewCreditCode("130102"), "130102", evidence: evidence);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        },
        ["VerifyOrganization"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/organizations/{id}/verify", null, HttpStatusCode.OK);
        },
        ["RejectOrganization"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/organizations/{id}/reject", new { reason = "营业执照模糊" }, HttpStatusCode.OK);
        },
        ["DecideOrganizations"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, "/api/v1/organizations/verification-decisions", new { ids = new[] { id }, verify = false, reason = "营业执照模糊" }, HttpStatusCode.OK);
        },
        ["RequestMembership"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var other = await c.As(c.Joiner);
            await c.MarkAsync();
            await PostAsync(other, $"/api/v1/organizations/{id}/membership-requests", new { message = "我是财务" }, HttpStatusCode.Created);
        },
        ["ApproveMembershipRequest"] = async c =>
        {
            var (id, requestId) = await MembershipRequestedAsync(c);
            using var owner = await c.As(c.Owner);
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/membership-requests/{requestId}/approve", null, HttpStatusCode.OK);
        },
        ["DeclineMembershipRequest"] = async c =>
        {
            var (id, requestId) = await MembershipRequestedAsync(c);
            using var owner = await c.As(c.Owner);
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/membership-requests/{requestId}/decline", null, HttpStatusCode.OK);
        },
        ["AddBranch"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var owner = await c.As(c.Owner);
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/branches", new { name = "天津窗口", regionCode = "120116" }, HttpStatusCode.Created);
        },
        ["RemoveBranch"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var owner = await c.As(c.Owner);
            var branch = await PostAsync(owner, $"/api/v1/organizations/{id}/branches", new { name = "天津窗口", regionCode = "120116" }, HttpStatusCode.Created);
            await c.MarkAsync();
            await DeleteAsync(owner, $"/api/v1/organizations/{id}/branches/{branch.GetProperty("id").GetGuid()}", HttpStatusCode.NoContent);
        },

        // Recognitions.
        ["AddRecognition"] = async c =>
        {
            var id = await RegisteredAsync(c, c.Owner);
            using var owner = await c.As(c.Owner);
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/recognitions", Certificate(), HttpStatusCode.Created);
        },
        ["ConfirmRecognition"] = async c =>
        {
            var recognition = await PendingRecognitionAsync(c);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/recognitions/{recognition}/confirm", null, HttpStatusCode.OK);
        },
        ["RevokeRecognition"] = async c =>
        {
            var recognition = await PendingRecognitionAsync(c);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/recognitions/{recognition}/revoke", new { reason = "certificate withdrawn" }, HttpStatusCode.OK);
        },
        ["DecideRecognitions"] = async c =>
        {
            var recognition = await PendingRecognitionAsync(c);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, "/api/v1/recognitions/decisions", new { ids = new[] { recognition }, confirm = true }, HttpStatusCode.OK);
        },

        // Groups.
        ["CreateGroup"] = async c =>
        {
            var lead = await RegisteredAsync(c, c.Owner);
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, "/api/v1/groups", new { kind = "alliance", name = $"审计测试联盟{Guid.NewGuid():N}"[..20], leadOrganizationId = lead, sectorCode = "testing" }, HttpStatusCode.Created);
        },
        ["AddGroupMember"] = async c =>
        {
            var lead = await RegisteredAsync(c, c.Owner);
            var member = await RegisteredAsync(c, c.Owner);
            using var admin = await c.As("admin.hebei");
            var group = await PostAsync(admin, "/api/v1/groups", new { kind = "alliance", name = $"审计测试联盟{Guid.NewGuid():N}"[..20], leadOrganizationId = lead }, HttpStatusCode.Created);
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/groups/{group.GetProperty("id").GetGuid()}/members", new { organizationId = member }, HttpStatusCode.Created);
        },

        // Onboarding of service institutions.
        ["SubmitInstitutionApplication"] = async c =>
        {
            var organization = await RegisteredAsync(c, c.Owner, "ServiceInstitution");
            using var admin = await c.As("admin.hebei");
            await PostAsync(admin, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
            using var acting = await c.As(c.Owner, organization);
            await c.MarkAsync();
            await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Created);
        },
        ["StartInstitutionReview"] = async c =>
        {
            var id = await SubmittedAsync(c);
            using var city = await c.As("admin.shijiazhuang");
            await c.MarkAsync();
            await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
        },
        ["FirstReviewInstitution"] = async c =>
        {
            var id = await SubmittedAsync(c);
            using var city = await c.As("admin.shijiazhuang");
            await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(city, $"{Apps}/{id}/first-review", null, HttpStatusCode.OK);
        },
        ["StartInstitutionNotice"] = async c =>
        {
            var id = await SubmittedAsync(c);
            using var city = await c.As("admin.shijiazhuang");
            using var province = await c.As("admin.hebei");
            await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
            await PostAsync(city, $"{Apps}/{id}/first-review", null, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/start-notice", null, HttpStatusCode.OK);
        },
        ["RejectInstitution"] = async c =>
        {
            var id = await SubmittedAsync(c);
            using var province = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/reject", new { reason = "材料不全" }, HttpStatusCode.OK);
        },
        ["ObjectToInstitution"] = async c =>
        {
            var id = await InNoticeAsync(c);
            using var citizen = await c.As("enterprise.demo");
            await c.MarkAsync();
            await PostAsync(citizen, $"{Apps}/{id}/objections", new { reason = "资质证书过期" }, HttpStatusCode.Created);
        },
        ["UpholdObjection"] = async c =>
        {
            var (id, objection) = await ObjectedAsync(c);
            using var province = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/objections/{objection}/uphold", new { reason = "核实属实" }, HttpStatusCode.OK);
        },
        ["DismissObjection"] = async c =>
        {
            var (id, objection) = await ObjectedAsync(c);
            using var province = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/objections/{objection}/dismiss", new { reason = "证书已续期" }, HttpStatusCode.OK);
        },

        // These need the notice period to pass: the clock moves, so they run on an isolated host.
        ["ApproveInstitution"] = async c =>
        {
            var id = await NoticeOverAsync(c);
            using var province = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/approve", null, HttpStatusCode.OK);
        },
        ["BulkApproveInstitutions"] = async c =>
        {
            var id = await NoticeOverAsync(c);
            using var province = await c.As("admin.hebei");
            await c.MarkAsync();
            var results = await PostAsync(province, "/api/v1/onboarding/bulk-approve", new { ids = new[] { id } }, HttpStatusCode.OK);
            Assert.True(results[0].GetProperty("succeeded").GetBoolean(), results.ToString());
        },
        ["SuspendInstitution"] = async c =>
        {
            var id = await ApprovedAsync(c);
            using var province = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/suspend", new { reason = "违规收费" }, HttpStatusCode.OK);
        },
        ["ReinstateInstitution"] = async c =>
        {
            var id = await ApprovedAsync(c);
            using var province = await c.As("admin.hebei");
            await PostAsync(province, $"{Apps}/{id}/suspend", new { reason = "违规收费" }, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(province, $"{Apps}/{id}/reinstate", new { reason = "整改完成" }, HttpStatusCode.OK);
        },
    };

    private static object Certificate() => new
    {
        kind = "high-tech-enterprise",
        level = "national",
        authority = "河北省高新技术企业认定管理机构",
        certificateNumber = $"GR{Guid.NewGuid():N}"[..16],
        issuedOn = new DateOnly(2025, 1, 10),
        validUntil = new DateOnly(2028, 1, 9),
    };

    private static async Task<Guid> RegisteredAsync(AuditCaseContext c, TestUser owner, string kind = "Enterprise")
    {
        using var client = await c.As(owner);
        return await RegisterOkAsync(client, "130102", kind);
    }

    private static async Task<(Guid Organization, Guid Request)> MembershipRequestedAsync(AuditCaseContext c)
    {
        var id = await RegisteredAsync(c, c.Owner);
        using var other = await c.As(c.Joiner);
        var request = await PostAsync(other, $"/api/v1/organizations/{id}/membership-requests", new { message = "我是财务" }, HttpStatusCode.Created);
        return (id, request.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> PendingRecognitionAsync(AuditCaseContext c)
    {
        var id = await RegisteredAsync(c, c.Owner);
        using var owner = await c.As(c.Owner);
        var recognition = await PostAsync(owner, $"/api/v1/organizations/{id}/recognitions", Certificate(), HttpStatusCode.Created);
        return recognition.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> SubmittedAsync(AuditCaseContext c)
    {
        var organization = await RegisteredAsync(c, c.Owner, "ServiceInstitution");
        using var admin = await c.As("admin.hebei");
        await PostAsync(admin, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
        using var acting = await c.As(c.Owner, organization);
        var application = await PostAsync(acting, Apps, new { serviceDescription = "检验检测" }, HttpStatusCode.Created);
        return application.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> InNoticeAsync(AuditCaseContext c)
    {
        var id = await SubmittedAsync(c);
        using var city = await c.As("admin.shijiazhuang");
        using var province = await c.As("admin.hebei");
        await PostAsync(city, $"{Apps}/{id}/start-review", null, HttpStatusCode.OK);
        await PostAsync(city, $"{Apps}/{id}/first-review", null, HttpStatusCode.OK);
        await PostAsync(province, $"{Apps}/{id}/start-notice", null, HttpStatusCode.OK);
        return id;
    }

    private static async Task<(Guid Application, Guid Objection)> ObjectedAsync(AuditCaseContext c)
    {
        var id = await InNoticeAsync(c);
        using var citizen = await c.As("enterprise.demo");
        var objection = await PostAsync(citizen, $"{Apps}/{id}/objections", new { reason = "资质证书过期" }, HttpStatusCode.Created);
        return (id, objection.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> NoticeOverAsync(AuditCaseContext c)
    {
        await c.UseIsolatedHostAsync();
        var id = await InNoticeAsync(c);
        await c.Host.AdvanceClockAsync(170);
        return id;
    }

    private static async Task<Guid> ApprovedAsync(AuditCaseContext c)
    {
        var id = await NoticeOverAsync(c);
        using var province = await c.As("admin.hebei");
        await PostAsync(province, $"{Apps}/{id}/approve", null, HttpStatusCode.OK);
        return id;
    }

}
