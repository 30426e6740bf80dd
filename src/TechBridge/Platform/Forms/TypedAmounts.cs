using TechBridge.Platform.Values;

namespace TechBridge.Platform.Forms;

// Amounts a user typed in a form ("5万", "1,250.50") read as fen. The ones that are not amounts are refused together,
// before the handler runs, through the same error table as every other rule (rule "amount" on the API's field name).
internal sealed class TypedAmounts
{
    private readonly Validation validation = new();

    // Blank is null (no amount); text that is not a non-negative amount is a violation on field.
    public long? Fen(string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        if (Money.TryParseYuan(typed, out var money) && !money.IsNegative)
        {
            return money.Fen;
        }

        validation.Add(field, "amount", "Enter an amount in yuan, e.g. 120000, 1,250.50 or 5万.");
        return null;
    }

    public void ThrowIfInvalid() => validation.ThrowIfInvalid();
}
