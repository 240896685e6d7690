namespace Mnemo.Cli.Tests;

/// <summary><c>mnemo forget PATTERN</c> with each glob form, as a user types it.</summary>
[Trait("Issue", "14")]
public sealed class ForgetPatternCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("x/*", new[] { "x/a", "x/ab" })]
    [InlineData("x/?", new[] { "x/a" })]
    [InlineData("x/**", new[] { "x/a", "x/ab", "x/b/c" })]
    [InlineData("x/**/c", new[] { "x/b/c" })]
    [InlineData("a_b/*", new[] { "a_b/x" })]
    [InlineData("a.b/*", new[] { "a.b/x" })]
    public async Task Forget_Pattern_ForgetsTheKeysTheGlobMatches(string pattern, string[] expected)
    {
        foreach (var key in new[] { "x/a", "x/ab", "x/b/c", "aXb/x", "a_b/x", "a.b/x" })
        {
            Assert.Equal(0, (await _cli.RunAsync("store", key, key)).ExitCode);
        }

        var forgotten = await _cli.RunAsync("forget", pattern, "--json");

        Assert.Equal(0, forgotten.ExitCode);
        Assert.Equal(expected, forgotten.Json().GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory]
    [InlineData("x/[ab]*", '[')]
    [InlineData("x/%*", '%')]
    public async Task Forget_PatternWithACharacterNoKeyHas_ExitsOneNamingIt(string pattern, char offending)
    {
        await _cli.RunAsync("store", "x/a", "a");

        var result = await _cli.RunAsync("forget", pattern);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"mnemo: pattern '{pattern}' contains '{offending}' at position 2: use key characters (letters, digits, '/' and -_.:@) "
            + "with the wildcards * (within a segment), ** (across segments) and ? (one character)" + Environment.NewLine, result.Error);
    }
}
