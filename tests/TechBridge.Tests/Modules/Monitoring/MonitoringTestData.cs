using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Directory.Data;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.Rollups;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Modules.Monitoring;

internal static class MonitoringTestData
{
    public static async Task<Guid> AgencyIdAsync(AppHost host, string legalName) =>
        await host.WithDbAsync(db => db.Set<Organization>().Where(o => o.Kind == OrganizationKind.GovernmentAgency && o.LegalName == legalName).Select(o => o.Id).FirstAsync());

    // A fresh user who is a member of the agency, with a client acting for it.
    public static async Task<HttpClient> AgencyClientAsync(AppHost host, string legalName)
    {
        var agencyId = await AgencyIdAsync(host, legalName);
        var (userId, token) = await DirectoryTestData.CreateUserAsync(host);
        await host.WithDbAsync(db =>
        {
            db.Add(new Membership { UserId = userId, OrganizationId = agencyId, Role = MembershipRole.Member });
            return db.SaveChangesAsync();
        });
        return host.CreateBearerClient(token, agencyId);
    }

    public static async Task<HttpClient> ProvinceAdminAsync(AppHost host, params string[] permissions)
    {
        var (_, token) = await DirectoryTestData.CreateAdminAsync(host, "13", permissions.Length == 0 ? [MonitoringPermissions.ManageKpis] : permissions);
        return host.CreateBearerClient(token);
    }

    // A reported KPI of a later plan, unique to the test.
    public static async Task<string> AddKpiAsync(HttpClient admin, int targetYear, double target)
    {
        var code = $"t{Guid.NewGuid():N}"[..12];
        await DirectoryTestKit.PostAsync(admin, "/api/v1/monitoring/kpis", new
        {
            code, nameZh = "测试指标", nameEn = "Test KPI", definitionZh = "测试用指标", formula = "N", unit = "count",
            responsibleUnits = "省科技厅", planReference = "测试", targetYear, targetValue = target, targetSource = "测试规划",
        }, HttpStatusCode.Created);
        return code;
    }

    // What the rollup job does every 30 seconds: the live indicators computed again and stored for the pages.
    public static async Task RefreshRollupsAsync(AppHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IndicatorRollupJob>().RunOnceAsync(CancellationToken.None);
    }

    public static async Task AddRecognitionAsync(AppHost host, Guid organizationId, string kind, RecognitionLevel level, DateOnly issued, DateOnly? until, RecognitionStatus status = RecognitionStatus.Confirmed) =>
        await host.WithDbAsync(db =>
        {
            db.Add(new Recognition
            {
                OrganizationId = organizationId, KindCode = kind, Level = level, Authority = "河北省科学技术厅", CertificateNumber = $"T{Guid.NewGuid():N}"[..20],
                IssuedOn = issued, ValidUntil = until, Status = status,
            });
            return db.SaveChangesAsync();
        });

    public static async Task<Guid> AddInstrumentAsync(AppHost host, Guid owner, string regionCode)
    {
        var instrument = new Instrument
        {
            OwnerOrganizationId = owner, Name = "测试质谱仪", Model = "T-1", Manufacturer = "测试", CategoryCode = "analysis", OriginalValueFen = 100_000_000,
            PurchaseDate = new DateOnly(2015, 1, 1), FundingSourceCode = "government", RegionCode = regionCode, Address = "测试地址", OpenForExternalUse = true,
        };
        await host.WithDbAsync(db =>
        {
            db.Add(instrument);
            return db.SaveChangesAsync();
        });
        return instrument.Id;
    }

    public static async Task AddBookingAsync(AppHost host, Guid instrumentId, DateTimeOffset startsAt, int hours, BookingStatus status) =>
        await host.WithDbAsync(db =>
        {
            db.Add(new Booking { InstrumentId = instrumentId, OrganizationId = Guid.NewGuid(), UserId = Guid.NewGuid(), StartsAt = startsAt.ToUniversalTime(), EndsAt = startsAt.ToUniversalTime().AddHours(hours), Purpose = "测试", Status = status });
            return db.SaveChangesAsync();
        });
}
