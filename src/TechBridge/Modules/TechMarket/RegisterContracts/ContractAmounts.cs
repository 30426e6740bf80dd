namespace TechBridge.Modules.TechMarket.RegisterContracts;

internal sealed record ItemRequest(string? Kind, string? Description, decimal? AmountFen);

internal sealed record ComputedAmounts(long TotalFen, long NonTechnicalFen, long TechnologyAmountFen);

// 技术交易额 = contract total − the itemised non-technical items (equipment, instruments, parts, raw materials).
// Amounts arrive as JSON numbers read into decimal, so that a number too large for fen is refused by name
// ("overflow") instead of failing the whole body.
internal static class ContractAmounts
{
    // 1万亿元 in fen: far above any real contract, far below long.MaxValue even summed over MaxItems items.
    public const long MaxFen = 100_000_000_000_000L;

    public const int MaxItems = 50;

    public static ComputedAmounts? Compute(decimal? total, IReadOnlyList<ItemRequest> items, Validation validation)
    {
        var totalFen = Amount(total, "totalFen", validation, required: true);
        long sum = 0;
        var itemsValid = true;
        if (items.Count > MaxItems)
        {
            validation.Add("nonTechnicalItems", "count", $"At most {MaxItems} non-technical items.", new Dictionary<string, object> { ["max"] = MaxItems });
            itemsValid = false;
        }

        for (var i = 0; i < items.Count && i < MaxItems; i++)
        {
            var fen = ItemAmount(items[i].AmountFen, i, validation);
            if (fen is null)
            {
                itemsValid = false;
                continue;
            }

            // Each item is at most MaxFen and there are at most MaxItems: the sum cannot leave the range of long.
            sum += fen.Value;
        }

        if (totalFen is null || !itemsValid)
        {
            return null;
        }

        if (sum > totalFen)
        {
            validation.Add("nonTechnicalItems", "exceedsTotal", "The non-technical items add up to more than the contract total.");
            return null;
        }

        return new ComputedAmounts(totalFen.Value, sum, totalFen.Value - sum);
    }

    private static long? Amount(decimal? value, string _, Validation validation, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                validation.Add("totalFen", "required", "The contract total is required.");
            }

            return null;
        }

        return Check(value.Value) switch
        {
            "negative" => Refuse(validation.Add("totalFen", "negative", "An amount is not negative.")),
            "whole" => Refuse(validation.Add("totalFen", "wholeFen", "An amount is a whole number of fen.")),
            "overflow" => Refuse(validation.Add("totalFen", "overflow", "The amount is beyond the largest amount accepted (1,000,000,000,000 yuan).")),
            _ => (long)value.Value,
        };
    }

    private static long? ItemAmount(decimal? value, int i, Validation validation)
    {
        if (value is null)
        {
            validation.Add($"nonTechnicalItems[{i}].amountFen", "required", "Each item has an amount.");
            return null;
        }

        return Check(value.Value) switch
        {
            "negative" => Refuse(validation.Add($"nonTechnicalItems[{i}].amountFen", "negative", "An amount is not negative.")),
            "whole" => Refuse(validation.Add($"nonTechnicalItems[{i}].amountFen", "wholeFen", "An amount is a whole number of fen.")),
            "overflow" => Refuse(validation.Add($"nonTechnicalItems[{i}].amountFen", "overflow", "The amount is beyond the largest amount accepted (1,000,000,000,000 yuan).")),
            _ => (long)value.Value,
        };
    }

    private static string? Check(decimal value) =>
        value < 0 ? "negative" : decimal.Truncate(value) != value ? "whole" : value > MaxFen ? "overflow" : null;

    private static long? Refuse(Validation _) => null;
}
