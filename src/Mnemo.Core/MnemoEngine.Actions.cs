using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Monitoring;

namespace Mnemo.Core;

/// <remarks>
/// Next-action prediction: the store keeps a bounded log of actions (Mnemo's own CLI commands and MCP tool calls, and
/// events agents log), and a variable-order Markov model (<see cref="ActionModel"/>) learnt from it predicts what an agent
/// does next. The log is a table of the store, not entries: recording a call is one small insert that search, history
/// and quotas never see. docs/learning-prediction.md.
/// </remarks>
public sealed partial class MnemoEngine
{
    // The owner's: set once the engine has logged that it skips recording on a read-only store, so the log says it once.
    private int _actionSkipLogged;

    /// <summary>
    /// Adds an action of this engine's agent and session to the store's action log, which keeps the newest
    /// <see cref="MnemoOptions.ActionHistoryLimit"/> actions. Not recorded, with the reason, when
    /// <see cref="MnemoOptions.RecordActions"/> is off or the store is read-only (said once in the engine log).
    /// </summary>
    /// <param name="action">The action's name (<see cref="ActionNames"/>): a command path, a tool name, an agent's own action.</param>
    /// <param name="source">Where it comes from. For <see cref="ActionSource.Cli"/> and <see cref="ActionSource.Mcp"/>, the
    /// faces' recording of their own calls, a store failure is logged in the engine log and reported as not recorded
    /// rather than thrown, so that recording never fails the call it records.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the name cannot be used; nothing is written.</exception>
    public async Task<ActionLogResult> RecordActionAsync(string action, ActionSource source, CancellationToken cancellationToken = default)
    {
        ActionNames.Check(action);
        ThrowIfDisposed();
        if (!_options.RecordActions)
        {
            return new ActionLogResult(null, "action recording is turned off in the engine's options");
        }

        if (_store.IsReadOnly)
        {
            if (Interlocked.Exchange(ref _owner._actionSkipLogged, 1) == 0)
            {
                _log.Record(EngineLogLevel.Information, "actions", "the store is read-only: actions are not recorded for prediction");
            }

            return new ActionLogResult(null, "the store is read-only");
        }

        var record = new ActionRecord(0, Now(), Agent, Session, source, action, Environment.ProcessId);
        try
        {
            return new ActionLogResult(
                await _store.AppendActionAsync(record, _options.ActionHistoryLimit, cancellationToken).ConfigureAwait(false), null);
        }
        catch (MnemoException e) when (source != ActionSource.Event)
        {
            _log.Record(EngineLogLevel.Warning, "actions", $"{action} was not recorded for prediction: {e.Message}");
            return new ActionLogResult(null, e.Message);
        }
    }

    /// <summary>
    /// The action log's actions recorded at or after <paramref name="since"/> (all when null), of one agent and one
    /// session when given (null matches any), oldest first.
    /// </summary>
    public Task<IReadOnlyList<ActionRecord>> GetActionsAsync(
        DateTimeOffset? since = null, string? agent = null, string? session = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _store.GetActionsAsync(since, agent, session, cancellationToken).AsTask();
    }

    /// <summary>
    /// The likely next actions after a context: <see cref="PredictionRequest.After"/> when given, else the latest actions
    /// logged in the session (the engine's by default) by the agent (the engine's, or any when it has none); without a
    /// session, the agent's latest stretch of actions, empty once it has paused longer than 30 minutes. The model is
    /// learnt from the whole action log (<see cref="ActionModel"/>); an empty log predicts nothing.
    /// </summary>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: a count out of range or a context action that is not a usable name.
    /// </exception>
    public async Task<ActionPrediction> PredictNextActionsAsync(PredictionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Top is < 1 or > PredictionRequest.MaxTop)
        {
            throw MnemoErrors.BadPredictionRequest($"top {request.Top} is outside 1..{PredictionRequest.MaxTop}: ask for e.g. 5 actions");
        }

        if (request.MaxOrder is < 1 or > ActionModel.MaxOrderLimit)
        {
            throw MnemoErrors.BadPredictionRequest(
                $"order {request.MaxOrder} is outside 1..{ActionModel.MaxOrderLimit}: look at e.g. {ActionModel.DefaultMaxOrder} preceding actions");
        }

        var after = request.After?.Select(ActionNames.Check).ToArray();
        var session = request.Session is null ? Session : EntryValidator.NormalizeSession(request.Session);
        var agent = request.Agent is null ? Agent : EntryValidator.NormalizeAgent(request.Agent);
        ThrowIfDisposed();
        var records = await _store.GetActionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var model = ActionModel.Train(ActionSequences.Build(records).Select(sequence => sequence.Actions), request.MaxOrder);
        return model.Predict(after ?? LoggedContext(records, agent, session, request.MaxOrder), request.Top);
    }

    /// <summary>
    /// The workflow patterns of the action log: every run of 2 to <paramref name="maxLength"/> consecutive actions that
    /// occurs at least <paramref name="minSupport"/> times, over the sequences prediction learns from, with the sessions it
    /// occurs in and how often its last step follows the others.
    /// </summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: a bound out of range.</exception>
    public async Task<WorkflowPatternReport> GetWorkflowPatternsAsync(int minSupport = 2, int maxLength = 4, CancellationToken cancellationToken = default)
    {
        if (minSupport < 1)
        {
            throw MnemoErrors.BadPredictionRequest($"minimum support {minSupport} is below 1: require e.g. 2 occurrences");
        }

        if (maxLength is < 2 or > WorkflowMiner.MaxLengthLimit)
        {
            throw MnemoErrors.BadPredictionRequest($"maximum length {maxLength} is outside 2..{WorkflowMiner.MaxLengthLimit}: use e.g. 4 steps");
        }

        ThrowIfDisposed();
        var records = await _store.GetActionsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return WorkflowMiner.Mine(ActionSequences.Build(records), minSupport, maxLength);
    }

    /// <summary>The last <paramref name="maxOrder"/> actions of the caller's latest sequence, or none after a long pause without a session.</summary>
    private string[] LoggedContext(IReadOnlyList<ActionRecord> records, string? agent, string? session, int maxOrder)
    {
        var mine = records.Where(r => string.Equals(r.Session, session, StringComparison.Ordinal) && (agent is null || string.Equals(r.Agent, agent, StringComparison.Ordinal)));
        var latest = ActionSequences.Build(mine).MaxBy(sequence => sequence.End);
        if (latest is null || (session is null && Now() - latest.End > ActionSequences.SessionlessGap))
        {
            return [];
        }

        return [.. latest.Actions.Skip(Math.Max(0, latest.Actions.Count - maxOrder))];
    }
}
