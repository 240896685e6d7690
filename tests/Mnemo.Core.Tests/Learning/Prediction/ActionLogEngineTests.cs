using Mnemo.Core.Learning.Prediction;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Learning.Prediction;

/// <summary>The engine's action log, prediction from it, and workflow patterns.</summary>
[Trait("Issue", "18")]
public sealed class ActionLogEngineTests : EngineTestBase
{
    [Fact]
    public async Task RecordAction_StoresTheCallersAgentSessionAndSource()
    {
        var result = await Engine.As("alice", "s1").RecordActionAsync("run-tests", ActionSource.Event, Ct);

        var logged = Assert.Single(await Engine.GetActionsAsync(cancellationToken: Ct));
        Assert.True(result.Recorded);
        Assert.Equal(logged, result.Action);
        Assert.Equal(("alice", "s1", ActionSource.Event, "run-tests"), (logged.Agent, logged.Session, logged.Source, logged.Action));
        Assert.Equal(Clock.GetUtcNow(), logged.At);
    }

    [Fact]
    public async Task RecordAction_BadName_IsRefusedAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.RecordActionAsync("bad\tname", ActionSource.Event, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains("'bad\\tname' cannot be used", error.Message, StringComparison.Ordinal);
        Assert.Empty(await Engine.GetActionsAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task RecordAction_RecordingOff_IsNotRecordedWithTheReason()
    {
        await using var off = await OpenAsync(o => o.RecordActions = false);

        var result = await off.RecordActionAsync("run-tests", ActionSource.Event, Ct);

        Assert.False(result.Recorded);
        Assert.Contains("turned off", result.NotRecordedReason, StringComparison.Ordinal);
        Assert.Empty(await Engine.GetActionsAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task RecordAction_OverTheLimit_KeepsTheNewest()
    {
        await using var bounded = await OpenAsync(o => o.ActionHistoryLimit = 3);

        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await bounded.RecordActionAsync(name, ActionSource.Event, Ct);
        }

        Assert.Equal(["c", "d", "e"], (await Engine.GetActionsAsync(cancellationToken: Ct)).Select(a => a.Action));
    }

    [Fact]
    public async Task PredictNextActions_FromTheSessionsLog_UsesItsLatestActions()
    {
        foreach (var session in new[] { "s1", "s2", "s3" })
        {
            await LogAsync("bob", session, "search", "get", "store");
        }

        await LogAsync("bob", "s4", "search", "get");

        var prediction = await Engine.As("bob", "s4").PredictNextActionsAsync(new PredictionRequest(), Ct);

        Assert.Equal(["search", "get"], prediction.Context);
        Assert.Equal(2, prediction.Order);
        Assert.Equal("store", prediction.Next[0].Action);
        Assert.True(prediction.Next[0].Probability > 0.5);
        Assert.Equal(new ActionModelFacts(4, 11, 3, 3), prediction.Model);
    }

    [Fact]
    public async Task PredictNextActions_After_OverridesTheLog()
    {
        await LogAsync("bob", "s1", "search", "get", "store", "search", "get", "store");

        var prediction = await Engine.PredictNextActionsAsync(new PredictionRequest { After = ["store"], Top = 1 }, Ct);

        Assert.Equal(["store"], prediction.Context);
        Assert.Equal("search", Assert.Single(prediction.Next).Action);
    }

    [Fact]
    public async Task PredictNextActions_NoSessionAfterALongPause_StartsAFreshContext()
    {
        await LogAsync("bob", null, "search", "get");
        Clock.Advance(TimeSpan.FromMinutes(31));

        var prediction = await Engine.As("bob").PredictNextActionsAsync(new PredictionRequest(), Ct);

        Assert.Empty(prediction.Context);
        Assert.Equal(0, prediction.Order);
    }

    [Fact]
    public async Task PredictNextActions_NoSession_SplitsSequencesAtPauses()
    {
        await LogAsync("bob", null, "search", "get");
        Clock.Advance(TimeSpan.FromMinutes(31));
        await LogAsync("bob", null, "store");

        var prediction = await Engine.As("bob").PredictNextActionsAsync(new PredictionRequest(), Ct);

        Assert.Equal(["store"], prediction.Context);
        Assert.Equal(2, prediction.Model.Sequences);
    }

    [Theory]
    [InlineData(0, 3, "top 0 is outside 1..100")]
    [InlineData(5, 0, "order 0 is outside 1..8")]
    public async Task PredictNextActions_OutOfRange_IsACallerError(int top, int order, string message)
    {
        var error = await Assert.ThrowsAsync<MnemoException>(
            () => Engine.PredictNextActionsAsync(new PredictionRequest { Top = top, MaxOrder = order }, Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWorkflowPatterns_CountsSupportSessionsAndConfidence()
    {
        await LogAsync("bob", "s1", "search", "get", "store");
        await LogAsync("bob", "s2", "search", "get", "store");
        await LogAsync("eve", "s3", "search", "get", "forget");

        var report = await Engine.GetWorkflowPatternsAsync(2, 3, Ct);

        var top = report.Patterns[0];
        Assert.Equal(["search", "get"], top.Steps);
        Assert.Equal(3, top.Support);
        Assert.Equal(["s1", "s2", "s3"], top.Sessions);
        Assert.Equal(1.0, top.Confidence);
        var store = report.Patterns.Single(p => p.Steps.SequenceEqual(["search", "get", "store"]));
        Assert.Equal(2, store.Support);
        Assert.Equal(2.0 / 3, store.Confidence, 12);
        Assert.DoesNotContain(report.Patterns, p => p.Steps.Contains("forget"));
        Assert.Equal((3, 9L, 4), (report.Sequences, report.Actions, report.DistinctActions));
    }

    [Fact]
    public async Task GetWorkflowPatterns_LengthOutOfRange_IsACallerError()
    {
        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.GetWorkflowPatternsAsync(2, 1, Ct));

        Assert.Contains("maximum length 1 is outside 2..10", error.Message, StringComparison.Ordinal);
    }

    private async Task LogAsync(string agent, string? session, params string[] actions)
    {
        var caller = Engine.As(agent, session);
        foreach (var action in actions)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await caller.RecordActionAsync(action, ActionSource.Event, Ct);
        }
    }
}
