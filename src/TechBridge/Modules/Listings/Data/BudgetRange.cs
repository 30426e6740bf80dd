using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.Data;

// A demand's budget: either bound may be open ("up to 50万", "from 10万"), neither may be negative, the lower may
// not exceed the upper, and amounts stay below a sanity cap (10亿元) that catches yuan typed as fen.
internal readonly record struct BudgetRange(Money? Min, Money? Max)
{
    public static readonly Money Cap = Money.FromYuan(1_000_000_000);

    public static BudgetRange FromFen(long? min, long? max) => new(min is { } a ? new Money(a) : null, max is { } b ? new Money(b) : null);

    public void Validate(Validation validation, string field = "budget")
    {
        if (Min is { IsNegative: true })
        {
            validation.Add($"{field}MinFen", "nonNegative", "The lower budget bound cannot be negative.");
        }

        if (Max is { IsNegative: true })
        {
            validation.Add($"{field}MaxFen", "nonNegative", "The upper budget bound cannot be negative.");
        }

        if (Min is { } min && Max is { } max && min > max)
        {
            validation.Add($"{field}MinFen", "minNotAboveMax", "The lower budget bound cannot exceed the upper one.");
        }

        if ((Min is { } low && low > Cap) || (Max is { } high && high > Cap))
        {
            validation.Add($"{field}MaxFen", "cap", "Budgets are at most 1,000,000,000 yuan (amounts are in fen).");
        }
    }

    public bool Contains(Money amount) => (Min is not { } min || amount >= min) && (Max is not { } max || amount <= max);

    public string ToDisplay() => (Min, Max) switch
    {
        (null, null) => "",
        ({ } min, null) => $"≥ {min.ToDisplay()}",
        (null, { } max) => $"≤ {max.ToDisplay()}",
        ({ } min, { } max) when min == max => min.ToDisplay(),
        ({ } min, { } max) => $"{min.ToDisplay()} – {max.ToDisplay()}",
    };
}
