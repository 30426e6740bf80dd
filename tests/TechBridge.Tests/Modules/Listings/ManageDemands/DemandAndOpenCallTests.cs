using System.Text.Json;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Modules.Listings.ManageDemands;

public abstract class DemandAndOpenCallTests(AppHost host)
{
    [Fact]
    public async Task AnonymousDemand_HidesEnterpriseFromStranger_ShowsItToBrokerAdminAndOwner_UntilRevealed()
    {
        var (enterpriseId, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var (_, strangerToken) = await DirectoryTestData.CreateUserAsync(host);
        var (_, adminToken) = await DirectoryTestData.CreateAdminAsync(host, "1301", ListingsPermissions.ReviewListings);
        using var stranger = host.CreateBearerClient(strangerToken);
        using var admin = host.CreateBearerClient(adminToken);
        using var broker = await host.CreateClientForAsync("broker.demo");
        using var anonymous = host.CreateAnonymousClient();
        var id = await ListingsTestData.CreateAsync(owner, "demands", ListingsTestData.Demand("anonymous"));
        await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/submit");
        await ListingsTestData.PostAsync(admin, $"/api/v1/demands/{id}/approve");

        var asStranger = await ListingsTestData.GetJsonAsync(stranger, $"/api/v1/demands/{id}");
        var asAnonymous = await ListingsTestData.GetJsonAsync(anonymous, $"/api/v1/demands/{id}");
        var strangerByOwner = await ListingsTestData.GetJsonAsync(stranger, $"/api/v1/demands?owner={enterpriseId}");
        var asBroker = await ListingsTestData.GetJsonAsync(broker, $"/api/v1/demands/{id}");
        var asAdmin = await ListingsTestData.GetJsonAsync(admin, $"/api/v1/demands/{id}");
        var asOwner = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/demands/{id}");
        var revealed = await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/reveal");
        var afterReveal = await ListingsTestData.GetJsonAsync(stranger, $"/api/v1/demands/{id}");

        Assert.Equal(JsonValueKind.Null, asStranger.GetProperty("organizationName").ValueKind);
        Assert.Equal(JsonValueKind.Null, asStranger.GetProperty("organizationId").ValueKind);
        Assert.Equal(JsonValueKind.Null, asAnonymous.GetProperty("organizationName").ValueKind);
        Assert.Equal(0, strangerByOwner.GetProperty("total").GetInt32());
        Assert.Equal(enterpriseId, asBroker.GetProperty("organizationId").GetGuid());
        Assert.Equal(enterpriseId, asAdmin.GetProperty("organizationId").GetGuid());
        Assert.Equal(enterpriseId, asOwner.GetProperty("organizationId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Equal(enterpriseId, afterReveal.GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task OpenCall_SeveralProposals_ShortlistThenSelectOneWithReasons()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130102");
        var id = await ListingsTestData.PublishAsync(host, owner, "demands", ListingsTestData.Demand(openCall: true));
        var proposers = new List<(Guid Id, HttpClient Client)>();
        for (var i = 0; i < 3; i++)
        {
            proposers.Add(await ListingsTestData.CreateOrganizationWithOwnerAsync(host, i == 2 ? OrganizationKind.UniversityOrInstitute : OrganizationKind.ServiceInstitution, "130104"));
        }

        var (_, enterpriseProposer) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.Enterprise, "130104");
        var proposalIds = new List<Guid>();
        for (var i = 0; i < proposers.Count; i++)
        {
            var response = await ListingsTestData.PostAsync(proposers[i].Client, $"/api/v1/demands/{id}/proposals", new
            {
                approach = $"方案{i}: 机器视觉在线检测 + 闭环控制", priceFen = 30_000_000L + (i * 1_000_000L), durationDays = 90 + i, team = "博士 2 名，工程师 5 名",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            proposalIds.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var duplicate = await ListingsTestData.PostAsync(proposers[0].Client, $"/api/v1/demands/{id}/proposals", new { approach = "再来", priceFen = 1L, durationDays = 1, team = "x" });
        var byEnterprise = await ListingsTestData.PostAsync(enterpriseProposer, $"/api/v1/demands/{id}/proposals", new { approach = "a", priceFen = 1L, durationDays = 1, team = "x" });
        var ownerView = await ListingsTestData.GetJsonAsync(owner, $"/api/v1/demands/{id}/proposals");
        var proposerView = await ListingsTestData.GetJsonAsync(proposers[1].Client, $"/api/v1/demands/{id}/proposals");
        var shortlisted = await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/proposals/{proposalIds[0]}/shortlist");
        await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/proposals/{proposalIds[1]}/shortlist");
        var shortlistAgain = await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/proposals/{proposalIds[0]}/shortlist");
        var strangerShortlist = await ListingsTestData.PostAsync(proposers[0].Client, $"/api/v1/demands/{id}/proposals/{proposalIds[0]}/shortlist");
        var missingReason = await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/decision", new
        {
            selectedProposalId = proposalIds[1],
            reasons = new[] { new { proposalId = proposalIds[1], reason = "价格与周期最均衡" } },
        });
        var decided = await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/decision", new
        {
            selectedProposalId = proposalIds[1],
            reasons = new[]
            {
                new { proposalId = proposalIds[0], reason = "报价偏低但缺少量产经验" },
                new { proposalId = proposalIds[1], reason = "价格与周期最均衡" },
                new { proposalId = proposalIds[2], reason = "周期过长" },
            },
        });
        var decision = await decided.Content.ReadFromJsonAsync<JsonElement>();
        var again = await ListingsTestData.PostAsync(owner, $"/api/v1/demands/{id}/decision", new { selectedProposalId = (Guid?)null, reasons = Array.Empty<object>() });
        var late = await ListingsTestData.PostAsync(enterpriseProposer, $"/api/v1/demands/{id}/proposals", new { approach = "a", priceFen = 1L, durationDays = 1, team = "x" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byEnterprise.StatusCode);
        Assert.Equal(3, ownerView.GetProperty("proposals").GetArrayLength());
        Assert.Equal(1, proposerView.GetProperty("proposals").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, shortlisted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, shortlistAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerShortlist.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(proposalIds[1], decision.GetProperty("selectedProposalId").GetGuid());
        var statuses = decision.GetProperty("proposals").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetGuid(), p => p.GetProperty("status").GetString());
        Assert.Equal("selected", statuses[proposalIds[1]]);
        Assert.Equal("not-selected", statuses[proposalIds[0]]);
        Assert.Equal("not-selected", statuses[proposalIds[2]]);
        Assert.All(decision.GetProperty("proposals").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("decisionReason").GetString())));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.NotEqual(HttpStatusCode.Created, late.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemandAndOpenCallTestsOnSqlite(SqliteHostFixture fixture) : DemandAndOpenCallTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class DemandAndOpenCallTestsOnPostgres(PostgresHostFixture fixture) : DemandAndOpenCallTests(fixture.Host);
