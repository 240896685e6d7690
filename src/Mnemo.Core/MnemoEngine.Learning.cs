using System.Text.Json;
using Mnemo.Core.Errors;
using Mnemo.Core.Learning;

namespace Mnemo.Core;

/// <remarks>
/// Learning from outcomes: agents record how their tasks went, and the engine recommends strategies from those outcomes
/// (<see cref="StrategyRecommender"/>). Everything is kept as ordinary entries under <see cref="LearningKeys.Root"/>, so it is
/// versioned, searchable and shared by every agent of the store.
/// </remarks>
public sealed partial class MnemoEngine
{
    private const string LearningParametersKind = "learning-parameters";

    /// <summary>Records the outcome of a task as a new entry under <see cref="LearningKeys.Outcomes"/>.</summary>
    /// <param name="record">The task type, strategy, result and context.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The outcome as stored.</returns>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/> naming the offending value (a bad task type or strategy name, a reward
    /// outside 0..1, a negative duration, a context that is not a JSON object); nothing is written.
    /// </exception>
    public async Task<TaskOutcome> RecordOutcomeAsync(OutcomeRecord record, CancellationToken cancellationToken = default)
    {
        var features = OutcomeCodec.Validate(record);
        var outcome = await StoreAsync(OutcomeCodec.ToWrite(record, features, Session, Now()), cancellationToken).ConfigureAwait(false);
        return OutcomeCodec.Read(outcome.Entry)!;
    }

    /// <summary>
    /// The recorded outcomes, oldest first: of one task type, or of all when <paramref name="taskType"/> is null. Entries
    /// under the outcomes prefix that do not read as outcomes (written by hand) are left out.
    /// </summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the task type is not a usable name.</exception>
    public async Task<IReadOnlyList<TaskOutcome>> GetOutcomesAsync(string? taskType = null, CancellationToken cancellationToken = default)
    {
        if (taskType is not null)
        {
            OutcomeCodec.CheckName("task type", taskType, "data_processing");
        }

        var prefix = taskType is null ? LearningKeys.Outcomes : LearningKeys.OutcomesOf(taskType);
        var outcomes = new List<TaskOutcome>();
        string? after = null;
        do
        {
            var page = await ListAsync(prefix, after, 10_000, cancellationToken).ConfigureAwait(false);
            outcomes.AddRange(page.Entries.Select(OutcomeCodec.Read).OfType<TaskOutcome>());
            after = page.NextAfter;
        }
        while (after is not null);

        return [.. outcomes.OrderBy(o => o.At).ThenBy(o => o.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The newest <paramref name="limit"/> outcomes, newest first (the order of a log people read), of one task type and
    /// strategy or of any when null.
    /// </summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: the task type is not a usable name.</exception>
    public async Task<IReadOnlyList<TaskOutcome>> ListOutcomesAsync(
        string? taskType, string? strategy, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var outcomes = await GetOutcomesAsync(taskType, cancellationToken).ConfigureAwait(false);
        return [.. outcomes.Where(o => strategy is null || o.Strategy == strategy).Reverse().Take(limit)];
    }

    /// <summary>The learning parameters in force: the stored ones, or the defaults (version 0) until some are set.</summary>
    public async Task<StoredLearningParameters> GetLearningParametersAsync(CancellationToken cancellationToken = default)
    {
        var entry = await GetAsync(LearningKeys.Parameters, cancellationToken).ConfigureAwait(false);
        if (entry?.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return new StoredLearningParameters(LearningParameters.Default, 0, null, null);
        }

        // Stored values were checked when set; a hand-edited entry that no longer reads falls back to the defaults, logged.
        var (parameters, error) = LearningParameters.Default.With(value);
        if (parameters?.Check() is null && parameters is not null)
        {
            return new StoredLearningParameters(parameters, entry.Version, entry.UpdatedAt, entry.Agent);
        }

        _log.Record(Monitoring.EngineLogLevel.Warning, "learning", $"{LearningKeys.Parameters} version {entry.Version} is not usable ({error ?? parameters?.Check()}); the defaults are in force");
        return new StoredLearningParameters(LearningParameters.Default, entry.Version, entry.UpdatedAt, entry.Agent);
    }

    /// <summary>
    /// Changes the learning parameters named in <paramref name="changes"/> (a JSON object of <see cref="LearningParameters.Names"/>),
    /// keeping the others, as a new version of <see cref="LearningKeys.Parameters"/>.
    /// </summary>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: an unknown name, a value that is not a number or is out of range (the
    /// message names it and its range); nothing is written.
    /// </exception>
    public async Task<StoredLearningParameters> SetLearningParametersAsync(JsonElement changes, CancellationToken cancellationToken = default)
    {
        var current = await GetLearningParametersAsync(cancellationToken).ConfigureAwait(false);
        var (parameters, error) = current.Parameters.With(changes);
        if (parameters is null || (error ??= parameters.Check()) is not null)
        {
            throw MnemoErrors.BadLearningParameters(error!);
        }

        var outcome = await StoreAsync(new MemoryWrite
        {
            Key = LearningKeys.Parameters,
            Text = "",
            Value = Entries.JsonObjects.Build(parameters.WriteProperties),
            Kind = LearningParametersKind,
            ExpectedVersion = current.Version,
        }, cancellationToken).ConfigureAwait(false);
        return new StoredLearningParameters(parameters, outcome.Entry.Version, outcome.Entry.UpdatedAt, outcome.Entry.Agent);
    }

    /// <summary>
    /// Recommends a strategy for a task from the recorded outcomes of its type (<see cref="StrategyRecommender"/>), with its
    /// expected success rate and credible interval. A task type with no outcomes is answered, not refused: no strategy
    /// (or a draw among the named candidates) with the prior's figures and <see cref="StrategyRecommendation.NoEvidence"/> set.
    /// </summary>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: a bad task type or candidate name, a context that is not a JSON object, or
    /// an exploration outside 0..1.
    /// </exception>
    public async Task<StrategyRecommendation> RecommendStrategyAsync(RecommendationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        OutcomeCodec.CheckName("task type", request.TaskType, "data_processing");
        foreach (var candidate in request.Candidates)
        {
            OutcomeCodec.CheckName("candidate strategy", candidate, "parallel_processing");
        }

        var context = ContextFeatures.TryOf(request.Context, out var contextError)
            ?? throw MnemoErrors.BadRecommendationRequest(contextError!);
        var parameters = (await GetLearningParametersAsync(cancellationToken).ConfigureAwait(false)).Parameters;
        if (request.Exploration is { } exploration)
        {
            // The stored parameters are valid, so Check() can only refuse the request's exploration.
            parameters = parameters with { Exploration = exploration };
            if (parameters.Check() is { } reason)
            {
                throw MnemoErrors.BadRecommendationRequest(reason);
            }
        }

        var outcomes = await GetOutcomesAsync(request.TaskType, cancellationToken).ConfigureAwait(false);
        var random = request.Seed is { } seed ? new Random(seed) : Random.Shared;
        return StrategyRecommender.Recommend(outcomes, request.TaskType, context, request.Candidates, parameters, Now(), random);
    }
}
