using Mnemo.Core.Coordination;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

[Trait("Issue", "6")]
public abstract class LockEventTests<TBackend> : LockTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task AcquireReleaseAndExpiry_AreRecordedInTheChangeFeed()
    {
        var released = await Alice.AcquireLockAsync("project/a", cancellationToken: Ct);
        await Alice.ReleaseLockAsync(released.Token, Ct);
        var expired = await Alice.AcquireLockAsync("project/", isPrefix: true, lease: TimeSpan.FromSeconds(2), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(3));
        var taken = await Bob.AcquireLockAsync("project/b", LockMode.Shared, cancellationToken: Ct);

        var events = await ReadFeedAsync();

        Assert.Equal(
            [(FeedEventType.LockAcquired, "project/a", "alice"), (FeedEventType.LockReleased, "project/a", "alice"),
             (FeedEventType.LockAcquired, "project/", "alice"), (FeedEventType.LockReleased, "project/", "alice"),
             (FeedEventType.LockAcquired, "project/b", "bob")],
            events.Select(e => (e.Type, e.Key, e.Agent!)));
        Assert.Equal("released", events[1].Detail!.Value.GetProperty("reason").GetString());
        Assert.Equal("expired", events[3].Detail!.Value.GetProperty("reason").GetString());
        var prefixDetail = events[2].Detail!.Value;
        Assert.Equal(expired.Token, prefixDetail.GetProperty("token").GetInt64());
        Assert.Equal("exclusive", prefixDetail.GetProperty("mode").GetString());
        Assert.True(prefixDetail.GetProperty("prefix").GetBoolean());
        Assert.Equal(expired.ExpiresAt.ToUnixTimeMilliseconds(), prefixDetail.GetProperty("expires_at").GetInt64());
        Assert.Equal("shared", events[4].Detail!.Value.GetProperty("mode").GetString());
        Assert.Equal(taken.Token, events[4].Detail!.Value.GetProperty("token").GetInt64());
    }

    private async Task<IReadOnlyList<FeedEvent>> ReadFeedAsync()
    {
        await using var store = await OpenStoreAsync();
        return await store.ReadFeedAsync(0, "", 100, Ct);
    }
}
