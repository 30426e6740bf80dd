
namespace TechBridge.Modules.Vouchers;

// Vouchers: fields as the forms label them, the rules only vouchers check, and their conflicts in words.
internal sealed class VouchersErrorTexts : IErrorTextSource
{
    public IEnumerable<ErrorText> Texts => Fields.Concat(Rules).Concat(Codes);

    private static IEnumerable<ErrorText> Fields =>
    [
    ];

    private static IEnumerable<ErrorText> Rules =>
    [
    ];

    private static IEnumerable<ErrorText> Codes =>
    [
    ];
}
