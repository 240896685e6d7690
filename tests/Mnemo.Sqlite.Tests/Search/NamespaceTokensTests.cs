using Mnemo.Sqlite.Search;

namespace Mnemo.Sqlite.Tests.Search;

public sealed class NamespaceTokensTests
{
    [Fact]
    public void Of_Key_HasOneDigitTokenPerWholeSegmentPrefix()
    {
        var tokens = NamespaceTokens.Of("team/alice/notes").Split(' ');

        Assert.Equal([NamespaceTokens.For("team/")!, NamespaceTokens.For("team/alice/")!], tokens);
        Assert.All(tokens, token => Assert.True(token.All(char.IsAsciiDigit), token));
    }

    [Fact]
    public void For_PrefixCutInsideASegment_UsesItsWholeSegments() =>
        Assert.Equal(NamespaceTokens.For("conv/"), NamespaceTokens.For("conv/4"));

    [Theory]
    [InlineData("")]
    [InlineData("conv")]
    public void For_PrefixWithoutWholeSegment_NarrowsNothing(string prefix) => Assert.Null(NamespaceTokens.For(prefix));

    [Fact]
    public void For_NamespacesThatLookAlikeAsWords_HaveDifferentTokens() =>
        Assert.NotEqual(NamespaceTokens.For("a-b/c/"), NamespaceTokens.For("a/b-c/"));

    [Fact]
    public void Of_KeyWithoutSlash_IsEmpty() => Assert.Equal("", NamespaceTokens.Of("top-level"));
}
