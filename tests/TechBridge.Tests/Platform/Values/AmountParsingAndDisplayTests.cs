using System.Globalization;
using TechBridge.Platform.Time;
using TechBridge.Platform.Values;

namespace TechBridge.Tests.Platform.Values;

// Amounts as people type them, and money and time shown one way.
public sealed class AmountParsingAndDisplayTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("5万", 5_000_000)]
    [InlineData("5 万", 5_000_000)]
    [InlineData("50000", 5_000_000)]
    [InlineData("5.5万元", 5_500_000)]
    [InlineData("1,250.50", 125_050)]
    [InlineData("¥3,000", 300_000)]
    [InlineData("￥３，０００．５", 300_050)]
    [InlineData("RMB 12", 1_200)]
    [InlineData("1.2亿", 12_000_000_000)]
    [InlineData("0.0001万", 100)]
    [InlineData("12.340", 1_234)]
    [InlineData("-5万", -5_000_000)]
    public void TryParseYuan_TypedAmount_IsUnderstoodExactly(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out var money));
        Assert.Equal(fen, money.Fen);
    }

    [Theory]
    [InlineData("五万")]
    [InlineData("5万万")]
    [InlineData("万")]
    [InlineData("¥")]
    [InlineData("1.2345678万")]
    [InlineData("12.345")]
    [InlineData("1e5")]
    [InlineData("NaN")]
    [InlineData("--5")]
    [InlineData("5-")]
    [InlineData("5..5")]
    [InlineData(".5")]
    [InlineData("99999999999999999999")]
    [InlineData("99999999999999999亿")]
    [InlineData("5万元元")]
    [InlineData("<script>")]
    [InlineData("   ")]
    public void TryParseYuan_AbsurdText_IsRefused(string text) => Assert.False(Money.TryParseYuan(text, out _));

    [Fact]
    public void TryParseYuan_VeryLongText_IsRefusedWithoutWork() => Assert.False(Money.TryParseYuan(new string('9', 10_000), out _));

    [Theory]
    [InlineData(125_050, "¥1,250.50")]
    [InlineData(5_000_000, "¥50,000.00")]
    public void ToString_TablesAndForms_YuanWithTwoDecimals(long fen, string expected) => Assert.Equal(expected, new Money(fen).ToString());

    [Theory]
    [InlineData(5_000_000, "5万元", "¥50 thousand")]
    [InlineData(125_000_000, "125万元", "¥1.25 million")]
    [InlineData(99_900, "¥999.00", "¥999.00")]
    public void ToSummary_SummariesInTheLanguageOfThePage(long fen, string chinese, string english)
    {
        Assert.Equal(chinese, new Money(fen).ToSummary(Chinese));
        Assert.Equal(english, new Money(fen).ToSummary(English));
    }

    [Fact]
    public void BeijingTime_Instant_ShownInBeijingForTheLanguage()
    {
        var instant = new DateTimeOffset(2026, 12, 8, 18, 3, 36, TimeSpan.Zero).AddTicks(1_266_456);

        Assert.Equal("2026年12月9日 02:03", BeijingTime.Format(instant, Chinese));
        Assert.Equal("9 Dec 2026, 02:03", BeijingTime.Format(instant, English));
        Assert.Equal("2026年12月9日", BeijingTime.Format(instant, Chinese, dateOnly: true));
        Assert.Equal("2026-12-09T02:03:36+08:00", BeijingTime.Machine(instant));
    }
}
