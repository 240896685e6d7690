using Mnemo.Core.Messages;

namespace Mnemo.Core.Tests.Messages;

[Trait("Issue", "14")]
public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 entries")]
    [InlineData(1, "1 entry")]
    [InlineData(2, "2 entries")]
    [InlineData(-1, "-1 entries")]
    public void Of_CountsOneInTheSingular(long count, string expected) => Assert.Equal(expected, Counted.Of(count, "entry", "entries"));

    [Fact]
    public void Grouped_SeparatesThousandsWhateverTheCulture() => Assert.Equal("12,345 links", Counted.Grouped(12_345, "link", "links"));
}
