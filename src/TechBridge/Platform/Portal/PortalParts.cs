namespace TechBridge.Platform.Portal;

// The home page and the workspace are made of what the modules contribute: the platform names no module, so a new
// module (vouchers, instruments) adds its entry points, figures, notices and queues from its AddX and they appear.

// A task a visitor comes to do (找服务, 发需求, 找成果, 机构入驻, later 申领创新券, 预约仪器). Label and Hint are UI-text
// keys; the target page asks for sign-in itself when it needs it.
internal sealed record EntryPoint(int Order, string Label, string Hint, string Path);

// Published items by sector code (a sector-less item counts under ""), one column of the home page's sector table.
internal sealed record SectorCount(int Order, string Label, string Link, IReadOnlyDictionary<string, int> BySector)
{
    // Set when one item counts in several sectors (an institution active in two), so the total counts it once.
    public int? DistinctTotal { get; init; }

    public int Total => DistinctTotal ?? BySector.Values.Sum();
}

// Items started per calendar month (Beijing time), oldest first, the last one being the current month.
internal sealed record MonthlyCount(int Order, string Label, IReadOnlyList<int> PerMonth)
{
    public int ThisMonth => PerMonth.Count == 0 ? 0 : PerMonth[^1];
}

// An announcement on the home page (通知公告): its own text (data, shown as written), where to read it, and when it ends
// or was made.
internal sealed record PortalNotice(string Kind, string Title, string Link, DateTimeOffset At);

// Months of the home page's trend: the first day (Beijing time) of each, oldest first, as UTC instants.
internal sealed record PortalMonths(IReadOnlyList<DateTimeOffset> Starts)
{
    public DateTimeOffset From => Starts[0];

    // The month an instant falls in, or -1 before the first.
    public int IndexOf(DateTimeOffset at)
    {
        for (var i = Starts.Count - 1; i >= 0; i--)
        {
            if (at >= Starts[i])
            {
                return i;
            }
        }

        return -1;
    }

    public IReadOnlyList<int> Count(IEnumerable<DateTimeOffset> instants)
    {
        var counts = new int[Starts.Count];
        foreach (var at in instants)
        {
            if (IndexOf(at) is var i and >= 0)
            {
                counts[i]++;
            }
        }

        return counts;
    }
}

// What a module shows on the public home page.
internal interface IPortalSource
{
    Task<IReadOnlyList<SectorCount>> SectorCountsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SectorCount>>([]);

    Task<IReadOnlyList<MonthlyCount>> MonthlyCountsAsync(PortalMonths months, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MonthlyCount>>([]);

    Task<IReadOnlyList<PortalNotice>> NoticesAsync(int take, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PortalNotice>>([]);
}

// One line of a workspace queue: the item's own title (data), its page, and the date that matters for it.
internal sealed record WorkspaceItem(string Title, string Link, DateTimeOffset? At = null, string? State = null);

// A count and the first items of something that waits for the signed-in user (my listings, engagements to answer,
// verifications to decide). Title and State are UI-text keys; Role groups the queues on the page ("mine", "admin",
// "broker"); Count 0 queues are shown only when Always is set (a user's own listings, so the way in is visible).
internal sealed record WorkspaceQueue(int Order, string Role, string Title, int Count, string Link, IReadOnlyList<WorkspaceItem> Items, bool Always = false);

// What a module puts in the signed-in user's workspace; an anonymous caller never reaches it.
internal interface IWorkspaceSource
{
    Task<IReadOnlyList<WorkspaceQueue>> QueuesAsync(CancellationToken cancellationToken);
}

internal static class PortalRegistration
{
    public static IServiceCollection AddEntryPoints(this IServiceCollection services, params EntryPoint[] entries)
    {
        foreach (var entry in entries)
        {
            services.AddSingleton(entry);
        }

        return services;
    }

    public static IServiceCollection AddPortalSource<T>(this IServiceCollection services)
        where T : class, IPortalSource => services.AddScoped<IPortalSource, T>();

    public static IServiceCollection AddWorkspaceSource<T>(this IServiceCollection services)
        where T : class, IWorkspaceSource => services.AddScoped<IWorkspaceSource, T>();
}
