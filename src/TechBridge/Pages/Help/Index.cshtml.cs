using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechBridge.Pages.Help;

// Help and FAQ, the user agreement and the privacy notice: static texts in both languages, open to everyone.
[AllowAnonymous]
internal sealed class HelpModel : PageModel;

[AllowAnonymous]
internal sealed class AgreementModel : PageModel
{
    // The version a person accepts at sign-up (recorded with the account); change it when the text changes.
    public const string Version = "2026-12";
}

[AllowAnonymous]
internal sealed class PrivacyModel : PageModel;
