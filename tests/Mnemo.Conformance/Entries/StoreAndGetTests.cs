using System.Text.Json;
using Mnemo.Core;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Entries;

public abstract class StoreAndGetTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    [Fact]
    public async Task Store_NewKey_CreatesVersionOneWithEveryField()
    {
        var entry = (await Engine.StoreAsync(new MemoryWrite
        {
            Key = "project/decisions/db",
            Text = "We chose SQLite",
            Value = JsonDocument.Parse("""{"choice":"sqlite","score":3}""").RootElement,
            Kind = "decision",
            Tags = ["db", "architecture", "db"],
            Metadata = JsonDocument.Parse("""{"source":"chat"}""").RootElement,
            Importance = 0.8,
            Agent = "planner",
        }, Ct)).Entry;

        var read = await Engine.GetAsync("project/decisions/db", Ct);

        Assert.Equal(1, entry.Version);
        Assert.NotNull(read);
        Assert.Equal("We chose SQLite", read.Text);
        Assert.Equal("project/decisions", read.Namespace);
        Assert.Equal("""{"choice":"sqlite","score":3}""", read.Value!.Value.GetRawText());
        Assert.Equal("decision", read.Kind);
        Assert.Equal(["db", "architecture"], read.Tags);
        Assert.Equal("""{"source":"chat"}""", read.Metadata!.Value.GetRawText());
        Assert.Equal(0.8, read.Importance);
        Assert.Equal("planner", read.Agent);
        Assert.Equal(Clock.GetUtcNow(), read.CreatedAt);
    }

    [Fact]
    public async Task Store_ExistingKey_IncrementsVersionAndKeepsCreationTime()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        var created = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(5));

        var second = (await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "two" }, Ct)).Entry;

        Assert.Equal(2, second.Version);
        Assert.Equal(created, second.CreatedAt);
        Assert.Equal(Clock.GetUtcNow(), second.UpdatedAt);
    }

    [Fact]
    public async Task Store_ExpectedVersionMismatch_ThrowsConflictAndChangesNothing()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "two" }, Ct);

        var conflict = await Assert.ThrowsAsync<MnemoConflictException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "stale", ExpectedVersion = 1 }, Ct));

        Assert.Equal(MnemoErrorCode.VersionConflict, conflict.ErrorCode);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal("two", (await Engine.GetAsync("a/b", Ct))!.Text);
        Assert.Equal(2, (await Engine.GetHistoryAsync("a/b", Ct)).Count);
    }

    [Fact]
    public async Task Store_ExpectVersionZeroWhenKeyExists_Conflicts()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);

        await Assert.ThrowsAsync<MnemoConflictException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x", ExpectedVersion = 0 }, Ct));
    }

    [Fact]
    public async Task Store_ExpectVersionZeroWhenKeyMissing_Creates()
    {
        var entry = (await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one", ExpectedVersion = 0 }, Ct)).Entry;

        Assert.Equal(1, entry.Version);
    }

    [Fact]
    public async Task StoreMany_OneWriteConflicts_WritesNoneOfTheBatch()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/existing", Text = "one" }, Ct);

        await Assert.ThrowsAsync<MnemoConflictException>(() => Engine.StoreManyAsync(
        [
            new MemoryWrite { Key = "a/new-1", Text = "x" },
            new MemoryWrite { Key = "a/existing", Text = "y", ExpectedVersion = 7 },
            new MemoryWrite { Key = "a/new-2", Text = "z" },
        ], Ct));

        Assert.Null(await Engine.GetAsync("a/new-1", Ct));
        Assert.Null(await Engine.GetAsync("a/new-2", Ct));
        Assert.Equal("one", (await Engine.GetAsync("a/existing", Ct))!.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/leading")]
    [InlineData("trailing/")]
    [InlineData("double//slash")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("star*")]
    public async Task Store_InvalidKey_ThrowsArgumentExceptionNamingTheKey(string key)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Engine.StoreAsync(new MemoryWrite { Key = key, Text = "x" }, Ct));

        Assert.Contains("key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_KeyLongerThan255_IsRejected()
    {
        var key = "a/" + new string('x', 254);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Engine.StoreAsync(new MemoryWrite { Key = key, Text = "x" }, Ct));
    }

    [Fact]
    public async Task Store_EntryOverLimit_ThrowsEntryTooLargeAndWritesNothing()
    {
        await using var small = await OpenAsync(options => options.MaxEntryBytes = 100);

        var error = await Assert.ThrowsAsync<MnemoException>(() =>
            small.StoreAsync(new MemoryWrite { Key = "a/big", Text = new string('x', 101) }, Ct));

        Assert.Equal(MnemoErrorCode.EntryTooLarge, error.ErrorCode);
        Assert.Contains("a/big", error.Message, StringComparison.Ordinal);
        Assert.Null(await small.GetAsync("a/big", Ct));
    }

    [Fact]
    public async Task Store_MetadataNotAnObject_IsRejected()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Engine.StoreAsync(
            new MemoryWrite { Key = "a/b", Text = "x", Metadata = JsonDocument.Parse("[1,2]").RootElement }, Ct));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public async Task Store_ImportanceOutsideZeroToOne_IsRejected(double importance)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x", Importance = importance }, Ct));
    }

    [Theory]
    [InlineData("Decision")]
    [InlineData("two words")]
    [InlineData("1abc")]
    public async Task Store_KindNotAShortWord_IsRejected(string kind)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "x", Kind = kind }, Ct));
    }

    [Fact]
    public async Task Get_AfterTimeToLiveEnds_ReturnsNullAtOnce()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "session/scratch", Text = "temp", TimeToLive = TimeSpan.FromHours(2) }, Ct);
        Assert.NotNull(await Engine.GetAsync("session/scratch", Ct));

        Clock.Advance(TimeSpan.FromHours(2));

        Assert.Null(await Engine.GetAsync("session/scratch", Ct));
        Assert.Empty((await Engine.ListAsync("session/", cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task GetAsOf_PastTimes_ReturnTheVersionVisibleThen()
    {
        var beforeCreation = Clock.GetUtcNow() - TimeSpan.FromSeconds(1);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        var afterFirst = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "two" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Engine.ForgetAsync("a/b", cancellationToken: Ct);
        var afterForget = Clock.GetUtcNow();

        Assert.Null(await Engine.GetAsOfAsync("a/b", beforeCreation, Ct));
        Assert.Equal("one", (await Engine.GetAsOfAsync("a/b", afterFirst, Ct))!.Text);
        Assert.Equal("two", (await Engine.GetAsOfAsync("a/b", afterForget - TimeSpan.FromSeconds(1), Ct))!.Text);
        Assert.Null(await Engine.GetAsOfAsync("a/b", afterForget, Ct));
    }

    [Fact]
    public async Task GetVersion_EarlierVersion_ReturnsItsContent()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "two" }, Ct);

        Assert.Equal("one", (await Engine.GetVersionAsync("a/b", 1, Ct))!.Text);
        Assert.Null(await Engine.GetVersionAsync("a/b", 3, Ct));
    }

    [Fact]
    public async Task Get_CountsReadsAndTheirTime_OnceFlushed()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Engine.GetAsync("a/b", Ct);
        await Engine.GetAsync("a/b", Ct);
        var lastRead = Clock.GetUtcNow();
        await Engine.FlushAsync(Ct);
        await Engine.DisposeAsync();

        await using var reopened = await OpenAsync();
        var page = await reopened.ListAsync("a/", cancellationToken: Ct);

        Assert.Equal(2, page.Entries[0].AccessCount);
        Assert.Equal(lastRead, page.Entries[0].AccessedAt);
    }

    [Fact]
    public async Task Get_WriteFromAnotherEngineOnTheSameFile_IsSeenDespiteTheCache()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "shared/state", Text = "one" }, Ct);
        await Engine.GetAsync("shared/state", Ct);
        Assert.Equal("one", (await Engine.GetAsync("shared/state", Ct))!.Text);

        await using (var other = await OpenAsync())
        {
            await other.StoreAsync(new MemoryWrite { Key = "shared/state", Text = "two" }, Ct);
            await other.ForgetAsync("shared/state", cancellationToken: Ct);
            await other.StoreAsync(new MemoryWrite { Key = "shared/state", Text = "three" }, Ct);
        }

        var read = await Engine.GetAsync("shared/state", Ct);
        Assert.Equal("three", read!.Text);
        Assert.Equal(4, read.Version);
    }

    [Fact]
    public async Task History_ListsEveryVersionIncludingRemovals()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one", Agent = "x" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "two", Agent = "y" }, Ct);
        await Engine.ForgetAsync("a/b", cancellationToken: Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "four" }, Ct);

        var history = await Engine.GetHistoryAsync("a/b", Ct);

        Assert.Equal([1L, 2, 3, 4], history.Select(v => v.Version));
        Assert.Equal([ChangeKind.Put, ChangeKind.Put, ChangeKind.Delete, ChangeKind.Put], history.Select(v => v.Change));
        Assert.Equal(["one", "two", null, "four"], history.Select(v => v.Entry?.Text));
        Assert.Equal(["x", "y"], history.Take(2).Select(v => v.Agent));
    }

    [Fact]
    public async Task List_Prefix_PagesThroughMatchingKeysInOrder()
    {
        foreach (var key in new[] { "p/c", "p/a", "q/a", "p/b", "p/sub/d" })
        {
            await Engine.StoreAsync(new MemoryWrite { Key = key, Text = key }, Ct);
        }

        var first = await Engine.ListAsync("p/", limit: 2, cancellationToken: Ct);
        var second = await Engine.ListAsync("p/", first.NextAfter, 2, Ct);

        Assert.Equal(["p/a", "p/b"], first.Entries.Select(e => e.Key));
        Assert.Equal("p/b", first.NextAfter);
        Assert.Equal(["p/c", "p/sub/d"], second.Entries.Select(e => e.Key));
        Assert.Null(second.NextAfter);
    }
}
