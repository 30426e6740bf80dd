namespace TechBridge.Platform.Localization;

// Marker for the shared UI strings. Keys are the English text; UiText.zh-CN.resx holds the Chinese.
// English is therefore never missing, and a crawler in English finds any string that escaped translation.
internal sealed class UiText;
