using Mnemo.Core.Keys;

namespace Mnemo.Core.Tests.Keys;

public sealed class KeyPatternTests
{
    [Theory]
    [InlineData("session-1/*", "session-1/a", true)]
    [InlineData("session-1/*", "session-1/a/b", true)]
    [InlineData("session-1/*", "session-10/a", false)]
    [InlineData("session-1/*", "session-1", false)]
    [InlineData("session-*/scratch", "session-7/scratch", true)]
    [InlineData("session-*/scratch", "session-7/other", false)]
    [InlineData("a/*/c", "a/b/c", true)]
    [InlineData("a/*/c", "a/b/x/c", false)]
    [InlineData("a/**/c", "a/b/x/c", true)]
    [InlineData("a/?", "a/b", true)]
    [InlineData("a/?", "a/bc", false)]
    public void IsMatch_FollowsGlobRulesAndTakesDescendants(string pattern, string key, bool expected) =>
        Assert.Equal(expected, KeyPattern.Parse(pattern).IsMatch(key));

    [Fact]
    public void LiteralPrefix_IsThePartBeforeTheFirstWildcard() =>
        Assert.Equal("session-", KeyPattern.Parse("session-*/x").LiteralPrefix);

    [Fact]
    public void Parse_CharacterNoKeyCanHave_Throws() =>
        Assert.Throws<ArgumentException>(() => KeyPattern.Parse("a b/*"));

    [Theory]
    [InlineData("a/*", true)]
    [InlineData("a/?", true)]
    [InlineData("a/b", false)]
    public void IsPattern_DetectsWildcards(string text, bool expected) => Assert.Equal(expected, KeyPattern.IsPattern(text));
}
