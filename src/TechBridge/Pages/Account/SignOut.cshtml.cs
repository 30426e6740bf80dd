using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechBridge.Pages.Account;

// Signing out is a POST (with antiforgery): a link or image elsewhere cannot sign a person out.
[OwnSessionOnly]
internal sealed class SignOutModel(SignInManager<PlatformUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        Response.Cookies.Delete(Modules.Directory.Access.ActingOrganization.Cookie);
        return LocalRedirect("/");
    }
}
