using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using TechBridge.Platform.Localization;

namespace TechBridge.Platform.Forms;

// <form-field key="title" label="Title"><input name="Title" … /></form-field> renders the label, the control with
// aria-invalid and aria-describedby when the field has an error, and the error text under it. The key is the field's
// name in the error table (the API's field name), so a refused handler's violations land next to their field.
// A checkbox reads better with its text after the box: add `check`.
// Tag helpers are public: Razor discovers only public ones (an exception to "internal by default").
[HtmlTargetElement("form-field")]
public sealed partial class FormFieldTagHelper(IStringLocalizerFactory localizers) : TagHelper
{
    private readonly IStringLocalizer t = localizers.Create(typeof(UiText));

    public string Key { get; set; } = "";

    // An English UI key; the page shows its translation.
    public string Label { get; set; } = "";

    // A line of guidance under the control (an example, the parsed value of what was typed).
    public string? Hint { get; set; }

    public bool Check { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var error = ErrorOf(ViewContext, Key);
        var field = new FieldState(IdOf(Key), error);
        context.Items[typeof(FieldState)] = field;
        var control = await output.GetChildContentAsync();

        output.TagName = "label";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.RemoveAll("key");
        var label = t[Label].Value;
        if (Check)
        {
            output.Content.AppendHtml(control).Append(" " + label);
        }
        else
        {
            output.Content.Append(label).AppendHtml(control);
        }

        if (Hint is not null)
        {
            output.Content.AppendHtml($"<small class=\"hint\">").Append(Hint).AppendHtml("</small>");
        }

        if (error is not null)
        {
            output.Content.AppendHtml($"<small id=\"{field.ErrorId}\" class=\"field-error\">").Append(error).AppendHtml("</small>");
        }
    }

    internal static string? ErrorOf(ViewContext view, string key) =>
        view.ViewData.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    internal static string IdOf(string key) => NotIdCharacter().Replace(key, "-") + "-error";

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdCharacter();
}

internal sealed record FieldState(string ErrorId, string? Error);

// The control inside a <form-field>: marked invalid and tied to its error text.
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
public sealed class FormFieldControlTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.TryGetValue(typeof(FieldState), out var value) && value is FieldState { Error: not null } field)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {field.ErrorId}" : field.ErrorId;
            output.Attributes.SetAttribute("aria-describedby", described);
        }
    }
}

// <form-errors /> at the top of a form: the error that belongs to no field, and a reminder that fields are marked.
// <form-errors all="true" /> lists every error instead, for pages whose forms act on items of a list and mark no field.
[HtmlTargetElement("form-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormErrorsTagHelper(IStringLocalizerFactory localizers) : TagHelper
{
    private readonly IStringLocalizer t = localizers.Create(typeof(UiText));

    public bool All { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        if (FormFieldTagHelper.ErrorOf(ViewContext, "") is { } general)
        {
            output.Content.AppendHtml("<p role=\"alert\">").Append(general).AppendHtml("</p>");
        }

        var fieldErrors = state.Where(entry => entry.Key.Length > 0).SelectMany(entry => entry.Value?.Errors ?? []).ToList();
        if (All)
        {
            foreach (var error in fieldErrors)
            {
                output.Content.AppendHtml("<p role=\"alert\">").Append(error.ErrorMessage).AppendHtml("</p>");
            }
        }
        else if (fieldErrors.Count > 0)
        {
            output.Content.AppendHtml("<p role=\"alert\">").Append(t["Please correct the fields marked below."].Value).AppendHtml("</p>");
        }
    }
}

// <field-error key="regionCode" /> under a control that renders its own label (the pickers): the field's error text,
// with the id that the control's aria-describedby names.
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (FormFieldTagHelper.ErrorOf(ViewContext, Key) is not { } error)
        {
            output.SuppressOutput();
            return;
        }

        output.Content.AppendHtml($"<small id=\"{FormFieldTagHelper.IdOf(Key)}\" class=\"field-error\">").Append(error).AppendHtml("</small>");
    }
}
