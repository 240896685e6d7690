using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>
/// A relative time ("2h") counts back from the engine's clock, the one that stamps the entries, not the machine's: on a
/// clock years ahead of the machine's, "2h ago" is still after an entry written three hours before.
/// </summary>
[Trait("Issue", "14")]
public sealed class RelativeTimeClockTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task GetAsOf_Duration_CountsBackFromTheEnginesClock()
    {
        await RunAsync("store", "a/b", "written at nine");
        _clock.Advance(TimeSpan.FromHours(3));

        var (code, output, error) = await RunAsync("get", "a/b", "--as-of", "2h");

        Assert.True(code == 0, error);
        Assert.Contains("written at nine", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchUntil_Duration_CountsBackFromTheEnginesClock()
    {
        await RunAsync("store", "a/b", "written at nine");
        _clock.Advance(TimeSpan.FromHours(3));

        var (code, output, error) = await RunAsync("search", "written", "--until", "1h");

        Assert.True(code == 0, error);
        Assert.Contains("a/b", output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MnemoCli.RunAsync([.. args, "--db", _temp.File("memory.db")], output, error,
            name => name == "MNEMO_EMBEDDER" ? "builtin-hashing" : null, _clock, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
