using Mnemo.Core.Time;

namespace Mnemo.Core.Tests.Time;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("30d", 2_592_000)]
    [InlineData("1w", 604_800)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    public void Parse_UnitsAndCombinations(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("h")]
    [InlineData("2x")]
    [InlineData("-2h")]
    [InlineData("0s")]
    [InlineData("soon")]
    public void TryParse_Garbage_ReturnsFalse(string text) => Assert.False(Durations.TryParse(text, out _));

    [Fact]
    public void Parse_Garbage_ThrowsWithTheAcceptedForms()
    {
        var error = Assert.Throws<FormatException>(() => Durations.Parse("soon"));

        Assert.Contains("2h", error.Message, StringComparison.Ordinal);
    }
}
