using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.TestSupport;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance.Coordination;

/// <summary>Writes made from an outdated version (BaseVersion), settled by each namespace's conflict policy.</summary>
public abstract class ConflictPolicyTests<TBackend> : EngineTestBase<TBackend>
    where TBackend : IStoreBackend
{
    private const string Key = "team/plan";

    [Fact]
    public async Task Write_FromTheCurrentVersion_IsNoConflict()
    {
        await StoreAsync("v1", """{"a":1}""");

        var outcome = await Engine.StoreAsync(Write("v2", """{"a":2}""", baseVersion: 1), Ct);

        Assert.Null(outcome.Conflict);
        Assert.Equal(2, outcome.Entry.Version);
        Assert.DoesNotContain(await Engine.ReadFeedAsync(0, cancellationToken: Ct), e => e.Type == FeedEventType.ConflictDetected);
    }

    [Fact]
    public async Task LastWriteWins_ByDefault_TheStaleWriteReplacesTheEntryAndIsReported()
    {
        await StoreAsync("v1", null);
        await StoreAsync("v2 by someone else", null);

        var outcome = await Engine.StoreAsync(Write("mine, from v1", null, baseVersion: 1), Ct);

        Assert.Equal(new ConflictOutcome(ConflictPolicy.LastWriteWins, 1, 2, ConflictResolution.Overwritten), outcome.Conflict);
        Assert.Equal("mine, from v1", (await Engine.GetAsync(Key, Ct))!.Text);
        var reported = Assert.Single(await Engine.ReadFeedAsync(0, cancellationToken: Ct), e => e.Type == FeedEventType.ConflictDetected);
        Assert.Equal("overwritten", reported.Detail!.Value.GetProperty("outcome").GetString());
        Assert.Equal(2, reported.Detail!.Value.GetProperty("current_version").GetInt64());
    }

    [Fact]
    public async Task Merge_ChangesToDifferentFields_AreBothKeptAndTagsUnited()
    {
        await Engine.SetConflictPolicyAsync("team/", ConflictPolicy.Merge, Ct);
        await StoreAsync("the plan", """{"owner":"ann","step":1,"meta":{"x":1,"y":1}}""", ["a"]);
        await StoreAsync("the plan", """{"owner":"bob","step":1,"meta":{"x":2,"y":1}}""", ["b"]);

        var outcome = await Engine.StoreAsync(
            Write("the plan, revised", """{"owner":"ann","step":2,"meta":{"x":1,"y":3},"new":true}""", baseVersion: 1, tags: ["c"]), Ct);

        Assert.Equal(ConflictResolution.Merged, outcome.Conflict!.Resolution);
        var merged = (await Engine.GetAsync(Key, Ct))!;
        Assert.Equal("the plan, revised", merged.Text);
        Assert.True(JsonElement.DeepEquals(Json("""{"owner":"bob","step":2,"meta":{"x":2,"y":3},"new":true}"""), merged.Value!.Value),
            merged.Value!.Value.GetRawText());
        Assert.Equal(["b", "c"], merged.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(3, merged.Version);
    }

    [Fact]
    public async Task Merge_BothChangedTheSameField_FailsNamingItAndKeepsTheEntry()
    {
        await Engine.SetConflictPolicyAsync("team/", ConflictPolicy.Merge, Ct);
        await StoreAsync("plan", """{"owner":"ann","step":1}""");
        await StoreAsync("plan", """{"owner":"bob","step":1}""");

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.StoreAsync(Write("plan", """{"owner":"cyd","step":1}""", baseVersion: 1), Ct));

        Assert.Equal(MnemoErrorCode.MergeConflict, error.ErrorCode);
        Assert.Contains("value.owner", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await Engine.GetAsync(Key, Ct))!.Version);
        var reported = Assert.Single(await Engine.ReadFeedAsync(0, cancellationToken: Ct), e => e.Type == FeedEventType.ConflictDetected);
        Assert.Equal("unmergeable", reported.Detail!.Value.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Manual_TheStaleWriteIsKeptAsASiblingUntilResolved()
    {
        await Engine.SetConflictPolicyAsync("team/", ConflictPolicy.Manual, Ct);
        await StoreAsync("v1", null);
        await StoreAsync("v2 by bob", null);

        var outcome = await Engine.StoreAsync(Write("v2 by ann", null, baseVersion: 1), Ct);

        Assert.Equal(ConflictResolution.KeptAsSibling, outcome.Conflict!.Resolution);
        Assert.Equal("v2 by bob", (await Engine.GetAsync(Key, Ct))!.Text);
        var sibling = Assert.Single(await Engine.ListConflictsAsync("team/", Ct));
        Assert.Equal(("v2 by ann", 1L), (sibling.Text, sibling.BaseVersion));

        var resolved = await Engine.ResolveConflictAsync(Key, sibling.Id, Ct);

        Assert.Equal(("v2 by ann", 3L), (resolved!.Text, resolved.Version));
        Assert.Empty(await Engine.ListConflictsAsync("team/", Ct));
    }

    [Fact]
    public async Task Manual_ResolvingToCurrent_DiscardsTheSiblingsAndKeepsTheVersion()
    {
        await Engine.SetConflictPolicyAsync("team/", ConflictPolicy.Manual, Ct);
        await StoreAsync("v1", null);
        await StoreAsync("v2", null);
        await Engine.StoreAsync(Write("x", null, baseVersion: 1), Ct);
        await Engine.StoreAsync(Write("y", null, baseVersion: 1), Ct);
        Assert.Equal(2, (await Engine.ListConflictsAsync(cancellationToken: Ct)).Count);

        var kept = await Engine.ResolveConflictAsync(Key, null, Ct);

        Assert.Equal(2, kept!.Version);
        Assert.Empty(await Engine.ListConflictsAsync(cancellationToken: Ct));
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.ResolveConflictAsync(Key, null, Ct));
        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Policy_OfTheLongestPrefix_Applies()
    {
        await Engine.SetConflictPolicyAsync("team/", ConflictPolicy.Manual, Ct);
        await Engine.SetConflictPolicyAsync("team/plan", ConflictPolicy.LastWriteWins, Ct);
        await StoreAsync("v1", null);
        await StoreAsync("v2", null);

        var outcome = await Engine.StoreAsync(Write("v3", null, baseVersion: 1), Ct);

        Assert.Equal(ConflictPolicy.LastWriteWins, outcome.Conflict!.Policy);
        Assert.Equal(2, (await Engine.ListConflictPoliciesAsync(Ct)).Count);
    }

    [Fact]
    public async Task Merge_ConcurrentReadModifyWritesFromTwoEngines_LoseNoField()
    {
        await Engine.SetConflictPolicyAsync("team/", ConflictPolicy.Merge, Ct);
        await StoreAsync("counters", "{}");
        await using var other = await OpenAsync(o => o.Agent = "other");

        // Every writer read version 1 and adds its own field: without the merge, all but the last field would be lost.
        var writers = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? Engine : other)
            .StoreAsync(Write("counters", $$"""{"f{{i}}":{{i}}}""", baseVersion: 1), Ct));
        await Task.WhenAll(writers);

        var final = (await Engine.GetAsync(Key, Ct))!;
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"f{i}").Order(StringComparer.Ordinal),
            final.Value!.Value.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(21, final.Version);
    }

    [Fact]
    public async Task BaseAndExpectedVersion_Together_AreRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Engine.StoreAsync(Write("x", null, baseVersion: 0) with { ExpectedVersion = 0 }, Ct));

        Assert.Contains("expected and a base version", error.Message, StringComparison.Ordinal);
    }

    private Task<StoreOutcome> StoreAsync(string text, string? value, IReadOnlyList<string>? tags = null) =>
        Engine.StoreAsync(new MemoryWrite { Key = Key, Text = text, Value = value is null ? null : Json(value), Tags = tags }, Ct);

    private static MemoryWrite Write(string text, string? value, long baseVersion, IReadOnlyList<string>? tags = null) =>
        new() { Key = Key, Text = text, Value = value is null ? null : Json(value), Tags = tags, BaseVersion = baseVersion };

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
