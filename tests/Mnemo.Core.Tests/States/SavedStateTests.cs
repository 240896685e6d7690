using System.Text.Json;
using Mnemo.Core.States;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.States;

[Trait("Issue", "16")]
public sealed class SavedStateTests : EngineTestBase
{
    private const string Schema = """
        {"type":"object","required":["phase","step"],
         "properties":{"phase":{"type":"string"},"step":{"type":"integer","minimum":0}}}
        """;

    private static readonly IReadOnlyList<StateTransition> s_cycle =
        StateRules.ParseTransitions("planning>executing,executing>reviewing,reviewing>planning");

    [Fact]
    public async Task SaveState_ThenGetAndHistory_ReturnsNewestFirstWithVersions()
    {
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning","step":1}"""), cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"executing","step":2}"""), cancellationToken: Ct);

        var current = await Engine.GetStateAsync("task-1", Ct);
        var history = await Engine.StateHistoryAsync("task-1", cancellationToken: Ct);

        Assert.NotNull(current);
        Assert.Equal(2, current.Version);
        Assert.Equal("executing", current.Document.GetProperty("phase").GetString());
        Assert.Equal([2L, 1L], history.Select(state => state.Version));
        Assert.True(history[0].At > history[1].At);
        Assert.Equal(1, history[1].Document.GetProperty("step").GetInt32());
        Assert.Equal(MnemoEngine.StatePrefix + "task-1", (await Engine.GetAsync("states/task-1", Ct))!.Key);
    }

    [Fact]
    public async Task GetState_NeverSaved_ReturnsNull()
    {
        Assert.Null(await Engine.GetStateAsync("nobody", Ct));
        Assert.Empty(await Engine.StateHistoryAsync("nobody", cancellationToken: Ct));
    }

    [Fact]
    public async Task SaveState_DocumentBreaksSchema_IsRefusedWithPathAndWritesNothing()
    {
        await Engine.DefineStateAsync("task-1", new StateRules { Schema = Doc(Schema) }, Ct);
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning","step":1}"""), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(
            () => Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning","step":-3}"""), cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.True(error.IsCallerError);
        Assert.Contains("/step", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await Engine.GetStateAsync("task-1", Ct))!.Version);
        Assert.Single(await Engine.StateHistoryAsync("task-1", cancellationToken: Ct));
    }

    [Fact]
    public async Task SaveState_MissingRequiredField_IsRefusedNamingIt()
    {
        await Engine.DefineStateAsync("task-1", new StateRules { Schema = Doc(Schema) }, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(
            () => Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning"}"""), cancellationToken: Ct));

        Assert.Contains("step", error.Message, StringComparison.Ordinal);
        Assert.Null(await Engine.GetStateAsync("task-1", Ct));
    }

    [Fact]
    public async Task SaveState_TransitionNotInGraph_IsRefusedNamingTheAllowedOnes()
    {
        await Engine.DefineStateAsync("task-1", new StateRules { Transitions = s_cycle }, Ct);
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning"}"""), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(
            () => Engine.SaveStateAsync("task-1", Doc("""{"phase":"reviewing"}"""), cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("cannot go from planning to reviewing; allowed: executing", error.Message, StringComparison.Ordinal);
        Assert.Equal("planning", (await Engine.GetStateAsync("task-1", Ct))!.Document.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task SaveState_AllowedTransitionsAroundTheCycle_AreSaved()
    {
        await Engine.DefineStateAsync("task-1", new StateRules { Transitions = s_cycle }, Ct);

        foreach (var phase in new[] { "planning", "executing", "executing", "reviewing", "planning" })
        {
            await Engine.SaveStateAsync("task-1", Doc($$"""{"phase":"{{phase}}"}"""), cancellationToken: Ct);
        }

        Assert.Equal(5, (await Engine.GetStateAsync("task-1", Ct))!.Version);
    }

    [Fact]
    public async Task SaveState_PhaseOutsideGraph_IsRefused()
    {
        await Engine.DefineStateAsync("task-1", new StateRules { Transitions = s_cycle, PhaseField = "stage" }, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(
            () => Engine.SaveStateAsync("task-1", Doc("""{"stage":"dreaming"}"""), cancellationToken: Ct));

        Assert.Contains("'dreaming' is not in the transition graph", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveState_StaleExpectedVersion_FailsWithConflict()
    {
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning"}"""), cancellationToken: Ct);
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"executing"}"""), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<MnemoConflictException>(
            () => Engine.SaveStateAsync("task-1", Doc("""{"phase":"reviewing"}"""), expectedVersion: 1, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.VersionConflict, error.ErrorCode);
        Assert.Equal(2, (await Engine.GetStateAsync("task-1", Ct))!.Version);
    }

    [Fact]
    public async Task SaveState_MatchingExpectedVersion_IsSaved()
    {
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning"}"""), expectedVersion: 0, cancellationToken: Ct);

        var saved = await Engine.SaveStateAsync("task-1", Doc("""{"phase":"executing"}"""), expectedVersion: 1, cancellationToken: Ct);

        Assert.Equal(2, saved.Version);
    }

    [Fact]
    public async Task RestoreState_AfterRulesTightened_RewritesNewestValidEarlierVersion()
    {
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning","step":1}"""), cancellationToken: Ct);
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"executing","step":2}"""), cancellationToken: Ct);
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"executing","step":"broken"}"""), cancellationToken: Ct);
        await Engine.DefineStateAsync("task-1", new StateRules { Schema = Doc(Schema) }, Ct);

        var restore = await Engine.RestoreStateAsync("task-1", Ct);

        Assert.Equal(2, restore.RestoredVersion);
        Assert.Equal(3, restore.ReplacedVersion);
        Assert.Equal(4, restore.State.Version);
        var current = await Engine.GetStateAsync("task-1", Ct);
        Assert.Equal(2, current!.Document.GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task RestoreState_NoValidEarlierVersion_FailsAndWritesNothing()
    {
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"planning"}"""), cancellationToken: Ct);
        await Engine.SaveStateAsync("task-1", Doc("""{"phase":"executing"}"""), cancellationToken: Ct);
        await Engine.DefineStateAsync("task-1", new StateRules { Schema = Doc(Schema) }, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RestoreStateAsync("task-1", Ct));

        Assert.Equal(MnemoErrorCode.NotFound, error.ErrorCode);
        Assert.Equal(2, (await Engine.GetStateAsync("task-1", Ct))!.Version);
    }

    [Fact]
    public async Task SaveState_BeyondMaxStateVersions_ErasesTheOldest()
    {
        await using var engine = await OpenAsync(options => options.MaxStateVersions = 3);
        for (var step = 1; step <= 5; step++)
        {
            await engine.SaveStateAsync("task-1", Doc($$"""{"step":{{step}}}"""), cancellationToken: Ct);
        }

        var history = await engine.StateHistoryAsync("task-1", cancellationToken: Ct);

        Assert.Equal([5L, 4L, 3L], history.Select(state => state.Version));
        Assert.Equal(3, (await engine.GetHistoryAsync(MnemoEngine.StateKey("task-1"), Ct)).Count);
        Assert.Equal(5, (await engine.GetStateAsync("task-1", Ct))!.Document.GetProperty("step").GetInt32());
    }

    [Fact]
    public async Task DefineState_BadSchema_IsRefused()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(
            () => Engine.DefineStateAsync("task-1", new StateRules { Schema = Doc("[1,2]") }, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Null(await Engine.GetStateRulesAsync("task-1", Ct));
    }

    [Fact]
    public async Task DefineState_RulesRoundTrip_AndDoNotCollideWithStateNames()
    {
        var rules = new StateRules { Schema = Doc(Schema), Transitions = s_cycle, PhaseField = "stage" };
        await Engine.DefineStateAsync("a", rules, Ct);
        await Engine.SaveStateAsync("a/rules", Doc("""{"anything":true}"""), cancellationToken: Ct);

        var read = await Engine.GetStateRulesAsync("a", Ct);

        Assert.NotNull(read);
        Assert.Equal("stage", read.PhaseField);
        Assert.Equal(s_cycle, read.Transitions);
        Assert.Equal("object", read.Schema!.Value.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a//b")]
    public async Task SaveState_BadName_IsRefused(string name)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.SaveStateAsync(name, Doc("{}"), cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
    }

    [Fact]
    public void ParseTransitions_MissingArrow_IsRefused()
    {
        var error = Assert.Throws<MnemoException>(() => StateRules.ParseTransitions("a>b,c"));

        Assert.Contains("'c'", error.Message, StringComparison.Ordinal);
    }

    private static JsonElement Doc(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
