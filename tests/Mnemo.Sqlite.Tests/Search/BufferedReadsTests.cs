using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests.Search;

/// <summary>
/// Searches and walks along links count the reads their process has buffered, as a get does: what they show (and how
/// much use adds to a score) does not depend on whether the buffer was flushed yet, so a long-lived engine (the MCP
/// server) answers as a CLI command that flushed when it ended.
/// </summary>
[Trait("Issue", "14")]
public sealed class BufferedReadsTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly ManualClock _clock = new();
    private MnemoEngine _engine = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        // No flush during the test: the reads stay buffered.
        _engine = await TestEngines.OpenAsync(_temp.File("memory.db"), _clock, options => options.AccessFlushInterval = TimeSpan.FromHours(1));

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(SearchMode.Hybrid)]
    [InlineData(SearchMode.FullText)]
    [InlineData(SearchMode.Vector)]
    public async Task Search_AfterAGet_ShowsTheBufferedRead(SearchMode mode)
    {
        await _engine.StoreAsync(new MemoryWrite { Key = "notes/db", Text = "We chose PostgreSQL for the orders service" }, Ct);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var read = await _engine.GetAsync("notes/db", Ct);

        var hit = Assert.Single(await _engine.SearchAsync("PostgreSQL orders", new SearchFilter { Mode = mode }, Ct));

        Assert.Equal(1, hit.Entry.AccessCount);
        Assert.Equal(read!.AccessedAt, hit.Entry.AccessedAt);
    }

    [Fact]
    public async Task TextSearch_AfterAGet_ShowsTheBufferedRead()
    {
        await _engine.StoreAsync(new MemoryWrite { Key = "notes/db", Text = "We chose PostgreSQL for the orders service" }, Ct);
        await _engine.GetAsync("notes/db", Ct);
        await _engine.GetAsync("notes/db", Ct);

        var hit = Assert.Single(await _engine.FullTextSearchAsync("PostgreSQL", cancellationToken: Ct));

        Assert.Equal(2, hit.Entry.AccessCount);
    }

    [Fact]
    public async Task Neighbors_AfterAGet_ShowTheBufferedRead()
    {
        await _engine.StoreAsync(new MemoryWrite { Key = "p/bug", Text = "checkout fails" }, Ct);
        await _engine.StoreAsync(new MemoryWrite { Key = "p/fix", Text = "retry the payment call" }, Ct);
        await _engine.LinkAsync("p/fix", "p/bug", "fixes", cancellationToken: Ct);
        await _engine.GetAsync("p/bug", Ct);

        var neighbor = Assert.Single(await _engine.GetNeighborsAsync("p/fix", cancellationToken: Ct));

        Assert.Equal(1, neighbor.Entry.AccessCount);
    }
}
