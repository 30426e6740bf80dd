using System.Text.RegularExpressions;

namespace TechBridge.Tests.Infrastructure;

// Posts a page's form as a browser would: with the antiforgery token read from the page that shows the form.
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        var withToken = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value };
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(withToken));
    }
}
