using Mnemo.Core.Entries;

namespace Mnemo.Core.Tests.Entries;

[Trait("Issue", "13")]
public sealed class DecimalTextTests
{
    [Theory]
    [InlineData("0.5", 0.5)]
    [InlineData(" 1 ", 1.0)]
    [InlineData(".25", 0.25)]
    [InlineData("1e-1", 0.1)]
    public void Parse_PointDecimal_IsRead(string text, double expected) => Assert.Equal(expected, DecimalText.Parse(text, "--importance"));

    [Theory]
    [InlineData("0,5", "comma")]
    [InlineData("1,000", "comma")]
    [InlineData("half", "not a number")]
    [InlineData("NaN", "not a number")]
    [InlineData("Infinity", "not a number")]
    public void Parse_AmbiguousOrNotANumber_IsRefusedNamingTheOption(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DecimalText.Parse(text, "--importance"));

        Assert.StartsWith($"--importance '{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
