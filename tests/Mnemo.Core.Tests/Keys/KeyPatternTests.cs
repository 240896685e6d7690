using Mnemo.Core.Keys;

namespace Mnemo.Core.Tests.Keys;

public sealed class KeyPatternTests
{
    [Theory]
    [Trait("Issue", "14")]
    [InlineData("session-1/*", "session-1/a", true)]
    [InlineData("session-1/*", "session-1/a/b", false)]
    [InlineData("session-1/*", "session-10/a", false)]
    [InlineData("session-1/*", "session-1", false)]
    [InlineData("session-*/scratch", "session-7/scratch", true)]
    [InlineData("session-*/scratch", "session-7/other", false)]
    [InlineData("session-*/scratch", "session-7/x/scratch", false)]
    [InlineData("a/*/c", "a/b/c", true)]
    [InlineData("a/*/c", "a/b/x/c", false)]
    [InlineData("a/?", "a/b", true)]
    [InlineData("a/?", "a/bc", false)]
    [InlineData("a/?", "a/b/c", false)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("a*", "a/b", false)]
    public void IsMatch_SingleStarAndQuestionMark_StayWithinASegment(string pattern, string key, bool expected) =>
        Assert.Equal(expected, KeyPattern.Parse(pattern).IsMatch(key));

    [Theory]
    [Trait("Issue", "14")]
    [InlineData("x/**", "x/a", true)]
    [InlineData("x/**", "x/b/c", true)]
    [InlineData("x/**", "x", false)]
    [InlineData("x/**", "xy/a", false)]
    [InlineData("a/**/c", "a/b/x/c", true)]
    [InlineData("a/**/c", "a/b/c", true)]
    [InlineData("a/**/c", "a/c", true)]
    [InlineData("a/**/c", "a/bc", false)]
    [InlineData("a/**/c", "a/b/c/d", false)]
    [InlineData("**/c", "c", true)]
    [InlineData("**/c", "a/b/c", true)]
    [InlineData("**/c", "a/bc", false)]
    [InlineData("a**", "a/b/c", true)]
    [InlineData("a/**c", "a/b/xc", true)]
    public void IsMatch_DoubleStar_CrossesSegments(string pattern, string key, bool expected) =>
        Assert.Equal(expected, KeyPattern.Parse(pattern).IsMatch(key));

    [Theory]
    [Trait("Issue", "14")]
    [InlineData("a.b/*", "a.b/x", true)]
    [InlineData("a.b/*", "aXb/x", false)]
    [InlineData("a_b/*", "a_b/x", true)]
    [InlineData("a_b/*", "aXb/x", false)]
    [InlineData("a-b:c@d/?", "a-b:c@d/x", true)]
    public void IsMatch_KeyCharacters_AreLiteral(string pattern, string key, bool expected) =>
        Assert.Equal(expected, KeyPattern.Parse(pattern).IsMatch(key));

    [Fact]
    public void LiteralPrefix_IsThePartBeforeTheFirstWildcard() =>
        Assert.Equal("session-", KeyPattern.Parse("session-*/x").LiteralPrefix);

    [Theory]
    [InlineData("a b/*")]
    [InlineData("a/[bc]*")]
    [InlineData("a/%")]
    [InlineData("a/\\*")]
    public void Parse_CharacterNoKeyCanHave_ThrowsNamingIt(string pattern)
    {
        var error = Assert.Throws<ArgumentException>(() => KeyPattern.Parse(pattern));

        Assert.Contains($"pattern '{pattern}' contains", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/*", true)]
    [InlineData("a/?", true)]
    [InlineData("a/b", false)]
    public void IsPattern_DetectsWildcards(string text, bool expected) => Assert.Equal(expected, KeyPattern.IsPattern(text));
}
