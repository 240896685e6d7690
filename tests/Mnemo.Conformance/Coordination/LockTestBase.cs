using Mnemo.Core;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>Two agents, alice and bob, with engines on the same database and the same manual clock.</summary>
public abstract class LockTestBase<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    protected MnemoEngine Alice { get; private set; } = null!;

    protected MnemoEngine Bob { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Alice = await OpenAsync(options => options.Agent = "alice");
        Bob = await OpenAsync(options => options.Agent = "bob");
    }

    public override async ValueTask DisposeAsync()
    {
        await Alice.DisposeAsync();
        await Bob.DisposeAsync();
        await base.DisposeAsync();
    }
}
