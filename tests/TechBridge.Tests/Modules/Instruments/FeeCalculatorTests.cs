using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.Fees;

namespace TechBridge.Tests.Modules.Instruments;

// The fee standard's arithmetic, table by table (all amounts in fen).
public sealed class FeeCalculatorTests
{
    [Theory]
    // DESIGN.md §6: 800,000 元 ÷ (5 × 800 h) = 200 元/h.
    [InlineData(80_000_000L, 5, 800, 0L, 20_000L)]
    // The same instrument as a general one (1,400 h) with 30 元/h of consumables: 114.29 + 30.
    [InlineData(80_000_000L, 5, 1400, 3_000L, 14_429L)]
    // 3,280,000 元 over 8 years of 1,400 h: 292.857… → 292.86 元/h (halves round up).
    [InlineData(328_000_000L, 8, 1400, 0L, 29_286L)]
    [InlineData(30_000_000L, 10, 800, 500L, 4_250L)]
    public void SuggestedHourlyFee_IsValueOverDepreciationTimesRatedHours_PlusConsumables(long valueFen, int years, int hours, long consumablesFen, long expected)
    {
        Assert.Equal(expected, FeeCalculator.SuggestedHourlyFen(valueFen, years, hours, consumablesFen));
    }

    [Theory]
    // One flat step of 200 元/h.
    [InlineData((int)PriceGroup.Enterprise, 60, 20_000L)]
    [InlineData((int)PriceGroup.Enterprise, 90, 30_000L)]
    // A started minute counts: 61 minutes cost 61/60 hours.
    [InlineData((int)PriceGroup.Enterprise, 61, 20_333L)]
    // Internal: 100 元/h for the first four hours, 80 元/h from the fifth on.
    [InlineData((int)PriceGroup.Internal, 240, 40_000L)]
    [InlineData((int)PriceGroup.Internal, 300, 48_000L)]
    [InlineData((int)PriceGroup.Internal, 480, 72_000L)]
    // External academic: three steps.
    [InlineData((int)PriceGroup.ExternalAcademic, 120, 32_000L)]
    [InlineData((int)PriceGroup.ExternalAcademic, 200, 52_000L)]
    [InlineData((int)PriceGroup.ExternalAcademic, 400, 87_000L)]
    [InlineData((int)PriceGroup.ExternalAcademic, 0, 0L)]
    public void FeeFor_AppliesEachDurationStepToItsMinutes(int group, int minutes, long expected)
    {
        FeeRate[] rates =
        [
            new() { PriceGroup = PriceGroup.Enterprise, FromMinutes = 0, HourlyFen = 20_000 },
            new() { PriceGroup = PriceGroup.Internal, FromMinutes = 240, HourlyFen = 8_000 },
            new() { PriceGroup = PriceGroup.Internal, FromMinutes = 0, HourlyFen = 10_000 },
            new() { PriceGroup = PriceGroup.ExternalAcademic, FromMinutes = 0, HourlyFen = 16_000 },
            new() { PriceGroup = PriceGroup.ExternalAcademic, FromMinutes = 180, HourlyFen = 12_000 },
            new() { PriceGroup = PriceGroup.ExternalAcademic, FromMinutes = 300, HourlyFen = 9_000 },
        ];

        Assert.Equal(expected, FeeCalculator.FeeFor(rates, (PriceGroup)group, TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    // Booked 10:00–12:00 at 200 元/h; used 10:10–11:40, or 10:00–12:30 (30 minutes over).
    [InlineData((int)FeeMode.PerReservation, 10, 100, 40_000L)]
    [InlineData((int)FeeMode.PerUse, 10, 100, 30_000L)]
    [InlineData((int)FeeMode.ReservationPlusOverage, 10, 100, 40_000L)]
    [InlineData((int)FeeMode.PerReservation, 0, 150, 40_000L)]
    [InlineData((int)FeeMode.PerUse, 0, 150, 50_000L)]
    [InlineData((int)FeeMode.ReservationPlusOverage, 0, 150, 50_000L)]
    public void ChargeFor_FollowsTheFeeMode(int mode, int usedFromMinute, int usedUntilMinute, long expected)
    {
        var start = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);
        FeeRate[] rates = [new() { PriceGroup = PriceGroup.Enterprise, FromMinutes = 0, HourlyFen = 20_000 }];

        var fee = FeeCalculator.ChargeFor((FeeMode)mode, rates, PriceGroup.Enterprise, start, start.AddHours(2), start.AddMinutes(usedFromMinute), start.AddMinutes(usedUntilMinute));

        Assert.Equal(expected, fee);
    }

    [Fact]
    public void FeeFor_AGroupWithoutRates_ChargesNothing()
    {
        Assert.Equal(0, FeeCalculator.FeeFor([], PriceGroup.Enterprise, TimeSpan.FromHours(3)));
    }
}
