using Microsoft.Extensions.DependencyInjection;
using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests.DependencyInjection;

[Trait("Issue", "14")]
public sealed class AddMnemoTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddMnemo_UseSqlite_ResolvesOneEngineThatStoresAndGets()
    {
        var services = new ServiceCollection();
        services.AddMnemo(options => options.Agent = "planner").UseSqlite(_temp.File("memory.db"));
        await using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<MnemoEngine>();
        await engine.StoreAsync(new MemoryWrite { Key = "project/db", Text = "We chose SQLite" }, Ct);
        var entry = await engine.GetAsync("project/db", Ct);

        Assert.Same(engine, provider.GetRequiredService<MnemoEngine>());
        Assert.Equal("We chose SQLite", entry!.Text);
        Assert.Equal("planner", entry.Agent);
        Assert.Equal(_temp.File("memory.db"), engine.Location);
    }

    [Fact]
    public async Task AddMnemo_Options_AreTheEnginesFrozenOptions()
    {
        var services = new ServiceCollection();
        services.AddMnemo(options => options.MaxEntryBytes = 4096).UseSqlite(_temp.File("memory.db"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<MnemoOptions>();

        Assert.True(options.IsFrozen);
        Assert.Equal(4096, options.MaxEntryBytes);
        Assert.Same(options, provider.GetRequiredService<MnemoEngine>().Options);
    }

    [Fact]
    public async Task DisposeAsync_OfTheProvider_DisposesTheEngine()
    {
        var services = new ServiceCollection();
        services.AddMnemo().UseSqlite(_temp.File("memory.db"));
        var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<MnemoEngine>();

        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await engine.GetAsync("project/db", Ct));
    }

    [Fact]
    public async Task AddMnemo_EngineRegisteredBefore_KeepsThatRegistration()
    {
        await using var own = await TestEngines.OpenAsync(_temp.File("own.db"));
        var services = new ServiceCollection();
        services.AddSingleton(own);

        services.AddMnemo().UseSqlite(_temp.File("memory.db"));
        await using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<MnemoEngine>());
    }

    [Fact]
    public async Task AddMnemo_UseSqliteWithoutPath_TakesTheConfiguredDatabasePath()
    {
        var services = new ServiceCollection();
        services.AddMnemo(options => options.DatabasePath = _temp.File("configured.db")).UseSqlite();
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(_temp.File("configured.db"), provider.GetRequiredService<MnemoEngine>().Location);
    }

    [Fact]
    public async Task AddMnemo_NoStoreChosen_ResolvingTheEngineSaysToChooseOne()
    {
        var services = new ServiceCollection();
        services.AddMnemo();
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<MnemoEngine>());

        Assert.Contains("UseSqlite", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
