namespace TechBridge.Pages.Instruments;

// The English UI keys the Instruments pages show for the module's codes. Resource keys are matched case-insensitively
// when the file is built and case-sensitively when looked up, so codes such as "approved" or "enterprise", which other
// pages already label in another sense, get labels of their own here.
internal static class InstrumentText
{
    public static string BookingStatus(string code) => code switch
    {
        "requested" => "Awaiting approval",
        "approved" => "Approved booking",
        "in-use" => "In use now",
        "completed" => "Completed booking",
        "cancelled" => "Cancelled booking",
        "rejected" => "Booking not approved",
        _ => "No-show, released",
    };

    public static string InstrumentStatus(string code) => code switch
    {
        "in-use" => "In service",
        "maintenance" => "Under repair",
        "idle" => "Idle instrument",
        _ => "Retired instrument",
    };

    public static string PriceGroup(string code) => code switch
    {
        "internal" => "Own organization",
        "external-academic" => "Other universities and institutes",
        _ => "Enterprises and others",
    };

    public static string Occupant(string kind) => kind switch
    {
        "booked" => "Booked",
        "yours" => "Yours",
        "maintenance" => "Maintenance",
        _ => "Awaiting approval",
    };
}
