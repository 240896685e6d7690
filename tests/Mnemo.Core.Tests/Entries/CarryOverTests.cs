using System.Text.Json;
using Mnemo.Core.Entries;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Entries;

/// <summary>A new version keeps the descriptive fields (kind, tags, metadata, importance) its write leaves out.</summary>
public sealed class CarryOverTests : EngineTestBase
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private Task<StoreOutcome> StoreFirstAsync() => Engine.StoreAsync(new MemoryWrite
    {
        Key = "team/plan",
        Text = "ship in May",
        Kind = "decision",
        Tags = ["roadmap", "q2"],
        Metadata = Json("""{"source":"standup"}"""),
        Importance = 0.9,
    }, Ct);

    [Fact]
    public async Task NewVersion_LeavingFieldsOut_KeepsThePreviousVersionsKindTagsMetadataAndImportance()
    {
        await StoreFirstAsync();

        var outcome = await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "ship in June" }, Ct);

        var entry = outcome.Entry;
        Assert.Equal(2, entry.Version);
        Assert.Equal("ship in June", entry.Text);
        Assert.Equal("decision", entry.Kind);
        Assert.Equal(["roadmap", "q2"], entry.Tags);
        Assert.Equal("standup", entry.Metadata!.Value.GetProperty("source").GetString());
        Assert.Equal(0.9, entry.Importance);
        Assert.Equal(["roadmap", "q2"], (await Engine.GetAsync("team/plan", Ct))!.Tags);
    }

    [Fact]
    public async Task NewVersion_GivingAField_ReplacesIt_AndAnEmptyTagListOrObjectClearsIt()
    {
        await StoreFirstAsync();

        var replaced = (await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v2", Tags = ["late"], Importance = 0.2 }, Ct)).Entry;
        var cleared = (await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v3", Tags = [], Metadata = Json("{}") }, Ct)).Entry;

        Assert.Equal(["late"], replaced.Tags);
        Assert.Equal(0.2, replaced.Importance);
        Assert.Equal("standup", replaced.Metadata!.Value.GetProperty("source").GetString());
        Assert.Empty(cleared.Tags);
        Assert.Empty(cleared.Metadata!.Value.EnumerateObject());
        Assert.Equal(0.2, cleared.Importance);
        Assert.Equal("decision", cleared.Kind);
    }

    [Fact]
    public async Task NewVersion_AfterTheEntryWasForgotten_StartsFromTheDefaults()
    {
        await StoreFirstAsync();
        await Engine.ForgetAsync("team/plan", cancellationToken: Ct);

        var entry = (await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "start over" }, Ct)).Entry;

        Assert.Equal(EntryDefaults.Kind, entry.Kind);
        Assert.Empty(entry.Tags);
        Assert.Null(entry.Metadata);
        Assert.Equal(EntryDefaults.Importance, entry.Importance);
    }

    [Fact]
    public async Task StaleWrite_UnderLastWriteWins_KeepsTheCurrentVersionsFieldsItLeavesOut()
    {
        await StoreFirstAsync();
        await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "v2", Tags = ["moved"] }, Ct);

        var outcome = await Engine.StoreAsync(new MemoryWrite { Key = "team/plan", Text = "mine, from v1", BaseVersion = 1 }, Ct);

        Assert.NotNull(outcome.Conflict);
        Assert.Equal(["moved"], outcome.Entry.Tags);
        Assert.Equal(0.9, outcome.Entry.Importance);
    }

    [Fact]
    public async Task Import_LineIsTheWholeEntry_AndCarriesNothingOver()
    {
        await StoreFirstAsync();
        var file = Temp.File("lines.jsonl");
        await File.WriteAllTextAsync(file, """{"key":"team/plan","text":"imported"}""" + "\n", Ct);

        await Engine.ImportAsync(file, cancellationToken: Ct);

        var entry = (await Engine.GetAsync("team/plan", Ct))!;
        Assert.Equal("imported", entry.Text);
        Assert.Empty(entry.Tags);
        Assert.Equal(EntryDefaults.Kind, entry.Kind);
    }
}
