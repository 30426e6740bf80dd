using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Security;
using static TechBridge.Tests.Modules.Directory.AccountTestKit;

namespace TechBridge.Tests.Modules.Directory.AccountPages;

public abstract partial class AccountPagesTests(AppHost host)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretInUri();

    // Posts a form the way a browser does: the antiforgery token from the page, the fields, the cookies.
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string url, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value;
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        PostFormAsync(client, "/Account/SignIn", "/Account/SignIn?culture=en", new() { ["UserName"] = userName, ["Password"] = password });

    private static async Task<string> EnrolByApiAsync(HttpClient client, string userName)
    {
        var begin = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName, password = Password });
        var key = (await begin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        var confirm = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp/confirm", UriKind.Relative), new { userName, password = Password, totpCode = TotpCode(key) });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        return key;
    }

    [Fact]
    public async Task SignUp_ValidForm_CreatesAccountAndSignsIn()
    {
        using var client = host.CreateAnonymousClient();
        var userName = UniqueName("signup");

        var response = await PostFormAsync(client, "/Account/SignUp", "/Account/SignUp", new()
        {
            ["UserName"] = userName,
            ["DisplayName"] = "张伟",
            ["Password"] = "lantern river orchard",
            ["Email"] = "zhang.wei@example.cn",
            ["Phone"] = "13912345678",
            ["AcceptTerms"] = "true",
        });
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var security = await client.GetAsync(new Uri("/Account/Security", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("张伟", home, StringComparison.Ordinal);
        // The accepted user agreement and privacy notice are recorded with the account, with their version.
        using (var scope = host.Services.CreateScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var claims = await manager.GetClaimsAsync((await manager.FindByNameAsync(userName))!);
            Assert.Contains(claims, c => c.Type == TechBridge.Pages.Account.SignUpModel.TermsClaim && c.Value.StartsWith(TechBridge.Pages.Help.AgreementModel.Version + "@", StringComparison.Ordinal));
        }

        Assert.Contains("/Account/SignOut", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, security.StatusCode);
    }

    [Fact]
    public async Task SignUp_WithoutAcceptingTheAgreement_IsRefused()
    {
        using var client = host.CreateAnonymousClient();
        var userName = UniqueName("noterms");

        var response = await PostFormAsync(client, "/Account/SignUp", "/Account/SignUp?culture=en", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "No terms", ["Password"] = "lantern river orchard",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("accept the user agreement and the privacy notice", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = host.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByNameAsync(userName));
    }

    [Fact]
    public async Task SignUp_ShortOrCommonPassword_ShowsPolicyMessages()
    {
        using var client = host.CreateAnonymousClient();

        var tooShort = await PostFormAsync(client, "/Account/SignUp", "/Account/SignUp?culture=en", new()
        {
            ["UserName"] = UniqueName("short"), ["DisplayName"] = "Short", ["Password"] = "eleven-char", ["AcceptTerms"] = "true",
        });
        var common = await PostFormAsync(client, "/Account/SignUp", "/Account/SignUp?culture=en", new()
        {
            ["UserName"] = UniqueName("common"), ["DisplayName"] = "Common", ["Password"] = "PasswordPassword", ["AcceptTerms"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("commonly used passwords", await common.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSo()
    {
        var user = await CreateUserAsync(host, "pagewrong");
        using var client = host.CreateAnonymousClient();

        var response = await SignInAsync(client, user.UserName!, "not the right password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithTotp_AsksForCodeThenSignsIn()
    {
        var user = await CreateUserAsync(host, "pagetotp");
        using var client = host.CreateAnonymousClient();
        var key = await EnrolByApiAsync(client, user.UserName!);

        var step1 = await SignInAsync(client, user.UserName!, Password);
        var step1Html = await step1.Content.ReadAsStringAsync();
        var ticket = TicketField().Match(step1Html).Groups[1].Value;
        var wrong = await PostFormAsync(client, "/Account/SignIn", "/Account/SignIn?handler=Totp&culture=en", new() { ["Ticket"] = ticket, ["TotpCode"] = WrongTotpCode(key) });
        var right = await PostFormAsync(client, "/Account/SignIn", "/Account/SignIn?handler=Totp", new() { ["Ticket"] = ticket, ["TotpCode"] = TotpCode(key) });
        var security = await client.GetAsync(new Uri("/Account/Security", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, step1.StatusCode);
        Assert.NotEmpty(ticket);
        Assert.Contains("The code is wrong or expired", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, security.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForgedTicket_IsRefused()
    {
        using var client = host.CreateAnonymousClient();

        var response = await PostFormAsync(client, "/Account/SignIn", "/Account/SignIn?handler=Totp&culture=en", new() { ["Ticket"] = "forged", ["TotpCode"] = "123456" });
        var security = await client.GetAsync(new Uri("/Account/Security", UriKind.Relative));

        Assert.Contains("Please start again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, security.StatusCode);
    }

    [Fact]
    public async Task SignIn_AdminWithoutTotp_EnrolsOnTheWay()
    {
        var admin = await CreateUserAsync(host, "pageenrol", Roles.Admin);
        using var client = host.CreateAnonymousClient();

        var step1 = await SignInAsync(client, admin.UserName!, Password);
        var html = await step1.Content.ReadAsStringAsync();
        var key = SecretInUri().Match(html).Groups[1].Value;
        var ticket = TicketField().Match(html).Groups[1].Value;
        var enrol = await PostFormAsync(client, "/Account/SignIn", "/Account/SignIn?handler=Enrol", new() { ["Ticket"] = ticket, ["TotpCode"] = TotpCode(key) });
        using var api = host.CreateAnonymousClient();
        var withoutCode = await RequestTokenAsync(api, admin.UserName, Password);

        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.Equal("totp_required", await ProblemCodeAsync(withoutCode));
    }

    [Fact]
    public async Task SecurityPage_EnrolTotpAndChangePassword_TakeEffectForTokens()
    {
        var user = await CreateUserAsync(host, "pagesecurity");
        using var client = host.CreateAnonymousClient();
        await SignInAsync(client, user.UserName!, Password);

        var begin = await PostFormAsync(client, "/Account/Security", "/Account/Security?handler=BeginTotp", []);
        var key = SecretInUri().Match(await begin.Content.ReadAsStringAsync()).Groups[1].Value;
        var confirm = await PostFormAsync(client, "/Account/Security", "/Account/Security?handler=ConfirmTotp", new() { ["TotpCode"] = TotpCode(key) });
        var wrongCurrent = await PostFormAsync(client, "/Account/Security", "/Account/Security?handler=ChangePassword&culture=en", new()
        {
            ["CurrentPassword"] = "not the right password", ["NewPassword"] = "granite meadow compass",
        });
        var changed = await PostFormAsync(client, "/Account/Security", "/Account/Security?handler=ChangePassword", new()
        {
            ["CurrentPassword"] = Password, ["NewPassword"] = "granite meadow compass",
        });
        using var api = host.CreateAnonymousClient();
        var oldPassword = await RequestTokenAsync(api, user.UserName, Password, TotpCode(key));
        var newWithoutCode = await RequestTokenAsync(api, user.UserName, "granite meadow compass");
        var newWithCode = await RequestTokenAsync(api, user.UserName, "granite meadow compass", TotpCode(key));

        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Contains("The current password is wrong.", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(oldPassword));
        Assert.Equal("totp_required", await ProblemCodeAsync(newWithoutCode));
        Assert.Equal(HttpStatusCode.OK, newWithCode.StatusCode);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        var user = await CreateUserAsync(host, "pagesignout");
        using var client = host.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, user.UserName!, Password)).StatusCode);

        var signOut = await PostFormAsync(client, "/Account/SignOut", "/Account/SignOut", []);
        var security = await client.GetAsync(new Uri("/Account/Security", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, security.StatusCode);
        Assert.Contains("/Account/SignIn", security.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Is400()
    {
        using var client = host.CreateAnonymousClient();

        var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "enterprise.demo", ["Password"] = AppHost.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UsersPage_OrdinaryUser_IsSentToDenied_SystemAdminSeesMaskedListAndLocks()
    {
        var target = await CreateUserAsync(host, "pagemasked");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            await users.SetPhoneNumberAsync((await users.FindByIdAsync(target.Id.ToString()))!, "13812345678");
        }

        using var ordinary = host.CreateAnonymousClient();
        await SignInAsync(ordinary, "enterprise.demo", AppHost.DemoPassword);
        using var sysadmin = host.CreateAnonymousClient();
        await SignInAsync(sysadmin, "sysadmin.demo", AppHost.DemoPassword);

        var denied = await ordinary.GetAsync(new Uri("/Admin/Users", UriKind.Relative));
        var list = await sysadmin.GetStringAsync(new Uri($"/Admin/Users?name={target.UserName}", UriKind.Relative));
        var detail = await sysadmin.GetStringAsync(new Uri($"/Admin/Users?id={target.Id}", UriKind.Relative));
        var locked = await PostFormAsync(sysadmin, $"/Admin/Users?id={target.Id}", $"/Admin/Users?handler=Lock&id={target.Id}", []);
        using var api = host.CreateAnonymousClient();
        var signIn = await RequestTokenAsync(api, target.UserName, Password);

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/Denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("138****5678", list, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", list, StringComparison.Ordinal);
        Assert.Contains("13812345678", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(signIn));
    }

    [Fact]
    public async Task SignInPage_PostsOverTheLimit_Are429_ButThePageStillShows()
    {
        await using var isolated = await AppHost.StartAsync(host.Database, new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "2" });
        using var client = isolated.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await SignInAsync(client, "enterprise.demo", "not the right password")).StatusCode);
        }

        var page = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountPagesTestsOnSqlite(SqliteHostFixture fixture) : AccountPagesTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class AccountPagesTestsOnPostgres(PostgresHostFixture fixture) : AccountPagesTests(fixture.Host);
