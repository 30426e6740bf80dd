using TechBridge.Modules.Vouchers.ApplyForVouchers;
using TechBridge.Modules.Vouchers.Bench;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.ExpireVouchers;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Modules.Vouchers.RedeemVouchers;
using TechBridge.Modules.Vouchers.Seed;
using TechBridge.Modules.Vouchers.UseVouchers;
using TechBridge.Platform;
using TechBridge.Platform.Cli;
using TechBridge.Platform.Idempotency;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Vouchers;

// Innovation vouchers (科技创新券) on a double-entry ledger: programs and mutual-recognition agreements,
// applications and issuance, uses on what other modules offer to be paid (IPayableItemSource), redemption in both
// modes with four-eyes posting, reversal, expiry.
internal static class VouchersModule
{
    public static IServiceCollection AddVouchers(this IServiceCollection services)
    {
        services.AddErrorTexts<VouchersErrorTexts>();
        services.AddScoped<VoucherLedger>();
        services.AddScoped<VoucherParties>();
        services.AddScoped<ProgramsHandler>();
        services.AddScoped<ApplicationsHandler>();
        services.AddScoped<UsesHandler>();
        services.AddScoped<RedemptionsHandler>();
        services.AddScoped<VerifyLedgerHandler>();
        services.AddScoped<IDemoSeeder, VouchersDemoSeeder>();
        services.AddScoped<TechBridge.Modules.Monitoring.Contracts.IIndicatorSource, Indicators.VoucherIndicators>();
        services.AddPermissions(VouchersPermissions.All);
        services.AddOperatorVerb(new()
        {
            Name = "bench vouchers",
            Usage = "bench vouchers [--peers DIR] [--accounts 100000] [--hot 10] [--seconds 30] [--clients 8]",
            Description = """
                voucher uses/s through the HTTP API (the app as a child process on the
                configured throwaway database, its name containing "bench") against
                pgbench's double-entry transfer on the same server (--peers: the peer
                scripts) or a raw SQLite transaction loop; spread over N accounts and hot
                """,
            RunAsync = VoucherBench.RunAsync,
        });
        services.AddJob<VoucherExpiryJob>("vouchers.expiry", "Voucher expiry", c => TimeSpan.FromMinutes(c.GetValue("Vouchers:ExpiryPeriodMinutes", 60.0)));
        services.AddNavigation(
            new(NavigationGroup.Mine, 50, "My vouchers", "/Vouchers", NavigationAudience.SignedIn),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 50, "Voucher applications", "/Vouchers/Admin/Applications", VouchersPermissions.Review),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 51, "Voucher redemptions", "/Vouchers/Admin/Redemptions", VouchersPermissions.Review),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 52, "Voucher programs", "/Vouchers/Admin/Programs", VouchersPermissions.ManagePrograms),
            NavigationEntry.ForRole(NavigationGroup.Administration, 53, "Voucher ledger", "/Vouchers/Ledger", Roles.Auditor),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 54, "Voucher ledger", "/Vouchers/Ledger", VouchersPermissions.Review));
        // Every POST here creates, reserves, redeems, approves, posts, voids, reverses or moves money: the key is required.
        services.AddEntryPoints(new EntryPoint(45, "Apply for innovation vouchers", "Vouchers pay part of the services you buy, recognised across Beijing, Tianjin and Hebei", "/Vouchers"));
        services.AddRoutes(app => app.MapGroup("/api/v1/vouchers").WithTags("Vouchers").RequireAuthorization().RequireIdempotencyKey().MapVouchers());
        return services;
    }
}
