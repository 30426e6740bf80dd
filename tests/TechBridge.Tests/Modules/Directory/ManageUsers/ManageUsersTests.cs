using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Security;
using static TechBridge.Tests.Modules.Directory.AccountTestKit;

namespace TechBridge.Tests.Modules.Directory.ManageUsers;

public abstract class ManageUsersTests(AppHost host)
{
    private async Task<PlatformUser> CreateWithContactAsync(string prefix)
    {
        var user = await CreateUserAsync(host, prefix);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
        await users.SetPhoneNumberAsync(stored, "13812345678");
        await users.SetEmailAsync(stored, "alice@example.cn");
        return stored;
    }

    [Fact]
    public async Task ListUsers_AsSystemAdmin_MasksPhoneAndEmail_DetailShowsThem()
    {
        var user = await CreateWithContactAsync("masked");
        using var admin = await host.CreateClientForAsync("sysadmin.demo");

        var list = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/admin/users?name={user.UserName}", UriKind.Relative));
        var detail = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/admin/users/{user.Id}", UriKind.Relative));

        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal("138****5678", row.GetProperty("phone").GetString());
        Assert.Equal("a***@example.cn", row.GetProperty("email").GetString());
        Assert.Equal("13812345678", detail.GetProperty("phone").GetString());
        Assert.Equal("alice@example.cn", detail.GetProperty("email").GetString());
    }

