using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Groups;
using TechBridge.Modules.Directory.IssueToken;
using TechBridge.Modules.Directory.Recognitions;
using TechBridge.Modules.Directory.Reference;
using TechBridge.Modules.Directory.GetMe;
using TechBridge.Modules.Directory.ManageUsers;
using TechBridge.Modules.Directory.GetOrganization;
using TechBridge.Modules.Directory.ListMyOrganizations;
using TechBridge.Modules.Directory.ManageBranches;
using TechBridge.Modules.Directory.OnboardInstitution;
using TechBridge.Modules.Directory.RegisterOrganization;
using TechBridge.Modules.Directory.RequestMembership;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Modules.Directory.VerifyOrganization;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Outbox;
using TechBridge.Platform;
using TechBridge.Platform.Files;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Portal;
using TechBridge.Platform.Cli;

using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Directory;

internal static class DirectoryModule
{
    private const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErrorTexts<DirectoryErrorTexts>();
        services.AddScoped<ImportRegions.ImportRegionsHandler>();
        services.AddScoped<IStartupDataLoader, ImportRegions.ShippedRegionsLoader>();
        services.AddOperatorVerb(ImportRegions.RegionVerbs.ImportRegionsVerb);
        services.AddPermissions(DirectoryPermissions.All);
        services.AddScoped<IPermissionHolder, AccessPermissionHolder>();
        services.AddNavigation(
            new(NavigationGroup.Main, 30, "Organization directory", "/Directory"),
            new(NavigationGroup.Main, 40, "Public notices", "/Notices"),
            new(NavigationGroup.More, 10, "Alliances and clusters", "/Groups"),
            new(NavigationGroup.More, 20, "Reference data", "/Reference"),
            new(NavigationGroup.Mine, 10, "My workspace", "/Workspace", NavigationAudience.SignedIn),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 10, "Organizations awaiting verification", "/Admin/Verification", DirectoryPermissions.VerifyOrganizations),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 20, "Institution admission queue", "/Admin/Onboarding", DirectoryPermissions.ReviewInstitutions),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 50, "Recognitions", "/Admin/Recognitions", DirectoryPermissions.ManageRecognitions),
            NavigationEntry.ForRole(NavigationGroup.Administration, 70, "Users", "/Admin/Users", Roles.SystemAdmin));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, OrganizationMemberHandler>();
        services.AddPortalSource<Portal.DirectoryPortalSource>();
        services.AddWorkspaceSource<Portal.DirectoryPortalSource>();
        services.AddScoped<GetOrganization.PublicProfileHandler>();
        services.AddEntryPoints(new EntryPoint(40, "Join as an institution", "Register, get verified and admitted, then list your services", "/Organizations/Register"));
        services.AddMiddleware(app => app.UseMiddleware<ActingOrganization>());
        services.AddRoutes(app => app.MapDirectory());
        services.AddScoped<IAccess, Access.Access>();
        services.AddScoped<IssueTokenHandler>();
        services.AddScoped<ManageUsersHandler>();
        services.AddScoped<SignInTicket>();
        services.AddSingleton<DemoMode>();
        services.AddScoped<IDemoSeeder, DemoAccountsSeeder>();
        services.AddScoped<IDemoSeeder, DemoOrganizationsSeeder>();
        services.AddSingleton<IReferenceData, Reference.ReferenceData>();
        services.AddScoped<IOrganizationFacts, Facts.OrganizationFactsReader>();
        services.AddScoped<IOrganizationStanding, Facts.OrganizationStandingReader>();
        services.AddScoped<IOrganizationSearchSource, Facts.OrganizationSearchSource>();
        services.AddScoped<IPlanCounts, Facts.PlanCountsReader>();
        services.AddScoped<IGovernmentAgencies, Facts.GovernmentAgencies>();
        services.AddJob<Recognitions.RecognitionExpiryReminder>("directory.recognition-expiry", "Recognition expiry reminders", c => TimeSpan.FromMinutes(c.GetValue("Recognitions:ReminderPeriodMinutes", 60.0)));
        services.AddScoped<IOutboxSource, Modules.Directory.OrganizationChanges.OrganizationChangeAnnouncer>();
        services.AddScoped<IOutboxSource, RightsChangeRevocation>();
        services.AddScoped<TotpReplayGuard>();
        services.AddScoped<IFileReadAuthorizer, EvidenceReadAuthorizer>();
        services.AddScoped<RegisterOrganizationHandler>();
        services.AddScoped<VerifyOrganizationHandler>();
        services.AddSingleton<OnboardingOptions>();
        services.AddScoped<OnboardingHandler>();
        services.AddScoped<Notify.DirectoryRecipients>();
        services.AddNotificationTemplates(Notify.DirectoryNotices.All);
        services.AddScoped<BrowseDirectory.BrowseDirectoryHandler>();
        services.AddScoped<ListGroupsHandler>();
        services.AddScoped<ManageGroupsHandler>();
        services.AddScoped<GetMeHandler>();
        services.AddScoped<AddRecognitionHandler>();
        services.AddScoped<ReviewRecognitionHandler>();
        services.AddScoped<ManageBranchesHandler>();
        services.AddScoped<RequestMembershipHandler>();
        services.AddScoped<GetOrganizationHandler>();
        services.AddScoped<ListMyOrganizationsHandler>();
        services.AddScoped<ListRecognitionsHandler>();

        services.AddIdentityCore<PlatformUser>(options =>
            {
                options.Password.RequiredLength = PasswordPolicy.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Authentication:MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<PlatformRole>()
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PlatformClaimsFactory>()
            .AddPasswordValidator<PasswordPolicy>();

        // Pages use the Identity cookie; API clients send a bearer token. One policy scheme picks per request.
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/SignIn";
            options.AccessDeniedPath = "/Account/Denied";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS (directly or, with Platform:ForwardedHeaders, through the proxy).
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API calls answer 401/403 ProblemDetails instead of redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        // A cookie is re-checked against the account's security stamp every minute, so a lock or role change by the
        // system admin reaches signed-in browsers quickly (the default is 30 minutes).
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddPlatformRateLimits(configuration);
        return services;
    }

    private static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/auth").WithTags("Accounts")
            .MapIssueToken()
            .MapEnrolTotp();
        app.MapGroup("/api/v1/reference").WithTags("Reference data").MapReference();
        app.MapGroup("/api/v1/organizations").WithTags("Recognitions")
            .MapAddRecognition()
            .MapListOrganizationRecognitions();
        app.MapGroup("/api/v1/recognitions").WithTags("Recognitions")
            .MapListRecognitions()
            .MapReviewRecognition();
        app.MapGroup("/api/v1/groups").WithTags("Groups")
            .MapListGroups()
            .MapManageGroups();
        app.MapGroup("/api/v1").WithTags("Accounts")
            .MapGetMe()
            .MapManageUsers();
        app.MapGroup("/api/v1/organizations").WithTags("Organizations").RequireAuthorization()
            .MapRegisterOrganization()
            .MapVerifyOrganization()
            .MapGetOrganization()
            .MapRequestMembership()
            .MapManageBranches();
        app.MapGroup("/api/v1/onboarding").WithTags("Institution onboarding").RequireAuthorization()
            .MapOnboarding();
        app.MapGroup("/api/v1/me").WithTags("Organizations").RequireAuthorization()
            .MapListMyOrganizations();
        return app;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: status == 401 ? "Not signed in" : "Not allowed").ExecuteAsync(context.HttpContext);
    }
}

// Whether the signed-in user holds a permission somewhere, for the platform's navigation.
internal sealed class AccessPermissionHolder(IAccess access) : IPermissionHolder
{
    public async Task<bool> HoldsAnywhereAsync(string permission, CancellationToken cancellationToken) =>
        (await access.JurisdictionsWithAsync(permission, cancellationToken)).Count > 0;
}
