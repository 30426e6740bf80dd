using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.UseVouchers;

namespace TechBridge.Tests.Modules.Vouchers;

// The reservation formula: each term can decide the amount, the rate product rounds down to the fen, small orders
// are covered in full, and a regional rate overrides the program's for enterprises registered there.
public sealed class ReservationFormulaTests
{
    private const long Plenty = 1_000_000_000_00L;

    private static ReservationInputs Inputs(long order, int rate = 5000, long full = 0, long voucher = Plenty, long cap = Plenty, long enterprise = Plenty, long controller = Plenty, long budget = Plenty) =>
        new(order, rate, full, voucher, cap, enterprise, controller, budget);

    [Fact]
    public void Compute_RateTimesAmount_RoundsDownToTheFen()
    {
        // 33.33 % of ¥100.01 is 3,333.3333 fen: 3,333 fen, never 3,334.
        var result = ReservationFormula.Compute(Inputs(10_001, rate: 3333));

        Assert.Equal(3_333, result.AmountFen);
        Assert.Equal("rate", result.LimitedBy);
    }

    [Fact]
    public void Compute_OddFenAtHalfRate_RoundsDown()
    {
        Assert.Equal(49, ReservationFormula.Compute(Inputs(99, rate: 5000)).AmountFen);
        Assert.Equal(0, ReservationFormula.Compute(Inputs(1, rate: 5000)).AmountFen);
    }

    [Theory]
    [InlineData("voucherRemaining")]
    [InlineData("capPerApplication")]
    [InlineData("annualCapPerEnterprise")]
    [InlineData("annualCapPerController")]
    [InlineData("programBudget")]
    public void Compute_EachCap_DecidesWhenItIsTheSmallest(string term)
    {
        const long small = 12_345;
        var inputs = term switch
        {
            "voucherRemaining" => Inputs(10_000_000, voucher: small),
            "capPerApplication" => Inputs(10_000_000, cap: small),
            "annualCapPerEnterprise" => Inputs(10_000_000, enterprise: small),
            "annualCapPerController" => Inputs(10_000_000, controller: small),
            _ => Inputs(10_000_000, budget: small),
        };

        var result = ReservationFormula.Compute(inputs);

        Assert.Equal(small, result.AmountFen);
        Assert.Equal(term, result.LimitedBy);
    }

    [Fact]
    public void Compute_AtOrBelowFullCoverage_PaysTheWholeAmount_AboveItTheRate()
    {
        var at = ReservationFormula.Compute(Inputs(1_000_000, rate: 4000, full: 1_000_000));
        var above = ReservationFormula.Compute(Inputs(1_000_001, rate: 4000, full: 1_000_000));

        Assert.Equal(1_000_000, at.AmountFen);
        Assert.True(at.FullCoverage);
        Assert.Equal("fullCoverage", at.LimitedBy);
        Assert.Equal(400_000, above.AmountFen);
        Assert.False(above.FullCoverage);
    }

    [Fact]
    public void Compute_FullCoverage_IsStillCappedByTheVoucher()
    {
        var result = ReservationFormula.Compute(Inputs(900_000, full: 1_000_000, voucher: 300_000));

        Assert.Equal(300_000, result.AmountFen);
        Assert.Equal("voucherRemaining", result.LimitedBy);
    }

    [Fact]
    public void Compute_ExhaustedCap_ReservesNothing()
    {
        Assert.Equal(0, ReservationFormula.Compute(Inputs(500_000, enterprise: 0)).AmountFen);
        Assert.Equal(0, ReservationFormula.Compute(Inputs(500_000, controller: -5)).AmountFen);
    }

    [Fact]
    public void Compute_LargestOrder_DoesNotOverflow()
    {
        var result = ReservationFormula.Compute(Inputs(long.MaxValue / 2, rate: 10000));

        Assert.Equal(long.MaxValue / 2, result.ByRateFen);
        Assert.Equal(Plenty, result.AmountFen);
    }

    [Fact]
    public void RateFor_LongestRegionPrefixWins_ElseTheProgramRate()
    {
        var program = new VoucherProgram { Name = "x", JurisdictionCode = "13", PaymentCycle = "monthly", RateBasisPoints = 4000, RegionRates = ["13:5000", "1306:6000", "130602:7000"] };

        Assert.Equal(7000, ReservationFormula.RateFor(program, "130602"));
        Assert.Equal(6000, ReservationFormula.RateFor(program, "130604"));
        Assert.Equal(5000, ReservationFormula.RateFor(program, "130102"));
        Assert.Equal(4000, ReservationFormula.RateFor(program, "110108"));
    }
}
