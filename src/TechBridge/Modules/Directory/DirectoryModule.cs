using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Groups;
using TechBridge.Modules.Directory.IssueToken;
using TechBridge.Modules.Directory.Recognitions;
using TechBridge.Modules.Directory.Reference;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Modules.Directory;

internal static class DirectoryModule
{
    private const string SmartScheme = "cookie-or-bearer";

    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ImportRegions.ImportRegions>();
        services.AddScoped<IAccess, Access.Access>();
        services.AddScoped<CredentialCheck>();
        services.AddSingleton<DemoMode>();
        services.AddScoped<IDemoSeeder, DemoAccountsSeeder>();
        services.AddScoped<IDemoSeeder, DemoOrganizationsSeeder>();
        services.AddSingleton<IReferenceData, Reference.ReferenceData>();
        services.AddScoped<IOrganizationFacts, Facts.OrganizationFactsReader>();
        services.AddScoped<Recognitions.RecognitionExpiryReminder>();
        services.AddHostedService<Recognitions.RecognitionExpiryJob>();

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
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API calls answer 401/403 ProblemDetails instead of redirecting to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddPlatformRateLimits(configuration);
        return services;
    }

    public static WebApplication UseDirectory(this WebApplication app)
    {
        app.UseMiddleware<ActingOrganization>();
        return app;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
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
