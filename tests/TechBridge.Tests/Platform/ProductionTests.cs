using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TechBridge.Tests.Platform;

public sealed class ProductionTests
{
    [Fact]
    public async Task TestClockEndpoint_InProduction_IsNotMapped()
    {
        var directory = Directory.CreateTempSubdirectory("techbridge-prod-").FullName;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Platform", $"Data Source={Path.Combine(directory, "prod.db")}");
            builder.UseSetting("Database:AutoMigrate", "true");
        });
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/test/clock/advance", UriKind.Relative), new { hours = 24 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
