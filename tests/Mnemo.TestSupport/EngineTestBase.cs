using Mnemo.Core;
using Mnemo.TestSupport;

namespace Mnemo.Sqlite.Tests.Engine;

/// <summary>Base for engine tests: a temp directory, a manual clock and an engine on a real SQLite file.</summary>
public abstract class EngineTestBase : IAsyncLifetime
{
    protected TempDirectory Temp { get; } = new();

    protected ManualClock Clock { get; } = new();

    protected MnemoEngine Engine { get; private set; } = null!;

    protected string DatabasePath => Temp.File("memory.db");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() => Engine = await OpenAsync();

    public virtual async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Temp.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<MnemoEngine> OpenAsync(Action<MnemoOptions>? configure = null) => TestEngines.OpenAsync(DatabasePath, Clock, configure);
}
