using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Configuration;

/// <summary>An open engine's settings cannot change: it keeps a validated, frozen copy of the options it was given.</summary>
[Trait("Issue", "14")]
public sealed class EngineOptionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_CallerChangesTheOptionsAfterwards_EngineKeepsItsSettings()
    {
        var options = new MnemoOptions { MaxEntryBytes = 1024, Agent = "planner" }.UseSqlite(_temp.File("memory.db"));
        await using var engine = await MnemoEngine.OpenAsync(options, Ct);

        options.MaxEntryBytes = 1;
        options.Agent = "intruder";
        var stored = (await engine.StoreAsync(new MemoryWrite { Key = "notes/a", Text = "longer than one byte" }, Ct)).Entry;

        Assert.Equal("planner", stored.Agent);
        Assert.Equal(1024, engine.Options.MaxEntryBytes);
    }

    [Fact]
    public async Task Options_SetAProperty_ThrowsInvalidOperation()
    {
        await using var engine = await TestEngines.OpenAsync(_temp.File("memory.db"));

        var error = Assert.Throws<InvalidOperationException>(() => engine.Options.MaxEntryBytes = 1);

        Assert.Contains("MnemoOptions.MaxEntryBytes cannot change", error.Message, StringComparison.Ordinal);
        Assert.True(engine.Options.IsFrozen);
    }

    [Fact]
    public async Task OpenAsync_SameOptionsTwice_BothEnginesOpenAndTheCallersObjectStaysChangeable()
    {
        var options = new MnemoOptions().UseSqlite(_temp.File("memory.db"));
        await using var first = await MnemoEngine.OpenAsync(options, Ct);

        options.Agent = "second";
        await using var second = await MnemoEngine.OpenAsync(options, Ct);

        Assert.Null(first.Agent);
        Assert.Equal("second", second.Agent);
        Assert.False(options.IsFrozen);
    }

    [Fact]
    public async Task OpenAsync_InvalidOptions_ThrowsBeforeOpening()
    {
        var options = new MnemoOptions { MaxEntryBytes = 0 }.UseSqlite(_temp.File("memory.db"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MnemoEngine.OpenAsync(options, Ct));

        Assert.False(File.Exists(_temp.File("memory.db")));
    }

    public void Dispose() => _temp.Dispose();
}