    [Fact]
    public async Task ListUsers_FilterByRole_ReturnsOnlyThatRole()
    {
        using var admin = await host.CreateClientForAsync("sysadmin.demo");

        var list = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/admin/users?role=Auditor", UriKind.Relative));

        Assert.Contains(list.EnumerateArray(), u => u.GetProperty("userName").GetString() == "auditor.demo");
        Assert.All(list.EnumerateArray(), u => Assert.Contains("Auditor", u.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
    }

    [Fact]
    public async Task ListUsers_AsOrdinaryUser_Is403()
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");

        var response = await client.GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RolesAndGrants_AddedAndRemoved_ShowInDetail()
    {
        var user = await CreateUserAsync(host, "granted");
        using var admin = await host.CreateClientForAsync("sysadmin.demo");
        var baseUri = $"/api/v1/admin/users/{user.Id}";

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(new Uri($"{baseUri}/roles", UriKind.Relative), new { role = "Admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(new Uri($"{baseUri}/grants", UriKind.Relative), new { permission = DirectoryPermissions.ReviewInstitutions, jurisdiction = "1301" })).StatusCode);
        var badGrant = await admin.PostAsJsonAsync(new Uri($"{baseUri}/grants", UriKind.Relative), new { permission = "nope", jurisdiction = "130102" });
        var granted = await admin.GetFromJsonAsync<JsonElement>(new Uri(baseUri, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"{baseUri}/grants?permission={DirectoryPermissions.ReviewInstitutions}&jurisdiction=1301", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"{baseUri}/roles/Admin", UriKind.Relative))).StatusCode);
        var revoked = await admin.GetFromJsonAsync<JsonElement>(new Uri(baseUri, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badGrant.StatusCode);
        var body = await badGrant.Content.ReadAsStringAsync();
        Assert.Contains("permission", body, StringComparison.Ordinal);
        Assert.Contains("jurisdiction", body, StringComparison.Ordinal);
        Assert.Equal(["Admin"], granted.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        var grant = Assert.Single(granted.GetProperty("grants").EnumerateArray());
        Assert.Equal("1301", grant.GetProperty("jurisdiction").GetString());
        Assert.Empty(revoked.GetProperty("roles").EnumerateArray());
        Assert.Empty(revoked.GetProperty("grants").EnumerateArray());
    }

    [Fact]
    public async Task LockUser_StopsItsTokens_UnlockRestoresSignIn()
    {
        var user = await CreateUserAsync(host, "locked");
        using var userClient = host.CreateBearerClient(await TokenAsync(host, user.UserName!, Password));
        using var admin = await host.CreateClientForAsync("sysadmin.demo");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/admin/users/{user.Id}/lock", UriKind.Relative), null)).StatusCode);
        var whileLocked = await userClient.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        using var anonymous = host.CreateAnonymousClient();
        var signInWhileLocked = await RequestTokenAsync(anonymous, user.UserName, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(new Uri($"/api/v1/admin/users/{user.Id}/unlock", UriKind.Relative), null)).StatusCode);
        var signInAfter = await RequestTokenAsync(anonymous, user.UserName, Password);

        Assert.Equal(HttpStatusCode.Unauthorized, whileLocked.StatusCode);
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(signInWhileLocked));
        Assert.Equal(HttpStatusCode.OK, signInAfter.StatusCode);
    }

    [Fact]
    public async Task SystemAdmin_CannotLockOrDemoteItself()
    {
        using var admin = await host.CreateClientForAsync("sysadmin.demo");
        var me = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));
        var id = me.GetProperty("id").GetString();

        var lockSelf = await admin.PostAsync(new Uri($"/api/v1/admin/users/{id}/lock", UriKind.Relative), null);
        var demoteSelf = await admin.DeleteAsync(new Uri($"/api/v1/admin/users/{id}/roles/SystemAdmin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Conflict, lockSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, demoteSelf.StatusCode);
        Assert.Equal("cannot_demote_self", await ProblemCodeAsync(demoteSelf));
    }

    [Fact]
    public async Task ResetTotp_AdminMustEnrolAgain()
    {
        var user = await CreateUserAsync(host, "resettotp", Roles.Admin);
        using var anonymous = host.CreateAnonymousClient();
        var begin = await anonymous.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName = user.UserName, password = Password });
        var key = (await begin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        await anonymous.PostAsJsonAsync(new Uri("/api/v1/auth/totp/confirm", UriKind.Relative), new { userName = user.UserName, password = Password, totpCode = TotpCode(key) });
        using var admin = await host.CreateClientForAsync("sysadmin.demo");

        var reset = await admin.PostAsync(new Uri($"/api/v1/admin/users/{user.Id}/reset-totp", UriKind.Relative), null);
        var signIn = await RequestTokenAsync(anonymous, user.UserName, Password, TotpCode(key));

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("totp_enrolment_required", await ProblemCodeAsync(signIn));
    }

    [Fact]
    public async Task ExportUsers_IsCsvMasked_AndAudited()
    {
        var user = await CreateWithContactAsync("exported");
        using var admin = await host.CreateClientForAsync("sysadmin.demo");

        var csv = await admin.GetStringAsync(new Uri($"/api/v1/admin/users/export.csv?name={user.UserName}", UriKind.Relative));
        var audited = await host.WithDbAsync(db => db.Set<AuditRecord>()
            .AnyAsync(r => r.EntityType == "UserList" && r.UserName == "sysadmin.demo" && r.Summary.Contains(user.UserName!)));

        Assert.StartsWith("userName,", csv, StringComparison.Ordinal);
        Assert.Contains("138****5678", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", csv, StringComparison.Ordinal);
        Assert.True(audited);
    }

    [Fact]
    public async Task Auditor_AnyNonGetApiCall_Is403_ButReads()
    {
        var target = await CreateUserAsync(host, "auditortarget");
        using var auditor = await host.CreateClientForAsync("auditor.demo");

        var me = await auditor.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        // An endpoint that would accept the caller otherwise: the read-only rule itself refuses.
        var post = await auditor.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName = "auditor.demo", password = AppHost.DemoPassword });
        var lockUser = await auditor.PostAsync(new Uri($"/api/v1/admin/users/{target.Id}/lock", UriKind.Relative), null);
        var delete = await auditor.DeleteAsync(new Uri($"/api/v1/admin/users/{target.Id}/roles/Admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("auditor_read_only", await ProblemCodeAsync(post));
        Assert.Equal(HttpStatusCode.Forbidden, lockUser.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task SystemAdmin_EvenWithAdminRoleAndGrant_HasNoApprovalPermission()
    {
        var user = await CreateUserAsync(host, "sysadminboth", Roles.SystemAdmin, Roles.Admin);
        await host.WithDbAsync(async db =>
        {
            db.Add(new AdminGrant { UserId = user.Id, Permission = DirectoryPermissions.ReviewInstitutions, JurisdictionCode = "13" });
            return await db.SaveChangesAsync();
        });
        await using var scope = host.Services.CreateAsyncScope();
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Role, Roles.SystemAdmin), new Claim(ClaimTypes.Role, Roles.Admin)], "test")),
        };
        scope.ServiceProvider.GetRequiredService<ActorContext>().UserId = user.Id;
        var access = scope.ServiceProvider.GetRequiredService<IAccess>();

        Assert.False(await access.HasPermissionAsync(DirectoryPermissions.ReviewInstitutions, "130102"));
        Assert.Empty(await access.JurisdictionsWithAsync(DirectoryPermissions.ReviewInstitutions));
        await Assert.ThrowsAnyAsync<Exception>(() => access.RequirePermissionAsync(DirectoryPermissions.ReviewInstitutions, "130102"));
        http.HttpContext = null;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ManageUsersTestsOnSqlite(SqliteHostFixture fixture) : ManageUsersTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class ManageUsersTestsOnPostgres(PostgresHostFixture fixture) : ManageUsersTests(fixture.Host);
