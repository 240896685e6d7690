using Mnemo.Core.Errors;
using Mnemo.Core.Learning;
using Mnemo.Core.Learning.Recovery;

namespace Mnemo.Core;

/// <remarks>
/// Error recovery and task suggestions: agents record the errors they met with what fixed them, and ask for the fixes
/// that worked on the nearest error (<see cref="RecoverAsync"/>), or for what similar past tasks used
/// (<see cref="SuggestAsync"/>). Records are ordinary entries under <see cref="LearningKeys.Errors"/>.
/// </remarks>
public sealed partial class MnemoEngine
{
    // The hybrid search looks this far for a recorded error that reads as an error record.
    private const int ErrorCandidates = 10;

    /// <summary>
    /// Records an error and what was done about it as a new entry under <c>learning/errors/CLUSTER/ID</c>, where CLUSTER is
    /// the short hash of the message's signature (<see cref="ErrorSignature"/>): the same error met again lands in the same
    /// cluster whatever its numbers, paths and ids.
    /// </summary>
    /// <param name="record">The message, its context, the fix and whether it worked.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The record as stored, with its signature and cluster.</returns>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/> naming the offending value (an empty or over-long message or fix, whether
    /// it worked without a fix, a bad tool name, a context that is not a JSON object); nothing is written.
    /// </exception>
    public async Task<RecordedError> RecordErrorAsync(ErrorRecord record, CancellationToken cancellationToken = default)
    {
        ErrorCodec.Validate(record);
        var outcome = await StoreAsync(ErrorCodec.ToWrite(record, Session, Now()), cancellationToken).ConfigureAwait(false);
        return ErrorCodec.Read(outcome.Entry)!;
    }

    /// <summary>
    /// The fixes recorded for the error nearest to <paramref name="errorText"/>: the cluster with the same signature, else
    /// the cluster of the best hybrid search hit among recorded errors when it scores at least
    /// <see cref="RecoveryDefaults.MeaningThreshold"/>. No such error is an answer (<see cref="ErrorMatch.None"/>), not a failure.
    /// </summary>
    /// <param name="errorText">The error as it was shown.</param>
    /// <param name="top">How many fixes at most, 1..100.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: an empty or over-long text, or top out of range.</exception>
    public async Task<RecoveryAdvice> RecoverAsync(string errorText, int top = RecoveryDefaults.Top, CancellationToken cancellationToken = default)
    {
        ErrorCodec.CheckText("error text", errorText, "connection refused: localhost:5432");
        CheckTop(top);
        var signature = ErrorSignature.Of(errorText);
        var same = await ErrorClusterAsync(ErrorSignature.ClusterOf(signature), cancellationToken).ConfigureAwait(false);
        if (same.Count > 0)
        {
            return RecoveryAdvisor.Advise(errorText, signature, ErrorMatch.Signature, null, same, top);
        }

        var filter = new SearchFilter { Prefix = LearningKeys.Errors, Kind = ErrorCodec.Kind, Limit = ErrorCandidates };
        var hits = await SearchAsync(errorText, filter, cancellationToken).ConfigureAwait(false);
        var nearest = hits.Select(hit => (Hit: hit, Record: ErrorCodec.Read(hit.Entry))).FirstOrDefault(found => found.Record is not null);
        if (nearest.Record is null || nearest.Hit.Score < RecoveryDefaults.MeaningThreshold)
        {
            return RecoveryAdvisor.NoMatch(errorText, signature, nearest.Hit?.Score);
        }

        var cluster = await ErrorClusterAsync(nearest.Record.Cluster, cancellationToken).ConfigureAwait(false);
        return RecoveryAdvisor.Advise(errorText, signature, ErrorMatch.Meaning, nearest.Hit.Score, cluster, top);
    }

    /// <summary>
    /// What similar past tasks used: a hybrid search of <paramref name="taskDescription"/> over the recorded outcomes
    /// (their text holds the description, task type, strategy and tools), keeping those scoring at least
    /// <see cref="RecoveryDefaults.SimilarTaskThreshold"/>, then tools, memories and strategies ranked by Σ (score × reward)
    /// over the similar outcomes that used them. Nothing similar is an answer with empty lists, not a failure.
    /// </summary>
    /// <param name="taskDescription">The task in words.</param>
    /// <param name="top">How many tools, memories and strategies at most per list, 1..100.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: an empty or over-long description, or top out of range.</exception>
    public async Task<TaskSuggestion> SuggestAsync(string taskDescription, int top = RecoveryDefaults.Top, CancellationToken cancellationToken = default)
    {
        ErrorCodec.CheckText("task description", taskDescription, "import the nightly sales files");
        CheckTop(top);
        var filter = new SearchFilter
        {
            Prefix = LearningKeys.Outcomes,
            Kind = LearningKeys.OutcomeKind,
            Limit = RecoveryDefaults.SimilarTasks,
            MinScore = RecoveryDefaults.SimilarTaskThreshold,
        };
        var hits = await SearchAsync(taskDescription, filter, cancellationToken).ConfigureAwait(false);
        var similar = hits.Select(hit => OutcomeCodec.Read(hit.Entry) is { } outcome ? new SimilarOutcome(outcome, hit.Score) : null)
            .OfType<SimilarOutcome>()
            .ToList();
        return TaskSuggester.Suggest(taskDescription, similar, top);
    }

    private static void CheckTop(int top)
    {
        if (top is < 1 or > RecoveryDefaults.MaxTop)
        {
            throw MnemoErrors.BadTop(top, RecoveryDefaults.MaxTop);
        }
    }

    /// <summary>Every error record of one cluster.</summary>
    private async Task<List<RecordedError>> ErrorClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        var records = new List<RecordedError>();
        string? after = null;
        do
        {
            var page = await ListAsync(ErrorCodec.ClusterPrefix(cluster), after, 10_000, cancellationToken).ConfigureAwait(false);
            records.AddRange(page.Entries.Select(ErrorCodec.Read).OfType<RecordedError>().Where(record => record.Cluster == cluster));
            after = page.NextAfter;
        }
        while (after is not null);

        return records;
    }
}
