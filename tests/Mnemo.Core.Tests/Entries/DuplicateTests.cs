using System.Text.Json;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Entries;

public sealed class DuplicateTests : EngineTestBase
{
    private static MemoryWrite Write(string key, string text, params string[] tags) => new() { Key = key, Text = text, Tags = tags };

    [Fact]
    public async Task Store_Report_WritesAndNamesTheNearDuplicate()
    {
        await Engine.StoreAsync(Write("facts/1", "The user's dog is called Rex"), Ct);

        var outcome = await Engine.StoreAsync(Write("facts/2", "the user's dog is called Rex.") with { OnDuplicate = DuplicatePolicy.Report }, Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
        Assert.Equal("facts/1", outcome.Duplicate!.Key);
        Assert.True(outcome.Duplicate.Similarity >= Core.Retrieval.SimilarityScale.For("mnemo-hashing-v2-384").Duplicate);
        Assert.NotNull(await Engine.GetAsync("facts/2", Ct));
    }

    [Fact]
    public async Task Store_Skip_WritesNothingAndReturnsTheExistingEntry()
    {
        await Engine.StoreAsync(Write("facts/1", "The user's dog is called Rex"), Ct);

        var outcome = await Engine.StoreAsync(Write("facts/2", "The user's dog is called Rex") with { OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Skipped, outcome.Action);
        Assert.Equal("facts/1", outcome.Entry.Key);
        Assert.Null(await Engine.GetAsync("facts/2", Ct));
    }

    [Fact]
    public async Task Store_Merge_WritesIntoTheExistingKeyUnitingTagsAndMetadata()
    {
        await Engine.StoreAsync(new MemoryWrite
        {
            Key = "facts/1",
            Text = "The user's dog is called Rex",
            Tags = ["pets"],
            Importance = 0.9,
            Metadata = JsonDocument.Parse("""{"source":"chat","turn":3}""").RootElement,
        }, Ct);

        var outcome = await Engine.StoreAsync(new MemoryWrite
        {
            Key = "facts/2",
            Text = "The user's dog is called Rex!",
            Tags = ["family"],
            Importance = 0.2,
            Metadata = JsonDocument.Parse("""{"turn":7}""").RootElement,
            OnDuplicate = DuplicatePolicy.Merge,
        }, Ct);

        Assert.Equal(StoreAction.Merged, outcome.Action);
        var merged = (await Engine.GetAsync("facts/1", Ct))!;
        Assert.Equal(2, merged.Version);
        Assert.Equal("The user's dog is called Rex!", merged.Text);
        Assert.Equal(["family", "pets"], merged.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(0.9, merged.Importance);
        Assert.Equal("chat", merged.Metadata!.Value.GetProperty("source").GetString());
        Assert.Equal(7, merged.Metadata!.Value.GetProperty("turn").GetInt32());
        Assert.Null(await Engine.GetAsync("facts/2", Ct));
    }

    [Fact]
    public async Task Store_DifferentStatementAboutTheSameSubject_IsNotADuplicate()
    {
        await Engine.StoreAsync(Write("facts/1", "The user's dog is called Rex"), Ct);

        var outcome = await Engine.StoreAsync(Write("facts/2", "The user's cat is called Rex") with { OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
        Assert.Null(outcome.Duplicate);
    }

    [Fact]
    public async Task Store_SameTextInAnotherNamespace_IsNotADuplicate()
    {
        await Engine.StoreAsync(Write("agent-a/facts/1", "The deploy runs at noon"), Ct);
        await Engine.StoreAsync(Write("agent-a/facts/deeper/1", "The deploy runs at noon"), Ct);

        var outcome = await Engine.StoreAsync(Write("agent-b/facts/1", "The deploy runs at noon") with { OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
    }

    [Fact]
    public async Task Store_UpdatingTheSameKey_IsNotADuplicateOfItself()
    {
        await Engine.StoreAsync(Write("facts/1", "The deploy runs at noon"), Ct);

        var outcome = await Engine.StoreAsync(Write("facts/1", "The deploy runs at noon.") with { OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
        Assert.Equal(2, outcome.Entry.Version);
    }

    [Fact]
    public async Task Store_HigherThreshold_LetsRewordedTextsThrough()
    {
        await using var strict = await TestEngines.OpenAsync(Temp.File("strict.db"), Clock, options => options.DuplicateThreshold = 1.0);
        await strict.StoreAsync(Write("facts/1", "We chose SQLite for the embedded store"), Ct);

        var outcome = await strict.StoreAsync(Write("facts/2", "we chose sqlite for our embedded store") with { OnDuplicate = DuplicatePolicy.Skip }, Ct);

        Assert.Equal(StoreAction.Written, outcome.Action);
    }
}
