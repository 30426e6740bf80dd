using TechBridge.Modules.Listings.Data;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Values;

namespace TechBridge.Tests.Modules.Listings.Data;

public sealed class MoneyAndBudgetTests
{
    [Theory]
    [InlineData("12", 1200)]
    [InlineData("12.3", 1230)]
    [InlineData("12.34", 1234)]
    [InlineData("1,234.50", 123450)]
    [InlineData("¥80", 8000)]
    [InlineData("50000元", 5_000_000)]
    [InlineData("0.01", 1)]
    public void TryParseYuan_ValidText_GivesExactFen(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out var money));
        Assert.Equal(fen, money.Fen);
    }

    [Theory]
    [InlineData("12.345")]
    [InlineData("abc")]
    [InlineData("1e5")]
    [InlineData("")]
    [InlineData("12.")]
    [InlineData("+3")]
    public void TryParseYuan_InvalidText_IsRefusedNotRounded(string text) => Assert.False(Money.TryParseYuan(text, out _));

    [Fact]
    public void Arithmetic_IsExactInFen_AndOverflowThrows()
    {
        var sum = Money.FromYuan(1) + new Money(1) + new Money(2);

        Assert.Equal(103, sum.Fen);
        Assert.Equal(new Money(1), Money.FromYuan(1) - new Money(99));
        Assert.Equal(new Money(3000), new Money(1000) * 3);
        Assert.True(new Money(5) < new Money(6));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }

    [Theory]
    [InlineData(0, "¥0.00")]
    [InlineData(5, "¥0.05")]
    [InlineData(123456789, "¥1,234,567.89")]
    [InlineData(-150, "-¥1.50")]
    public void ToString_ShowsYuanWithTwoDecimals(long fen, string expected) => Assert.Equal(expected, new Money(fen).ToString());

    [Theory]
    [InlineData(999_999, "¥9,999.99")]
    [InlineData(1_000_000, "1万元")]
    [InlineData(1_250_000, "1.25万元")]
    [InlineData(50_000_000, "50万元")]
    [InlineData(1_234_567_800, "1234.56万元")]
    public void ToDisplay_UsesWanFromTenThousandYuan(long fen, string expected) => Assert.Equal(expected, new Money(fen).ToDisplay());

    [Fact]
    public void BudgetRange_MinAboveMax_OrNegative_OrAboveCap_IsInvalid()
    {
        static IReadOnlyList<string> Rules(BudgetRange range)
        {
            var validation = new Validation();
            range.Validate(validation);
            try
            {
                validation.ThrowIfInvalid();
                return [];
            }
            catch (InvalidRequestException invalid)
            {
                return invalid.Violations.Select(v => v.Rule).ToList();
            }
        }

        Assert.Empty(Rules(BudgetRange.FromFen(null, null)));
        Assert.Empty(Rules(BudgetRange.FromFen(100, 100)));
        Assert.Empty(Rules(BudgetRange.FromFen(null, 500)));
        Assert.Contains("minNotAboveMax", Rules(BudgetRange.FromFen(500, 100)));
        Assert.Contains("nonNegative", Rules(BudgetRange.FromFen(-1, 100)));
        Assert.Contains("cap", Rules(BudgetRange.FromFen(null, BudgetRange.Cap.Fen + 1)));
    }

    [Fact]
    public void BudgetRange_ContainsAndDisplay()
    {
        var range = BudgetRange.FromFen(10_000_000, 50_000_000);

        Assert.True(range.Contains(new Money(10_000_000)));
        Assert.False(range.Contains(new Money(50_000_001)));
        Assert.True(BudgetRange.FromFen(null, null).Contains(new Money(1)));
        Assert.Equal("10万元 – 50万元", range.ToDisplay());
        Assert.Equal("≥ 10万元", BudgetRange.FromFen(10_000_000, null).ToDisplay());
    }
}
