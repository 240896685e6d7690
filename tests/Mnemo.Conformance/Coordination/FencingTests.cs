using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

[Trait("Issue", "6")]
public abstract class FencingTests<TBackend> : LockTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task Store_WithLiveExclusiveToken_Writes()
    {
        var lease = await Alice.AcquireLockAsync("project/", isPrefix: true, cancellationToken: Ct);

        var entry = (await Alice.StoreAsync(Write("project/plan", "v1", lease.Token), Ct)).Entry;

        Assert.Equal(1, entry.Version);
    }

    [Fact]
    public async Task Store_WithTokenWhoseLeaseEnded_FailsAsStaleAndWritesNothing()
    {
        var old = await Alice.AcquireLockAsync("project/plan", lease: TimeSpan.FromSeconds(5), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(6));
        var current = await Bob.AcquireLockAsync("project/plan", timeout: TimeSpan.Zero, cancellationToken: Ct);
        await Bob.StoreAsync(Write("project/plan", "bob's", current.Token), Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.StoreAsync(Write("project/plan", "alice's late write", old.Token), Ct));

        Assert.Equal(MnemoErrorCode.StaleFencingToken, error.ErrorCode);
        Assert.Contains($"fencing token {old.Token}", error.Message, StringComparison.Ordinal);
        Assert.Equal("bob's", (await Engine.GetAsync("project/plan", Ct))!.Text);
    }

    [Fact]
    public async Task Store_WithReleasedToken_FailsAsStale()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);
        await Alice.ReleaseLockAsync(lease.Token, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.StoreAsync(Write("project/plan", "late", lease.Token), Ct));

        Assert.Equal(MnemoErrorCode.StaleFencingToken, error.ErrorCode);
    }

    [Fact]
    public async Task Store_WithSharedLockToken_FailsAsStale()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", LockMode.Shared, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.StoreAsync(Write("project/plan", "x", lease.Token), Ct));

        Assert.Equal(MnemoErrorCode.StaleFencingToken, error.ErrorCode);
        Assert.Contains("shared lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_WithTokenOfAnotherKey_FailsAsStale()
    {
        var lease = await Alice.AcquireLockAsync("project/a", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.StoreAsync(Write("project/b", "x", lease.Token), Ct));

        Assert.Equal(MnemoErrorCode.StaleFencingToken, error.ErrorCode);
        Assert.Contains("does not cover 'project/b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_WithoutTokenUnderAnothersExclusiveLock_FailsNamingHolderAndLeaseEndButNotTheToken()
    {
        var lease = await Alice.AcquireLockAsync("project/", isPrefix: true, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Bob.StoreAsync(Write("project/plan", "x", token: null), Ct));

        Assert.Equal(MnemoErrorCode.LockNotHeld, error.ErrorCode);
        Assert.Contains("'project/plan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("agent 'alice'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch($@"(token|lock|fence) {lease.Token}\b", error.Message);
        Assert.Contains(Core.Time.Timestamps.Format(lease.ExpiresAt), error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("project/plan", Ct));
    }

    [Fact]
    public async Task Store_WithAnotherAgentsLiveToken_IsRefusedAndWritesNothing()
    {
        var lease = await Alice.AcquireLockAsync("project/", isPrefix: true, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Bob.StoreAsync(Write("project/plan", "bob's", lease.Token), Ct));

        Assert.Equal(MnemoErrorCode.LockNotHeld, error.ErrorCode);
        Assert.Contains("agent 'bob'", error.Message, StringComparison.Ordinal);
        Assert.Contains("held by agent 'alice'", error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetAsync("project/plan", Ct));
    }

    [Fact]
    public async Task Forget_WithAnotherAgentsLiveToken_IsRefusedAndKeepsTheEntry()
    {
        await Alice.StoreAsync(Write("project/plan", "alice's", token: null), Ct);
        var lease = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Bob.ForgetAsync("project/plan", fencingToken: lease.Token, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.LockNotHeld, error.ErrorCode);
        Assert.Equal("alice's", (await Engine.GetAsync("project/plan", Ct))!.Text);
    }

    [Fact]
    public async Task Store_WithoutTokenUnderSharedLockOrEndedLease_Writes()
    {
        await Alice.AcquireLockAsync("project/a", LockMode.Shared, cancellationToken: Ct);
        await Alice.AcquireLockAsync("project/b", lease: TimeSpan.FromSeconds(1), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(2));

        await Bob.StoreAsync(Write("project/a", "x", token: null), Ct);
        await Bob.StoreAsync(Write("project/b", "x", token: null), Ct);

        Assert.NotNull(await Engine.GetAsync("project/b", Ct));
    }

    [Fact]
    public async Task Forget_UnderAnothersExclusiveLock_NeedsTheToken()
    {
        await Bob.StoreAsync(Write("project/plan", "x", token: null), Ct);
        var lease = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<MnemoException>(() => Bob.ForgetAsync("project/plan", cancellationToken: Ct));
        var forgotten = await Alice.ForgetAsync("project/plan", fencingToken: lease.Token, cancellationToken: Ct);

        Assert.Equal(MnemoErrorCode.LockNotHeld, refused.ErrorCode);
        Assert.Equal(["project/plan"], forgotten.Keys);
    }

    [Fact]
    public async Task Forget_WithStaleToken_FailsAsStale()
    {
        await Bob.StoreAsync(Write("project/plan", "x", token: null), Ct);
        var lease = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);
        await Alice.ReleaseLockAsync(lease.Token, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.ForgetAsync("project/plan", fencingToken: lease.Token, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.StaleFencingToken, error.ErrorCode);
    }

    private static MemoryWrite Write(string key, string text, long? token) => new() { Key = key, Text = text, FencingToken = token };
}
