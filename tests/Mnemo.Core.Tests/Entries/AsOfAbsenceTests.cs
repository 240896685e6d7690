using Mnemo.Core.Time;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Entries;

/// <summary>A read at a past time that finds nothing says why: not created yet, forgotten, expired, erased, never written.</summary>
[Trait("Issue", "14")]
public sealed class AsOfAbsenceTests : EngineTestBase
{
    [Fact]
    public async Task ExplainMissingAsOf_BeforeTheKeyWasCreated_SaysWhenItWas()
    {
        Clock.Advance(TimeSpan.FromHours(2));
        var created = Clock.GetUtcNow();
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var asOf = Clock.GetUtcNow() - TimeSpan.FromHours(2);

        var error = await ExplainAsync("a/b", asOf);

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Equal($"no entry 'a/b' at {Timestamps.Format(asOf)}: the key did not exist yet; it was created at {Timestamps.Format(created)}, "
            + "1 hour 55 minutes later", error.Message);
    }

    [Fact]
    public async Task ExplainMissingAsOf_AfterItWasForgotten_SaysWhenAndWhenItCameBack()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var forgotten = Clock.GetUtcNow();
        await Engine.ForgetAsync("a/b", cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var asOf = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var rewritten = Clock.GetUtcNow();
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "y" }, Ct);

        var error = await ExplainAsync("a/b", asOf);

        Assert.Equal($"no entry 'a/b' at {Timestamps.Format(asOf)}: the key was forgotten at {Timestamps.Format(forgotten)}; "
            + $"it was written again at {Timestamps.Format(rewritten)}", error.Message);
    }

    [Fact]
    public async Task ExplainMissingAsOf_AfterItsTimeToLive_SaysWhenItExpired()
    {
        var written = Clock.GetUtcNow();
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x", TimeToLive = TimeSpan.FromMinutes(1) }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var error = await ExplainAsync("a/b", Clock.GetUtcNow());

        Assert.EndsWith($": the entry had expired at {Timestamps.Format(written + TimeSpan.FromMinutes(1))}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainMissingAsOf_HistoryErased_SaysTheVersionsWereErased()
    {
        var before = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var forgotten = Clock.GetUtcNow();
        await Engine.ForgetAsync("a/b", purgeHistory: true, cancellationToken: Ct);

        var error = await ExplainAsync("a/b", before);

        Assert.EndsWith($": its versions before {Timestamps.Format(forgotten)} were erased with its history", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainMissingAsOf_KeyNeverWritten_SaysSo()
    {
        var error = await ExplainAsync("no/such", Clock.GetUtcNow());

        Assert.EndsWith(": the key was never written", error.Message, StringComparison.Ordinal);
    }

    private async Task<MnemoException> ExplainAsync(string key, DateTimeOffset asOf)
    {
        Assert.Null(await Engine.GetAsOfAsync(key, asOf, Ct));
        return await Engine.ExplainMissingAsOfAsync(key, asOf, Ct);
    }
}
