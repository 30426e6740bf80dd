namespace TechBridge.Platform.Input;

// The sentences of the input rules every field shares (TextRule, InputWalker, BindingProblems, Paging, import limits).
internal sealed class InputErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts =>
    [
        new("rule:controlCharacter", "{field}含有不可见字符或控制字符（第 {position} 个字符），请删除后重试。", "{field} contains an invisible or control character (character {position}); please remove it."),
        new("rule:lineBreak", "{field}只能填写一行，不能换行。", "{field} is a single line; line breaks are not allowed."),
        new("rule:nullItem", "{field}中有空项，请删除空项后重试。", "{field} has an empty entry; please remove it."),
        new("rule:malformed", "提交的内容格式不正确，无法读取，请检查后重试。", "What was sent could not be read; please check its format."),
        new("rule:expectedText", "{field}应为文字。", "{field} must be text."),
        new("rule:expectedWholeNumber", "{field}应为整数。", "{field} must be a whole number."),
        new("rule:expectedNumber", "{field}应为数字。", "{field} must be a number."),
        new("rule:expectedBoolean", "{field}应为“是”或“否”。", "{field} must be true or false."),
        new("rule:expectedDate", "{field}应为日期，格式如 2026-03-01。", "{field} must be a date such as 2026-03-01."),
        new("rule:expectedDateTime", "{field}应为日期和时间。", "{field} must be a date and time such as 2026-03-01T09:30:00+08:00."),
        new("rule:expectedTime", "{field}应为时间。", "{field} must be a time."),
        new("rule:expectedId", "{field}应为有效的编号。", "{field} must be a valid identifier."),
        new("rule:expectedList", "{field}应为列表。", "{field} must be a list."),
        new("rule:expectedObject", "{field}的结构不正确。", "{field} does not have the expected structure."),
        new("rule:type", "{field}的值无效。", "{field} has a value that is not valid."),
        new("rule:sumTooLarge", "{field}的合计金额过大，请检查各项金额。", "The total of {field} is too large; please check the amounts."),
        new("rule:notPast", "{field}不能早于今天。", "{field} cannot be before today."),
        new("rule:maxRows", "文件的行数超过了上限（最多 {max} 行），请拆分后再上传。", "The file has more rows than allowed (at most {max}); please split it."),
        new("rule:maxColumns", "文件的列数超过了上限（最多 {max} 列）。", "The file has more columns than allowed (at most {max})."),
        new("rule:maxCellLength", "文件中有单元格内容过长（最多 {max} 个字）。", "A cell of the file is too long (at most {max} characters)."),
        new("rule:maxUncompressedSize", "文件解压后过大（最多 {max} MB），请拆分后再上传。", "The file is too large once unpacked (at most {max} MB); please split it."),
        new("rule:unreadable", "无法读取该文件，请确认它是有效的 Excel 或 CSV 文件。", "The file cannot be read; make sure it is a valid Excel (.xlsx) or CSV file."),
    ];
}
