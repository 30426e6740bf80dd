using System.Globalization;

namespace TechBridge.Pages.Admin;

// The page numbers under an admin queue (Complaints, ListingReview): the queue is paged in the query, so every item
// of the admin's jurisdictions is reachable by a link, however long the queue. The number travels as "p" (as on
// search: "page" is the route value naming the Razor page); the size only when it is not the page's default.
internal sealed record QueuePager(string Path, int Page, int Size, int DefaultSize, int Total)
{
    public int PageCount => Total <= 0 ? 1 : (int)Math.Min(int.MaxValue, ((long)Total + Size - 1) / Size);

    public string Link(int page) => Size == DefaultSize
        ? string.Create(CultureInfo.InvariantCulture, $"{Path}?p={page}")
        : string.Create(CultureInfo.InvariantCulture, $"{Path}?p={page}&pageSize={Size}");

    // First, last and the two on either side of the current one; gaps are shown as an ellipsis.
    public IEnumerable<int> Shown => Enumerable.Range(1, PageCount).Where(n => n == 1 || n == PageCount || Math.Abs(n - Page) <= 2);
}
