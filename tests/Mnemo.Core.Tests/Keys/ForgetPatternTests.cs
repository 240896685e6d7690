using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Keys;

/// <summary>Each glob form against real keys in a store: what the README promises for forget.</summary>
[Trait("Issue", "14")]
public sealed class ForgetPatternTests : EngineTestBase
{
    private static readonly string[] s_keys =
    [
        "x", "x/a", "x/ab", "x/b/c", "x/b/d/e", "x/c", "xy/a", "a.b/x", "aXb/x", "a_b/x", "aYb/x",
    ];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var key in s_keys)
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = key }, Ct);
        }
    }

    [Theory]
    [InlineData("x/*", new[] { "x/a", "x/ab", "x/c" })]
    [InlineData("x/?", new[] { "x/a", "x/c" })]
    [InlineData("x/**", new[] { "x/a", "x/ab", "x/b/c", "x/b/d/e", "x/c" })]
    [InlineData("x/**/c", new[] { "x/b/c", "x/c" })]
    [InlineData("x/*/c", new[] { "x/b/c" })]
    [InlineData("a.b/*", new[] { "a.b/x" })]
    [InlineData("a_b/*", new[] { "a_b/x" })]
    public async Task Forget_Pattern_MatchesWhatTheGlobSays(string pattern, string[] expected)
    {
        var result = await Engine.ForgetAsync(pattern, cancellationToken: Ct);

        Assert.Equal(expected, result.Keys);
        var left = (await Engine.ListAsync(cancellationToken: Ct)).Entries.Select(e => e.Key);
        Assert.Equal(s_keys.Except(expected).Order(StringComparer.Ordinal), left);
    }

    [Fact]
    public async Task Forget_StarInFirstSegment_MatchesOnlyOneSegmentKeys()
    {
        var result = await Engine.ForgetAsync("x*", dryRun: true, cancellationToken: Ct);

        Assert.Equal(["x"], result.Keys);
    }

    [Theory]
    [InlineData("x/[ab]*")]
    [InlineData("x/%*")]
    public async Task Forget_PatternWithSqlWildcard_IsRefusedNamingTheCharacter(string pattern)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Engine.ForgetAsync(pattern, cancellationToken: Ct));

        Assert.Contains($"pattern '{pattern}' contains '{pattern[2]}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(s_keys.Length, (await Engine.ListAsync(cancellationToken: Ct)).Entries.Count);
    }
}
