using TechBridge.Modules.Instruments.Data;

namespace TechBridge.Modules.Instruments.Fees;

// The fee standard's arithmetic, all in fen with integers: a duration is charged in whole minutes (a started minute
// counts), each minute at the hourly rate of the step it falls in, and the sum is divided by 60 once, halves rounded
// up, so a booking split differently never costs a fen more or less than the rule says.
internal static class FeeCalculator
{
    // Suggested hourly fee (DESIGN.md §6): original value ÷ (depreciation years × rated hours) + consumables,
    // utilities and maintenance per hour. 800,000 元 ÷ (5 × 800) = 200 元/h.
    public static long SuggestedHourlyFen(long originalValueFen, int depreciationYears, int ratedHoursPerYear, long consumablesPerHourFen)
    {
        if (depreciationYears <= 0 || ratedHoursPerYear <= 0)
        {
            return consumablesPerHourFen;
        }

        var divisor = (long)depreciationYears * ratedHoursPerYear;
        return DivideRoundingHalfUp(originalValueFen, divisor) + consumablesPerHourFen;
    }

    // What a duration costs for one price group's steps (ordered or not). No step for the group: nothing to charge.
    public static long FeeFor(IEnumerable<FeeRate> rates, PriceGroup group, TimeSpan duration)
    {
        var minutes = (long)Math.Ceiling(Math.Max(0, duration.TotalMinutes) - 1e-9);
        var steps = rates.Where(r => r.PriceGroup == group).OrderBy(r => r.FromMinutes).ToList();
        if (steps.Count == 0 || minutes == 0)
        {
            return 0;
        }

        long fenMinutes = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var from = (long)steps[i].FromMinutes;
            var to = i + 1 < steps.Count ? steps[i + 1].FromMinutes : long.MaxValue;
            if (minutes <= from)
            {
                break;
            }

            fenMinutes += (Math.Min(minutes, to) - from) * steps[i].HourlyFen;
        }

        return DivideRoundingHalfUp(fenMinutes, 60);
    }

    // The charge of a completed booking by the instrument's mode.
    public static long ChargeFor(FeeMode mode, IEnumerable<FeeRate> rates, PriceGroup group, DateTimeOffset start, DateTimeOffset end, DateTimeOffset? usedFrom, DateTimeOffset? usedUntil)
    {
        var reserved = end - start;
        var used = usedFrom is { } from && usedUntil is { } until && until > from ? until - from : TimeSpan.Zero;
        var overage = usedUntil is { } stop && stop > end ? stop - end : TimeSpan.Zero;
        return mode switch
        {
            FeeMode.PerReservation => FeeFor(rates, group, reserved),
            FeeMode.PerUse => FeeFor(rates, group, used),
            FeeMode.ReservationPlusOverage => FeeFor(rates, group, reserved + overage),
            _ => 0,
        };
    }

    private static long DivideRoundingHalfUp(long value, long divisor) => (value + (divisor / 2)) / divisor;
}
