using TechBridge.Modules.Vouchers.Data;

namespace TechBridge.Modules.Vouchers.UseVouchers;

internal sealed record ReservationInputs(
    long OrderAmountFen,
    int RateBasisPoints,
    long FullCoverageAtOrBelowFen,
    long VoucherRemainingFen,
    long CapPerApplicationFen,
    long EnterpriseAnnualRemainingFen,
    long ControllerAnnualRemainingFen,
    long ProgramBudgetRemainingFen);

// AmountFen is what is reserved; LimitedBy names the term that decided it (shown to the enterprise and reviewers).
internal sealed record ReservationResult(long AmountFen, string LimitedBy, long ByRateFen, bool FullCoverage);

// The reservation formula: min(remaining voucher quota, cap per application, remaining annual caps of the
// enterprise and of its actual controller, remaining program budget, rate × order amount — or the whole amount at
// or below the full-coverage threshold), rounded down to the fen. Integer arithmetic only: the rate product is
// taken in 128 bits and divided once, which is the rounding down.
internal static class ReservationFormula
{
    public static ReservationResult Compute(ReservationInputs i)
    {
        var fullCoverage = i.FullCoverageAtOrBelowFen > 0 && i.OrderAmountFen <= i.FullCoverageAtOrBelowFen;
        var byRate = fullCoverage ? i.OrderAmountFen : (long)((Int128)i.OrderAmountFen * i.RateBasisPoints / 10_000);
        (string Name, long Value)[] terms =
        [
            (fullCoverage ? "fullCoverage" : "rate", byRate),
            ("voucherRemaining", i.VoucherRemainingFen),
            ("capPerApplication", i.CapPerApplicationFen),
            ("annualCapPerEnterprise", i.EnterpriseAnnualRemainingFen),
            ("annualCapPerController", i.ControllerAnnualRemainingFen),
            ("programBudget", i.ProgramBudgetRemainingFen),
        ];
        var limit = terms[0];
        foreach (var term in terms)
        {
            if (term.Value < limit.Value)
            {
                limit = term;
            }
        }

        return new ReservationResult(Math.Max(0, limit.Value), limit.Name, byRate, fullCoverage);
    }

    // The rate for an enterprise: the program's, or a regional one (the longest matching region prefix wins).
    public static int RateFor(VoucherProgram program, string enterpriseRegion)
    {
        var best = (Length: -1, Rate: program.RateBasisPoints);
        foreach (var pair in program.RegionRates)
        {
            var parts = pair.Split(':');
            if (parts.Length == 2 && enterpriseRegion.StartsWith(parts[0], StringComparison.Ordinal) && parts[0].Length > best.Length
                && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var rate))
            {
                best = (parts[0].Length, rate);
            }
        }

        return best.Rate;
    }
}
