using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Engagements.Contracts;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Platform.Auditing;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Modules.Listings;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Platform;

// Standing test (issue 2): every mutating operation in the OpenAPI document, called with valid input, appends an
// audit record named after its operationId. A new POST/PUT/PATCH/DELETE operation fails the coverage fact until it
// gets a case here; each case then is its own test.
public abstract class AuditEveryOperationTests(AppHost shared)
{
    private static readonly string[] MutatingMethods = ["post", "put", "patch", "delete"];

    public static TheoryData<string> Operations => new(AuditCases.All.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public async Task OpenApiDocument_EveryMutatingOperation_HasAnAuditCase()
    {
        using var client = shared.CreateAnonymousClient();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var documented = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => MutatingMethods.Contains(o.Name)))
            {
                Assert.True(operation.Value.TryGetProperty("operationId", out var id), $"{operation.Name} {path.Name} has no operationId");
                documented.Add(id.GetString()!);
            }
        }

        var missing = documented.Where(id => !AuditCases.All.ContainsKey(id)).Select(id => $"add a case for {id}").ToList();
        var stale = AuditCases.All.Keys.Where(id => !documented.Contains(id)).Select(id => $"remove the case for {id} (not in the document)").ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0, string.Join("\n", missing.Concat(stale)));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_WithValidInput_AppendsAnAuditRecord(string operationId)
    {
        await using var context = new AuditCaseContext(shared);
        await context.MarkAsync();

        await AuditCases.All[operationId](context);

        var appended = await context.Host.WithDbAsync(db => db.Set<AuditRecord>().AsNoTracking()
            .Where(r => r.Id > context.Mark && r.Action == operationId).CountAsync());
        Assert.True(appended > 0, $"{operationId} with valid input appended no audit record with Action == \"{operationId}\"");
    }

    // Changes of privileges that change nothing (a role or grant already held, a role not held) are still requests
    // for a security change: each leaves a record too.
    [Fact]
    public async Task RoleAndGrantChanges_ThatChangeNothing_StillAppendAnAuditRecord()
    {
        await using var context = new AuditCaseContext(shared);
        var user = await AccountTestKit.CreateUserAsync(shared, "noop", "Broker");
        using var sysadmin = await context.As("sysadmin.demo");
        var users = $"/api/v1/admin/users/{user.Id}";
        var grant = new { permission = DirectoryPermissions.ManageGroups, jurisdiction = "1301" };
        await PostAsync(sysadmin, $"{users}/grants", grant, HttpStatusCode.NoContent);

        async Task<int> AppendedAsync(string action, Func<Task<HttpResponseMessage>> call)
        {
            await context.MarkAsync();
            var response = await call();
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            return await shared.WithDbAsync(db => db.Set<AuditRecord>().CountAsync(r => r.Id > context.Mark && r.Action == action));
        }

        var roleAgain = await AppendedAsync("AddUserRole", () => sysadmin.PostAsJsonAsync(new Uri($"{users}/roles", UriKind.Relative), new { role = "Broker" }));
        var roleNotHeld = await AppendedAsync("RemoveUserRole", () => sysadmin.DeleteAsync(new Uri($"{users}/roles/Auditor", UriKind.Relative)));
        var grantAgain = await AppendedAsync("GrantAdminPermission", () => sysadmin.PostAsJsonAsync(new Uri($"{users}/grants", UriKind.Relative), grant));

        Assert.Equal(1, roleAgain);
        Assert.Equal(1, roleNotHeld);
        Assert.Equal(1, grantAgain);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditEveryOperationTestsOnSqlite(SqliteHostFixture fixture) : AuditEveryOperationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AuditEveryOperationTestsOnPostgres(PostgresHostFixture fixture) : AuditEveryOperationTests(fixture.Host);

// What a case works with: the suite's shared host, or (for a case that must move the clock) an isolated one. The
// case creates its prerequisites, calls MarkAsync, then performs the operation under test; the test counts the
// audit records appended after the mark, so records of the prerequisites never count.
internal sealed class AuditCaseContext(AppHost shared) : IAsyncDisposable
{
    private AppHost? isolated;

    public AppHost Host => isolated ?? shared;

    public long Mark { get; private set; }

    public async Task UseIsolatedHostAsync() => isolated ??= await AppHost.StartAsync(shared.Database);

    public async Task MarkAsync() => Mark = await Host.WithDbAsync(db => db.Set<AuditRecord>().MaxAsync(r => (long?)r.Id)) ?? 0;

    public Task<HttpClient> As(string userName, Guid? organizationId = null) => Host.CreateClientForAsync(userName, organizationId);

    public async ValueTask DisposeAsync()
    {
        if (isolated is not null)
        {
            await isolated.DisposeAsync();
        }
    }
}

internal static class AuditCases
{
    private const string Apps = "/api/v1/onboarding/applications";
    private const string Users = "/api/v1/admin/users";

    public static readonly IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> All = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
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

        // Files and organizations.
        ["UploadFile"] = async c =>
        {
            using var owner = await c.As("enterprise.demo");
            await c.MarkAsync();
            await UploadPdfAsync(owner);
        },
        ["RegisterOrganization"] = async c =>
        {
            using var owner = await c.As("enterprise.demo");
            var evidence = await UploadPdfAsync(owner);
            await c.MarkAsync();
            var response = await RegisterAsync(owner, NewCreditCode("130102"), "130102", evidence: evidence);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        },
        ["VerifyOrganization"] = async c =>
        {
            var id = await RegisteredAsync(c, "enterprise.demo");
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/organizations/{id}/verify", null, HttpStatusCode.OK);
        },
        ["RejectOrganization"] = async c =>
        {
            var id = await RegisteredAsync(c, "enterprise.demo");
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/organizations/{id}/reject", new { reason = "营业执照模糊" }, HttpStatusCode.OK);
        },
        ["RequestMembership"] = async c =>
        {
            var id = await RegisteredAsync(c, "enterprise.demo");
            using var other = await c.As("broker.demo");
            await c.MarkAsync();
            await PostAsync(other, $"/api/v1/organizations/{id}/membership-requests", new { message = "我是财务" }, HttpStatusCode.Created);
        },
        ["ApproveMembershipRequest"] = async c =>
        {
            var (id, requestId) = await MembershipRequestedAsync(c);
            using var owner = await c.As("enterprise.demo");
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/membership-requests/{requestId}/approve", null, HttpStatusCode.OK);
        },
        ["DeclineMembershipRequest"] = async c =>
        {
            var (id, requestId) = await MembershipRequestedAsync(c);
            using var owner = await c.As("enterprise.demo");
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/membership-requests/{requestId}/decline", null, HttpStatusCode.OK);
        },
        ["AddBranch"] = async c =>
        {
            var id = await RegisteredAsync(c, "enterprise.demo");
            using var owner = await c.As("enterprise.demo");
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/organizations/{id}/branches", new { name = "天津窗口", regionCode = "120116" }, HttpStatusCode.Created);
        },
        ["RemoveBranch"] = async c =>
        {
            var id = await RegisteredAsync(c, "enterprise.demo");
            using var owner = await c.As("enterprise.demo");
            var branch = await PostAsync(owner, $"/api/v1/organizations/{id}/branches", new { name = "天津窗口", regionCode = "120116" }, HttpStatusCode.Created);
            await c.MarkAsync();
            await DeleteAsync(owner, $"/api/v1/organizations/{id}/branches/{branch.GetProperty("id").GetGuid()}", HttpStatusCode.NoContent);
        },

        // Recognitions.
        ["AddRecognition"] = async c =>
        {
            var id = await RegisteredAsync(c, "enterprise.demo");
            using var owner = await c.As("enterprise.demo");
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

        // Groups.
        ["CreateGroup"] = async c =>
        {
            var lead = await RegisteredAsync(c, "enterprise.demo");
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, "/api/v1/groups", new { kind = "alliance", name = $"审计测试联盟{Guid.NewGuid():N}"[..20], leadOrganizationId = lead, sectorCode = "testing" }, HttpStatusCode.Created);
        },
        ["AddGroupMember"] = async c =>
        {
            var lead = await RegisteredAsync(c, "enterprise.demo");
            var member = await RegisteredAsync(c, "enterprise.demo");
            using var admin = await c.As("admin.hebei");
            var group = await PostAsync(admin, "/api/v1/groups", new { kind = "alliance", name = $"审计测试联盟{Guid.NewGuid():N}"[..20], leadOrganizationId = lead }, HttpStatusCode.Created);
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/groups/{group.GetProperty("id").GetGuid()}/members", new { organizationId = member }, HttpStatusCode.Created);
        },

        // Onboarding of service institutions.
        ["SubmitInstitutionApplication"] = async c =>
        {
            var organization = await RegisteredAsync(c, "provider.demo", "ServiceInstitution");
            using var admin = await c.As("admin.hebei");
            await PostAsync(admin, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
            using var acting = await c.As("provider.demo", organization);
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

        // Notifications.
        ["MarkNotificationRead"] = async c =>
        {
            var user = TestUser.Member();
            var id = await AuditTests.NotifySomeoneAsync(c.Host, "test-notify", user.Id);
            using var client = await c.Host.CreateClientAsAsync(user);
            await c.MarkAsync();
            var response = await client.PostAsync(new Uri($"/api/v1/notifications/{id}/read", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        },

        // Listings: offerings (service institutions), demands (enterprises), achievements (universities, institutes).
        ["CreateOffering"] = c => CreateListingAsync(c, "offerings"),
        ["UpdateOffering"] = c => UpdateListingAsync(c, "offerings"),
        ["SubmitOffering"] = c => OwnerChangeAsync(c, "offerings", Draft, "submit"),
        ["CloseOffering"] = c => OwnerChangeAsync(c, "offerings", Published, "close"),
        ["RenewOffering"] = c => OwnerChangeAsync(c, "offerings", Published, "renew"),
        ["ApproveOffering"] = c => ReviewerChangeAsync(c, "offerings", Submitted, "approve", null),
        ["RejectOffering"] = c => ReviewerChangeAsync(c, "offerings", Submitted, "reject", new { reason = "材料不全" }),
        ["TakeDownOffering"] = c => ReviewerChangeAsync(c, "offerings", Published, "take-down", new { reason = "虚假宣传" }),
        ["CreateDemand"] = c => CreateListingAsync(c, "demands"),
        ["UpdateDemand"] = c => UpdateListingAsync(c, "demands"),
        ["SubmitDemand"] = c => OwnerChangeAsync(c, "demands", Draft, "submit"),
        ["CloseDemand"] = c => OwnerChangeAsync(c, "demands", Published, "close"),
        ["RenewDemand"] = c => OwnerChangeAsync(c, "demands", Published, "renew"),
        ["ApproveDemand"] = c => ReviewerChangeAsync(c, "demands", Submitted, "approve", null),
        ["RejectDemand"] = c => ReviewerChangeAsync(c, "demands", Submitted, "reject", new { reason = "材料不全" }),
        ["TakeDownDemand"] = c => ReviewerChangeAsync(c, "demands", Published, "take-down", new { reason = "虚假宣传" }),
        ["CreateAchievement"] = c => CreateListingAsync(c, "achievements"),
        ["UpdateAchievement"] = c => UpdateListingAsync(c, "achievements"),
        ["SubmitAchievement"] = c => OwnerChangeAsync(c, "achievements", Draft, "submit"),
        ["CloseAchievement"] = c => OwnerChangeAsync(c, "achievements", Published, "close"),
        ["RenewAchievement"] = c => OwnerChangeAsync(c, "achievements", Published, "renew"),
        ["ApproveAchievement"] = c => ReviewerChangeAsync(c, "achievements", Submitted, "approve", null),
        ["RejectAchievement"] = c => ReviewerChangeAsync(c, "achievements", Submitted, "reject", new { reason = "材料不全" }),
        ["TakeDownAchievement"] = c => ReviewerChangeAsync(c, "achievements", Published, "take-down", new { reason = "虚假宣传" }),
        ["RevealDemandIdentity"] = async c =>
        {
            // Demands are posted anonymously here (see ListingBody), so the owner has an identity to reveal.
            var (owner, id) = await ListingAsync(c, "demands", Draft);
            using (owner)
            {
                await c.MarkAsync();
                await PostAsync(owner, $"/api/v1/demands/{id}/reveal", null, HttpStatusCode.OK);
            }
        },
        ["ReviewListings"] = async c =>
        {
            var (owner, id) = await ListingAsync(c, "achievements", Submitted);
            owner.Dispose();
            using var reviewer = await ReviewerAsync(c);
            await c.MarkAsync();
            var review = await PostAsync(reviewer, "/api/v1/listings/review", new { decision = "approve", items = new[] { new { kind = "achievement", id } } }, HttpStatusCode.OK);
            Assert.True(review.GetProperty("succeeded").GetInt32() == 1, review.ToString());
        },
        ["ImportAchievements"] = async c =>
        {
            var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.UniversityOrInstitute, "130102");
            using (owner)
            {
                await c.MarkAsync();
                await ImportAsync(owner);
            }
        },

        // Open calls: a published demand that takes proposals.
        ["SubmitProposal"] = async c =>
        {
            var (owner, demand) = await OpenCallAsync(c);
            owner.Dispose();
            var (_, proposer) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.ServiceInstitution, "130104");
            using (proposer)
            {
                await c.MarkAsync();
                await PostAsync(proposer, $"/api/v1/demands/{demand}/proposals", Proposal(), HttpStatusCode.Created);
            }
        },
        ["ShortlistProposal"] = async c =>
        {
            var (owner, demand, proposal) = await ProposedAsync(c);
            using (owner)
            {
                await c.MarkAsync();
                await PostAsync(owner, $"/api/v1/demands/{demand}/proposals/{proposal}/shortlist", null, HttpStatusCode.OK);
            }
        },
        ["DecideOpenCall"] = async c =>
        {
            var (owner, demand, proposal) = await ProposedAsync(c);
            using (owner)
            {
                await c.MarkAsync();
                await PostAsync(owner, $"/api/v1/demands/{demand}/decision", new { selectedProposalId = proposal, reasons = new[] { new { proposalId = proposal, reason = "方案可行，报价合理" } } }, HttpStatusCode.OK);
            }
        },

        // Engagements and service orders: a fresh service institution (130104) and a fresh enterprise (130102) dealing
        // over a published offering (or, for mediation and reveal, an anonymous demand).
        ["ExpressInterest"] = async c =>
        {
            using var deal = await OfferingAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, Engagements, new { listingKind = "offering", listingId = deal.Id, message = "想了解检测周期" }, HttpStatusCode.Created);
        },
        ["PostEngagementMessage"] = async c =>
        {
            using var deal = await InterestedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/messages", new { body = "一般五个工作日" }, HttpStatusCode.Created);
        },
        ["ChangeEngagementStatus"] = async c =>
        {
            using var deal = await InterestedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/transitions", new { to = "in-discussion" }, HttpStatusCode.OK);
        },
        ["MediateEngagement"] = async c =>
        {
            using var deal = await AnonymousInterestAsync(c);
            using var broker = await c.As("broker.demo");
            await c.MarkAsync();
            await PostAsync(broker, $"{Engagements}/{deal.Id}/mediation", null, HttpStatusCode.OK);
        },
        ["RevealEngagementIdentity"] = async c =>
        {
            using var deal = await AnonymousInterestAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Engagements}/{deal.Id}/reveal", null, HttpStatusCode.OK);
        },
        ["AddSearchVocabulary"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, "/api/v1/search/vocabulary", new { kind = "term", words = new[] { $"tb{Guid.NewGuid():N}"[..12] } }, HttpStatusCode.Created);
        },
        ["RemoveSearchVocabulary"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var term = await PostAsync(admin, "/api/v1/search/vocabulary", new { kind = "term", words = new[] { $"tb{Guid.NewGuid():N}"[..12] } }, HttpStatusCode.Created);
            await c.MarkAsync();
            await DeleteAsync(admin, $"/api/v1/search/vocabulary/{term.GetProperty("id").GetGuid()}", HttpStatusCode.NoContent);
        },
        ["JudgeMatch"] = async c =>
        {
            using var broker = await c.As("broker.demo");
            await c.MarkAsync();
            await PostAsync(broker, "/api/v1/match-judgements", new { queryListingId = Guid.CreateVersion7(), candidateListingId = Guid.CreateVersion7(), decision = "recommend", reasonCode = "capability-fit" }, HttpStatusCode.Created);
        },
        ["PlaceOrder"] = async c =>
        {
            using var deal = await AgreedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, Orders, OrderBody(deal.Id), HttpStatusCode.Created);
        },
        ["DeliverOrder"] = async c =>
        {
            using var deal = await OrderedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Provider, $"{Orders}/{deal.Id}/delivery", new { note = "检测报告已出具" }, HttpStatusCode.OK);
        },
        ["AcceptOrder"] = async c =>
        {
            using var deal = await DeliveredAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/acceptance", null, HttpStatusCode.OK);
        },
        ["DisputeOrder"] = async c =>
        {
            using var deal = await DeliveredAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/dispute", new { reason = "精度未达到约定指标" }, HttpStatusCode.OK);
        },
        ["RateProvider"] = async c =>
        {
            using var deal = await DeliveredAsync(c);
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/acceptance", null, HttpStatusCode.OK);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/rating", new { stars = 4, comment = "报告规范" }, HttpStatusCode.OK);
        },
        ["FileComplaint"] = async c =>
        {
            using var deal = await OrderedAsync(c);
            await c.MarkAsync();
            await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/complaints", new { text = "交付延迟，沟通无果" }, HttpStatusCode.Created);
        },
        ["ResolveComplaint"] = async c =>
        {
            using var deal = await OrderedAsync(c);
            var complaint = await PostAsync(deal.Enterprise, $"{Orders}/{deal.Id}/complaints", new { text = "交付延迟，沟通无果" }, HttpStatusCode.Created);
            // The complaint goes to the provider's jurisdiction (130104, Hebei).
            var (_, token) = await DirectoryTestData.CreateAdminAsync(c.Host, "13", EngagementsPermissions.ResolveComplaints);
            using var admin = c.Host.CreateBearerClient(token);
            await c.MarkAsync();
            await PostAsync(admin, $"/api/v1/complaints/{complaint.GetProperty("id").GetGuid()}/resolution", new { outcomeCode = "upheld", outcome = "责令限期交付" }, HttpStatusCode.OK);
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

    private static async Task<Guid> RegisteredAsync(AuditCaseContext c, string owner, string kind = "Enterprise")
    {
        using var client = await c.As(owner);
        return await RegisterOkAsync(client, "130102", kind);
    }

    private static async Task<(Guid Organization, Guid Request)> MembershipRequestedAsync(AuditCaseContext c)
    {
        var id = await RegisteredAsync(c, "enterprise.demo");
        using var other = await c.As("broker.demo");
        var request = await PostAsync(other, $"/api/v1/organizations/{id}/membership-requests", new { message = "我是财务" }, HttpStatusCode.Created);
        return (id, request.GetProperty("id").GetGuid());
    }

    private static async Task<Guid> PendingRecognitionAsync(AuditCaseContext c)
    {
        var id = await RegisteredAsync(c, "enterprise.demo");
        using var owner = await c.As("enterprise.demo");
        var recognition = await PostAsync(owner, $"/api/v1/organizations/{id}/recognitions", Certificate(), HttpStatusCode.Created);
        return recognition.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> SubmittedAsync(AuditCaseContext c)
    {
        var organization = await RegisteredAsync(c, "provider.demo", "ServiceInstitution");
        using var admin = await c.As("admin.hebei");
        await PostAsync(admin, $"/api/v1/organizations/{organization}/verify", null, HttpStatusCode.OK);
        using var acting = await c.As("provider.demo", organization);
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

    // Listings. States a prerequisite listing is brought to before the operation under test.
    private const string Draft = "draft";
    private const string Submitted = "submitted";
    private const string Published = "published";

    private static OrganizationKind PosterKind(string plural) => plural switch
    {
        "offerings" => OrganizationKind.ServiceInstitution,
        "demands" => OrganizationKind.Enterprise,
        _ => OrganizationKind.UniversityOrInstitute,
    };

    private static object ListingBody(string plural) => plural switch
    {
        "offerings" => ListingsTestData.Offering(),
        "demands" => ListingsTestData.Demand("anonymous"),
        _ => ListingsTestData.Achievement(),
    };

    // A fresh admin with listings.review for the whole province of the owners (130102).
    private static async Task<HttpClient> ReviewerAsync(AuditCaseContext c)
    {
        var (_, token) = await DirectoryTestData.CreateAdminAsync(c.Host, "13", ListingsPermissions.ReviewListings);
        return c.Host.CreateBearerClient(token);
    }

    // A listing of a fresh owner organization of the right kind, in the given state; the caller disposes the owner.
    private static async Task<(HttpClient Owner, Guid Id)> ListingAsync(AuditCaseContext c, string plural, string state, object? body = null)
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, PosterKind(plural), "130102");
        var id = await ListingsTestData.CreateAsync(owner, plural, body ?? ListingBody(plural));
        if (state is Submitted or Published)
        {
            await PostAsync(owner, $"/api/v1/{plural}/{id}/submit", null, HttpStatusCode.OK);
        }

        if (state is Published)
        {
            using var reviewer = await ReviewerAsync(c);
            await PostAsync(reviewer, $"/api/v1/{plural}/{id}/approve", null, HttpStatusCode.OK);
        }

        return (owner, id);
    }

    private static async Task CreateListingAsync(AuditCaseContext c, string plural)
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, PosterKind(plural), "130102");
        using (owner)
        {
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/{plural}", ListingBody(plural), HttpStatusCode.Created);
        }
    }

    private static async Task UpdateListingAsync(AuditCaseContext c, string plural)
    {
        var (owner, id) = await ListingAsync(c, plural, Draft);
        using (owner)
        {
            await c.MarkAsync();
            var response = await owner.PutAsJsonAsync(new Uri($"/api/v1/{plural}/{id}", UriKind.Relative), ListingBody(plural));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task OwnerChangeAsync(AuditCaseContext c, string plural, string from, string action)
    {
        var (owner, id) = await ListingAsync(c, plural, from);
        using (owner)
        {
            await c.MarkAsync();
            await PostAsync(owner, $"/api/v1/{plural}/{id}/{action}", null, HttpStatusCode.OK);
        }
    }

    private static async Task ReviewerChangeAsync(AuditCaseContext c, string plural, string from, string action, object? body)
    {
        var (owner, id) = await ListingAsync(c, plural, from);
        owner.Dispose();
        using var reviewer = await ReviewerAsync(c);
        await c.MarkAsync();
        await PostAsync(reviewer, $"/api/v1/{plural}/{id}/{action}", body, HttpStatusCode.OK);
    }

    private static object Proposal() => new { approach = "机器视觉在线检测 + 闭环控制", priceFen = 30_000_000L, durationDays = 90, team = "博士 2 名，工程师 5 名" };

    private static Task<(HttpClient Owner, Guid Id)> OpenCallAsync(AuditCaseContext c) =>
        ListingAsync(c, "demands", Published, ListingsTestData.Demand(openCall: true));

    private static async Task<(HttpClient Owner, Guid Demand, Guid Proposal)> ProposedAsync(AuditCaseContext c)
    {
        var (owner, demand) = await OpenCallAsync(c);
        var (_, proposer) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.ServiceInstitution, "130104");
        using (proposer)
        {
            var proposal = await PostAsync(proposer, $"/api/v1/demands/{demand}/proposals", Proposal(), HttpStatusCode.Created);
            return (owner, demand, proposal.GetProperty("id").GetGuid());
        }
    }

    // The request records the job itself (its own SaveChanges, under its operationId); the background worker then
    // imports the rows. Waiting for the job to finish keeps the worker from outliving the case.
    private static async Task ImportAsync(HttpClient owner)
    {
        var csv = "title,abstract,keywords,technologyField,industry,trl,linkedIp,transferModes,askingPriceYuan\n"
            + $"审计导入成果{Guid.NewGuid():N},一种焊缝缺陷检测方法。,焊缝,electronics,C34,6,,许可,120000\n";
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "achievements.csv");
        var response = await owner.PostAsync(new Uri("/api/v1/achievements/imports", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var job = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/achievements/imports/{id}");
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed")
            {
                Assert.True(status == "completed", job.ToString());
                return;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"The import did not finish: {job}");
            await Task.Delay(100);
        }
    }

    // Engagements and service orders. A Deal holds both parties' clients and the id of the thing the next step acts on.
    private const string Engagements = "/api/v1/engagements";
    private const string Orders = "/api/v1/orders";

    private sealed record Deal(HttpClient Provider, HttpClient Enterprise, Guid Id) : IDisposable
    {
        public void Dispose()
        {
            Provider.Dispose();
            Enterprise.Dispose();
        }
    }

    private static object OrderBody(Guid engagementId) => new
    {
        engagementId,
        scope = "材料力学性能检测 20 组，出具 CMA 报告",
        amountFen = 100_000L,
        milestones = new[] { new { title = "检测", dueDate = new DateOnly(2099, 6, 30), amountFen = 100_000L } },
    };

    // A published offering of a fresh service institution, and a fresh enterprise; Id is the offering.
    private static async Task<Deal> OfferingAsync(AuditCaseContext c)
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
        var offering = await ListingsTestData.PublishAsync(c.Host, provider, "offerings", ListingsTestData.Offering());
        return new Deal(provider, enterprise, offering);
    }

    // The enterprise has expressed interest in the offering; Id is the engagement.
    private static async Task<Deal> InterestedAsync(AuditCaseContext c)
    {
        var deal = await OfferingAsync(c);
        var engagement = await PostAsync(deal.Enterprise, Engagements, new { listingKind = "offering", listingId = deal.Id }, HttpStatusCode.Created);
        return deal with { Id = engagement.GetProperty("id").GetGuid() };
    }

    // An anonymous demand of the enterprise that the provider is interested in; Id is the engagement.
    private static async Task<Deal> AnonymousInterestAsync(AuditCaseContext c)
    {
        var (_, provider) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.ServiceInstitution, "130104");
        var (_, enterprise) = await ListingsTestData.CreateOrganizationWithOwnerAsync(c.Host, OrganizationKind.Enterprise, "130102");
        var demand = await ListingsTestData.PublishAsync(c.Host, enterprise, "demands", ListingsTestData.Demand(visibility: "anonymous"));
        var engagement = await PostAsync(provider, Engagements, new { listingKind = "demand", listingId = demand }, HttpStatusCode.Created);
        return new Deal(provider, enterprise, engagement.GetProperty("id").GetGuid());
    }

    // The provider has taken the interest into discussion and confirmed agreement; Id is the engagement.
    private static async Task<Deal> AgreedAsync(AuditCaseContext c)
    {
        var deal = await InterestedAsync(c);
        await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/transitions", new { to = "in-discussion" }, HttpStatusCode.OK);
        await PostAsync(deal.Provider, $"{Engagements}/{deal.Id}/transitions", new { to = "agreed" }, HttpStatusCode.OK);
        return deal;
    }

    // The enterprise has placed an order on the agreed engagement; Id is the order.
    private static async Task<Deal> OrderedAsync(AuditCaseContext c)
    {
        var deal = await AgreedAsync(c);
        var order = await PostAsync(deal.Enterprise, Orders, OrderBody(deal.Id), HttpStatusCode.Created);
        return deal with { Id = order.GetProperty("id").GetGuid() };
    }

    // The provider has delivered the order; Id is the order.
    private static async Task<Deal> DeliveredAsync(AuditCaseContext c)
    {
        var deal = await OrderedAsync(c);
        await PostAsync(deal.Provider, $"{Orders}/{deal.Id}/delivery", new { note = "检测报告已出具" }, HttpStatusCode.OK);
        return deal;
    }

    private static async Task DeleteAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        var response = await client.DeleteAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"DELETE {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
    }
}
