using Mnemo.Core.Keys;

namespace Mnemo.Core.Tests.Keys;

public sealed class MemoryKeyTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("swarm-abc/agent-worker1/state")]
    [InlineData("global/knowledge/optimization_strategies")]
    [InlineData("user@example.com/prefs:v2")]
    [InlineData("ünïcode/ключ/键")]
    public void Check_ValidKeys_ReturnsNull(string key) => Assert.Null(MemoryKey.Check(key));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/a", "empty segment")]
    [InlineData("a/", "empty segment")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a b", "' '")]
    [InlineData("a/b*", "'*'")]
    [InlineData("a\\b", "'\\'")]
    public void Check_InvalidKeys_NamesTheProblem(string key, string expected)
    {
        var problem = MemoryKey.Check(key);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_255Characters_IsTheLongestAccepted()
    {
        Assert.Null(MemoryKey.Check(new string('k', 255)));
        Assert.Contains("255", MemoryKey.Check(new string('k', 256)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a", "")]
    [InlineData("a/b", "a")]
    [InlineData("swarm-abc/agent-worker1/state", "swarm-abc/agent-worker1")]
    public void GetNamespace_IsEverythingBeforeTheLastSegment(string key, string expected) =>
        Assert.Equal(expected, MemoryKey.GetNamespace(key));
}
