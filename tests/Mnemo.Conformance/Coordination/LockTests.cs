using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

[Trait("Issue", "6")]
public abstract class LockTests<TBackend> : LockTestBase<TBackend>
    where TBackend : IStoreBackend
{
    private static readonly TimeSpan s_noWait = TimeSpan.Zero;

    [Fact]
    public async Task Acquire_FreeKey_ReturnsLeaseWithTokenAndEnd()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", lease: TimeSpan.FromSeconds(30), cancellationToken: Ct);

        Assert.True(lease.Token > 0);
        Assert.Equal("project/plan", lease.Resource);
        Assert.False(lease.IsPrefix);
        Assert.Equal(LockMode.Exclusive, lease.Mode);
        Assert.Equal("alice", lease.Agent);
        Assert.Equal(Clock.GetUtcNow(), lease.AcquiredAt);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(30), lease.ExpiresAt);
    }

    [Fact]
    public async Task Acquire_SharedBesideShared_BothGranted()
    {
        var first = await Alice.AcquireLockAsync("docs/spec", LockMode.Shared, cancellationToken: Ct);
        var second = await Bob.AcquireLockAsync("docs/spec", LockMode.Shared, timeout: s_noWait, cancellationToken: Ct);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(2, (await Engine.ListLocksAsync(cancellationToken: Ct)).Count);
    }

    [Theory]
    [InlineData(LockMode.Shared, LockMode.Exclusive)]
    [InlineData(LockMode.Exclusive, LockMode.Shared)]
    [InlineData(LockMode.Exclusive, LockMode.Exclusive)]
    public async Task Acquire_IncompatibleModes_TimesOut(LockMode held, LockMode wanted)
    {
        await Alice.AcquireLockAsync("docs/spec", held, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Bob.AcquireLockAsync("docs/spec", wanted, timeout: s_noWait, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.LockTimeout, error.ErrorCode);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData("a/b", false, "a/b", false, true)]
    [InlineData("a/b", false, "a/c", false, false)]
    [InlineData("a/", true, "a/b/c", false, true)]
    [InlineData("a/b/c", false, "a/", true, true)]
    [InlineData("a/", true, "a/b/", true, true)]
    [InlineData("a/b/", true, "a/", true, true)]
    [InlineData("a/", true, "b/", true, false)]
    [InlineData("a/", true, "a", false, false)]
    [InlineData("a/b", true, "a/bc", false, true)]
    public async Task Acquire_ExclusiveOnResources_ConflictsExactlyWhenTheyOverlap(
        string heldResource, bool heldIsPrefix, string wantedResource, bool wantedIsPrefix, bool overlaps)
    {
        await Alice.AcquireLockAsync(heldResource, isPrefix: heldIsPrefix, cancellationToken: Ct);

        var attempt = Record.ExceptionAsync(() => Bob.AcquireLockAsync(wantedResource, isPrefix: wantedIsPrefix, timeout: s_noWait, cancellationToken: Ct));
        var error = await attempt;

        Assert.Equal(overlaps, LockResource.Overlaps(heldResource, heldIsPrefix, wantedResource, wantedIsPrefix));
        Assert.Equal(overlaps, error is MnemoException { ErrorCode: MnemoErrorCode.LockTimeout });
        Assert.True(overlaps || error is null, error?.Message);
    }

    [Fact]
    public async Task Acquire_HeldLock_TimeoutMessageNamesHolderAndLeaseEndButNotTheToken()
    {
        var held = await Alice.AcquireLockAsync("project/plan", lease: TimeSpan.FromMinutes(1), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() =>
            Bob.AcquireLockAsync("project/plan", timeout: TimeSpan.FromMilliseconds(50), cancellationToken: Ct));

        Assert.Contains("'project/plan'", error.Message, StringComparison.Ordinal);
        Assert.Contains("agent 'alice'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch($@"(token|lock|fence) {held.Token}\b", error.Message);
        Assert.Contains(Core.Time.Timestamps.Format(held.ExpiresAt), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_AfterLeaseEnds_IsGrantedWithLargerToken()
    {
        var first = await Alice.AcquireLockAsync("project/plan", lease: TimeSpan.FromSeconds(5), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(5));

        var second = await Bob.AcquireLockAsync("project/plan", timeout: s_noWait, cancellationToken: Ct);

        Assert.True(second.Token > first.Token);
        Assert.Equal("bob", Assert.Single(await Engine.ListLocksAsync(cancellationToken: Ct)).Agent);
    }

    [Fact]
    public async Task Acquire_WaitingForRelease_GetsTheLockOnceReleased()
    {
        var held = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);
        var waiting = Bob.AcquireLockAsync("project/plan", timeout: TimeSpan.FromSeconds(30), cancellationToken: Ct);

        await Alice.ReleaseLockAsync(held.Token, Ct);

        Assert.Equal("bob", (await waiting).Agent);
    }

    [Fact]
    public async Task Renew_LiveLease_ExtendsFromNow()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", lease: TimeSpan.FromSeconds(10), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(8));

        var renewed = await Alice.RenewLockAsync(lease.Token, TimeSpan.FromSeconds(10), Ct);
        Clock.Advance(TimeSpan.FromSeconds(8));

        Assert.Equal(Clock.GetUtcNow().AddSeconds(2), renewed.ExpiresAt);
        await Assert.ThrowsAsync<MnemoException>(() => Bob.AcquireLockAsync("project/plan", timeout: s_noWait, cancellationToken: Ct));
    }

    [Fact]
    public async Task Renew_EndedLease_FailsWithLockNotHeld()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", lease: TimeSpan.FromSeconds(10), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(11));

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.RenewLockAsync(lease.Token, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.LockNotHeld, error.ErrorCode);
        Assert.Contains("lease ended", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Engine.ListLocksAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task RenewAndRelease_ByAnotherAgent_FailWithLockNotHeldAndKeepTheLock()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);

        var renew = await Assert.ThrowsAsync<MnemoException>(() => Bob.RenewLockAsync(lease.Token, cancellationToken: Ct));
        var release = await Assert.ThrowsAsync<MnemoException>(() => Bob.ReleaseLockAsync(lease.Token, Ct));
        var anonymous = await Assert.ThrowsAsync<MnemoException>(() => Engine.ReleaseLockAsync(lease.Token, Ct));

        Assert.Equal(MnemoErrorCode.LockNotHeld, renew.ErrorCode);
        Assert.Equal(MnemoErrorCode.LockNotHeld, release.ErrorCode);
        Assert.Equal(MnemoErrorCode.LockNotHeld, anonymous.ErrorCode);
        Assert.Contains("held by agent 'alice', not by agent 'bob'", release.Message, StringComparison.Ordinal);
        Assert.Equal(lease.Token, Assert.Single(await Engine.ListLocksAsync(cancellationToken: Ct)).Token);
    }

    [Fact]
    public async Task Release_Twice_SecondFailsWithLockNotHeld()
    {
        var lease = await Alice.AcquireLockAsync("project/plan", cancellationToken: Ct);
        await Alice.ReleaseLockAsync(lease.Token, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Alice.ReleaseLockAsync(lease.Token, Ct));

        Assert.Equal(MnemoErrorCode.LockNotHeld, error.ErrorCode);
    }

    [Fact]
    public async Task List_WithPrefix_ReturnsOnlyLiveLocksUnderIt()
    {
        await Alice.AcquireLockAsync("project/a", cancellationToken: Ct);
        await Alice.AcquireLockAsync("project/b", lease: TimeSpan.FromSeconds(1), cancellationToken: Ct);
        await Alice.AcquireLockAsync("other/c", cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(2));

        var locks = await Engine.ListLocksAsync("project/", Ct);

        Assert.Equal(["project/a"], locks.Select(l => l.Resource));
    }

    [Fact]
    public async Task Acquire_UnderAccessRules_SharedNeedsReadAndExclusiveNeedsWrite()
    {
        await Alice.GrantAsync("alice", "", AccessRight.Admin, Ct);
        await Alice.GrantAsync("bob", "project/", AccessRight.Read, Ct);

        var shared = await Bob.AcquireLockAsync("project/plan", LockMode.Shared, timeout: s_noWait, cancellationToken: Ct);
        var exclusive = await Assert.ThrowsAsync<MnemoException>(() => Bob.AcquireLockAsync("project/other", timeout: s_noWait, cancellationToken: Ct));

        Assert.Equal(LockMode.Shared, shared.Mode);
        Assert.Equal(MnemoErrorCode.AccessDenied, exclusive.ErrorCode);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a//b", false)]
    [InlineData("a/", false)]
    [InlineData("/", true)]
    [InlineData("a b/", true)]
    public async Task Acquire_InvalidResource_ThrowsArgumentException(string resource, bool isPrefix) =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Alice.AcquireLockAsync(resource, isPrefix: isPrefix, cancellationToken: Ct));

    [Theory]
    [InlineData(0.5)]
    [InlineData(86_401)]
    public async Task Acquire_LeaseOutOfRange_ThrowsArgumentOutOfRange(double seconds)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Alice.AcquireLockAsync("a/b", lease: TimeSpan.FromSeconds(seconds), cancellationToken: Ct));

        Assert.Contains("e.g. 30s", error.Message, StringComparison.Ordinal);
    }
}
