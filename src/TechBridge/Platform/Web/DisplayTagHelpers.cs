using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using TechBridge.Platform.Time;
using TechBridge.Platform.Values;

namespace TechBridge.Platform.Web;

// <beijing-time value="@x.CreatedAt" /> (date-only="true" for a day): a <time> element in Beijing time for the page's
// language; a missing value shows a dash.
[HtmlTargetElement("beijing-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BeijingTimeTagHelper : TagHelper
{
    public DateTimeOffset? Value { get; set; }

    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } instant)
        {
            output.TagName = null;
            output.Content.SetContent("—");
            return;
        }

        output.TagName = "time";
        output.Attributes.SetAttribute("datetime", BeijingTime.Machine(instant));
        output.Content.SetContent(BeijingTime.Format(instant, CultureInfo.CurrentUICulture, DateOnly));
    }
}

// <money fen="@x.AmountFen" /> in tables and forms ("¥1,250.50"); summary="true" in summaries ("12.5万元" /
// "¥125 thousand"). A missing amount shows a dash.
[HtmlTargetElement("money", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MoneyTagHelper : TagHelper
{
    public long? Fen { get; set; }

    public bool Summary { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "money");
        if (Fen is not { } fen)
        {
            output.Content.SetContent("—");
            return;
        }

        var money = new Money(fen);
        output.Content.SetContent(Summary ? money.ToSummary(CultureInfo.CurrentUICulture) : money.ToString());
    }
}

// <amount-echo value="@Model.AmountYuan" id="amount-echo" /> beside an amount field: what the typed text was understood
// as ("= ¥55,000.00"), shown after a submit; wwwroot/js/pickers.js updates it while typing when the field carries
// data-amount-echo="amount-echo". Text that is not an amount shows nothing here (the field's error says why).
[HtmlTargetElement("amount-echo", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AmountEchoTagHelper : TagHelper
{
    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "output";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "amount-echo");
        output.Attributes.SetAttribute("aria-live", "polite");
        if (Money.TryParseYuan(Value, out var money) && !money.IsNegative)
        {
            output.Content.SetContent("= " + money.ToString());
        }
    }
}
