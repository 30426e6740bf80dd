using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Listings.Contracts;
using TechBridge.Tests.Modules.Directory;

namespace TechBridge.Tests.Modules.Listings.ReviewListings;

// The admin's listing review queue as a page: who waits hears of each step, the queue shows what the applicant wrote,
// and a bulk decision says what it did, by name.
public abstract class ReviewQueuePageTests(AppHost host)
{
    [Fact]
    public async Task Submissions_NotifyReviewers_BulkApprovalNamesWhatItDid_RejectionReasonReachesTheOwner()
    {
        var (_, owner) = await ListingsTestData.CreateOrganizationWithOwnerAsync(host, OrganizationKind.ServiceInstitution, "130102");
        var (_, token) = await DirectoryTestData.CreateAdminAsync(host, "1301", ListingsPermissions.ReviewListings);
        using var admin = host.CreateBearerClient(token);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var first = await SubmitAsync(owner, $"金属疲劳试验 {suffix}");
        var second = await SubmitAsync(owner, $"硬度测试 {suffix}");
        var third = await SubmitAsync(owner, $"冲击试验 {suffix}");

        var adminNotes = await ListingsTestData.GetJsonAsync(admin, "/api/v1/notifications?culture=zh-CN");
        var queuePage = await admin.GetStringAsync(new Uri("/Admin/ListingReview?culture=zh-CN", UriKind.Relative));
        var approved = await PageForms.PostAsync(admin, "/Admin/ListingReview", "/Admin/ListingReview", new Dictionary<string, string>
        {
            ["selected"] = $"offering:{first}",
            ["decision"] = "approve",
        });
        var approvedPage = await approved.Content.ReadAsStringAsync();
        using var form = new FormUrlEncodedContent(
        [
            new("selected", $"offering:{second}"),
            new("selected", $"offering:{third}"),
            new("decision", "reject"),
            new("reason", "收费标准未写明"),
            new("__RequestVerificationToken", Token(await admin.GetStringAsync(new Uri("/Admin/ListingReview", UriKind.Relative)))),
        ]);
        var rejectedPage = await (await admin.PostAsync(new Uri("/Admin/ListingReview", UriKind.Relative), form)).Content.ReadAsStringAsync();
        var ownerNotes = await ListingsTestData.GetJsonAsync(owner, "/api/v1/notifications?culture=zh-CN");
        var ownerNotesEnglish = await ListingsTestData.GetJsonAsync(owner, "/api/v1/notifications?culture=en");

        Assert.Contains(adminNotes.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == $"待审核：「金属疲劳试验 {suffix}」");
        Assert.Contains("申请方填写的说明", queuePage, StringComparison.Ordinal);
        Assert.Contains("出具 CMA 报告", queuePage, StringComparison.Ordinal);
        Assert.Contains("提交时间", queuePage, StringComparison.Ordinal);
        Assert.Contains($"已通过 1 项：金属疲劳试验 {suffix}", approvedPage, StringComparison.Ordinal);
        Assert.Contains("已退回 2 项（附退回理由）：", rejectedPage, StringComparison.Ordinal);
        Assert.Contains($"硬度测试 {suffix}", rejectedPage, StringComparison.Ordinal);
        Assert.Contains(ownerNotes.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == $"「金属疲劳试验 {suffix}」已审核通过并发布");
        Assert.Contains(ownerNotes.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == $"「冲击试验 {suffix}」未通过审核"
            && n.GetProperty("body").GetString() == "理由：收费标准未写明。请修改后重新提交。");
        Assert.Contains(ownerNotesEnglish.GetProperty("items").EnumerateArray(), n => n.GetProperty("title").GetString() == $"「冲击试验 {suffix}」 was not approved");
    }

    private static async Task<Guid> SubmitAsync(HttpClient owner, string title)
    {
        var id = await ListingsTestData.CreateAsync(owner, "offerings", ListingsTestData.Offering(title));
        Assert.Equal(HttpStatusCode.OK, (await ListingsTestData.PostAsync(owner, $"/api/v1/offerings/{id}/submit")).StatusCode);
        return id;
    }

    private static string Token(string page)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = page.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return page[start..page.IndexOf('"', start)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReviewQueuePageTestsOnSqlite(SqliteHostFixture fixture) : ReviewQueuePageTests(fixture.Host);
