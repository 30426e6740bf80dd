namespace TechBridge.Platform.Errors;

// The rules every module uses, and the platform's own fields and conflict codes. A module's fields, specific rule
// sentences and conflict codes live in that module's own IErrorTextSource.
internal sealed class PlatformErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts =>
    [
        new("rule:required", "请填写{field}。", "{field} is required."),
        new("rule:maxLength", "{field}最多 {max} 个字。", "{field} can be at most {max} characters long."),
        new("rule:range", "{field}超出了允许的范围。", "{field} is outside the allowed range."),
        new("rule:unknown", "请从列表中选择{field}。", "Please choose {field} from the list."),
        new("rule:oneOf", "请从列表中选择{field}。", "Please choose {field} from the list."),
        new("rule:format", "{field}的格式不正确。", "{field} is not in the expected format."),
        new("code:concurrency", "该事项刚被他人修改，请刷新后再试。", "Someone else changed this item just now; reload and try again."),
        new("code:constraint", "该操作与已有记录冲突，可能已经做过了。", "This conflicts with an existing record; it may have been done already."),
        new("code:busy", "系统正忙，请稍后重试。", "The system is busy; please try again shortly."),
    ];
}
