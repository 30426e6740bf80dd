using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Seed;

namespace TechBridge.Tests.Modules.Directory.Seed;

public abstract class DemoDataTests(AppHost host)
{
    [Fact]
    public async Task DemoOrganizations_CoverEveryHebeiCityAndSector_WithValidCodes()
    {
        var organizations = await host.WithDbAsync(db => db.Set<Organization>().AsNoTracking().Include(o => o.Sectors).Where(o => o.IsDemo).ToListAsync());

        foreach (var city in Enumerable.Range(1, 11).Select(i => $"13{i:D2}"))
        {
            Assert.True(organizations.Count(o => o.RegionCode.StartsWith(city, StringComparison.Ordinal)) >= 3, city);
        }

        foreach (var sector in new[] { "rd", "incubation", "industrial-design", "technology-transfer", "finance", "ip", "testing", "consulting", "digital", "platform" })
        {
            Assert.True(organizations.Count(o => o.Sectors.Any(s => s.SectorCode == sector)) >= 5, sector);
        }

        Assert.Contains(organizations, o => o.RegionCode.StartsWith("11", StringComparison.Ordinal) && o.Kind == OrganizationKind.Enterprise);
        Assert.Contains(organizations, o => o.RegionCode.StartsWith("12", StringComparison.Ordinal) && o.Kind == OrganizationKind.Enterprise);
        Assert.Contains(organizations, o => o.LegalName == "天津大学" || o.LegalName.StartsWith("天津", StringComparison.Ordinal) && o.Kind == OrganizationKind.UniversityOrInstitute);
        Assert.All(organizations, o =>
        {
            Assert.True(DemoCreditCodes.IsValid(o.CreditCode!), o.CreditCode);
            Assert.Equal(o.RegionCode, o.CreditCode![2..8]);
            Assert.Equal(VerificationStatus.Verified, o.Verification);
        });
    }

    [Fact]
    public async Task DemoUsers_OwnTheirOrganizations()
    {
        var owned = await host.WithDbAsync(db => (from m in db.Set<Membership>()
                                                  join u in db.Users on m.UserId equals u.Id
                                                  join o in db.Set<Organization>() on m.OrganizationId equals o.Id
                                                  where m.Role == MembershipRole.Owner && u.IsDemo && o.IsDemo
                                                  select new { u.UserName, o.RegionCode, o.Kind, o.Verification }).ToListAsync());

        Assert.Contains(owned, x => x.UserName == "enterprise.demo" && x.RegionCode.StartsWith("1301", StringComparison.Ordinal) && x.Kind == OrganizationKind.Enterprise);
        Assert.Contains(owned, x => x.UserName == "provider.demo" && x.RegionCode.StartsWith("13", StringComparison.Ordinal) && x.Kind == OrganizationKind.ServiceInstitution);
        Assert.Contains(owned, x => x.UserName == "provider.beijing" && x.RegionCode.StartsWith("11", StringComparison.Ordinal));
        // Only the seeded organizations: other tests on the shared host register (and reject) more for these users.
        Assert.All(owned, x => Assert.Equal(VerificationStatus.Verified, x.Verification));
    }

    [Fact]
    public async Task DemoGroupsAndRecognitions_AreServed()
    {
        using var client = host.CreateAnonymousClient();

        var clusters = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/groups?kind=county-cluster", UriKind.Relative));
        var alliances = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/groups?kind=alliance", UriKind.Relative));
        var cma = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/recognitions?kind=cma&region=13", UriKind.Relative));
        var detail = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/v1/groups/{alliances[0].GetProperty("id").GetGuid()}", UriKind.Relative));

        Assert.True(clusters.GetArrayLength() >= 9);
        Assert.True(alliances.GetArrayLength() >= 3);
        Assert.True(cma.GetProperty("total").GetInt32() >= 1);
        Assert.True(detail.GetProperty("members").GetArrayLength() >= 2);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoDataTestsOnSqlite(SqliteHostFixture fixture) : DemoDataTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class DemoDataTestsOnPostgres(PostgresHostFixture fixture) : DemoDataTests(fixture.Host);
