using Mnemo.Core;
using Mnemo.Core.Storage;
using Mnemo.TestSupport.Backends;

namespace Mnemo.TestSupport;

/// <summary>
/// Base for engine tests on any backend: a temp directory, a manual clock and an engine on the directory's store. Every
/// engine <see cref="OpenAsync"/> opens reaches the same store, as other processes on one database would.
/// </summary>
public abstract class EngineTestBase<TBackend> : IAsyncLifetime
    where TBackend : IStoreBackend
{
    protected TempDirectory Temp { get; } = new();

    protected ManualClock Clock { get; } = new();

    protected MnemoEngine Engine { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => Engine = await OpenAsync();

    public virtual async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await TBackend.RemoveStoresInAsync(Temp.Path);
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Another engine on the test's store, configured after the backend has set the store.</summary>
    protected Task<MnemoEngine> OpenAsync(Action<MnemoOptions>? configure = null) => OpenInAsync(Temp.Path, configure);

    /// <summary>An engine on a second, empty store of the test (one per <paramref name="name"/>), e.g. to import into.</summary>
    protected Task<MnemoEngine> OpenOtherStoreAsync(string name, Action<MnemoOptions>? configure = null) =>
        OpenInAsync(Directory.CreateDirectory(Temp.File(name)).FullName, configure);

    /// <summary>The test's store itself, without an engine, for what only the store contract shows.</summary>
    protected ValueTask<IMemoryStore> OpenStoreAsync()
    {
        var options = TBackend.UseStoreIn(new MnemoOptions { TimeProvider = Clock }, Temp.Path);
        return options.StoreFactory!(options, Ct);
    }

    private Task<MnemoEngine> OpenInAsync(string directory, Action<MnemoOptions>? configure)
    {
        var options = TBackend.UseStoreIn(new MnemoOptions { TimeProvider = Clock }, directory);
        configure?.Invoke(options);
        return MnemoEngine.OpenAsync(options, Ct);
    }
}
