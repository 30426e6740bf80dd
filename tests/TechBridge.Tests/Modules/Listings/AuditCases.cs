using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Tests.Modules.Directory;
using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;

namespace TechBridge.Tests.Modules.Listings;

// The Listings' operations: offerings, demands, achievements, their review and import, open calls.
internal sealed class ListingsAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
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
    };

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
            if (action == "renew")
            {
                // A renewal is for a listing in the last days of its period (issue 8): bring this one there.
                await c.Host.WithDbAsync(async db =>
                {
                    TechBridge.Modules.Listings.Data.Listing listing = plural switch
                    {
                        "offerings" => await db.Set<TechBridge.Modules.Listings.Data.ServiceOffering>().FirstAsync(l => l.Id == id),
                        "demands" => await db.Set<TechBridge.Modules.Listings.Data.TechnologyDemand>().FirstAsync(l => l.Id == id),
                        _ => await db.Set<TechBridge.Modules.Listings.Data.TechnologyAchievement>().FirstAsync(l => l.Id == id),
                    };
                    listing.ExpiresAt = listing.ExpiresAt!.Value.AddDays(-170);
                    return await db.SaveChangesAsync();
                });
            }

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

}
