namespace TechBridge.Pages.Vouchers;

// The English UI keys of the vouchers' state and evidence codes (never the raw code on a page).
internal static class VoucherLabels
{
    public static string Of(string code) => code switch
    {
        "reserved" => "Reserved",
        "redemption-requested" => "Redemption requested",
        "reviewed" => "Reviewed, awaiting posting",
        "posted" => "Posted",
        "voided" => "Cancelled",
        "expired" => "Expired",
        "reversed" => "Reversed",
        "submitted" => "Submitted",
        "approved" => "Approved",
        "rejected" => "Rejected",
        "draft" => "Draft",
        "open" => "Open for applications",
        "closed" => "Closed",
        "contract" => "Contract",
        "invoice" => "Invoice",
        "payment-proof" => "Payment proof",
        _ => "Other",
    };
}
