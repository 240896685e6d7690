using Mnemo.Core.Learning;
using Mnemo.Core.Learning.Recovery;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Learning.Recovery;

/// <summary>
/// The threshold of a meaning match, on the engine's default (built-in hashing) embedder: chosen on the tuning examples,
/// checked on the hold-out ones. Each test prints every query's best score so docs/learning-recovery.md can quote them.
/// </summary>
[Trait("Issue", "18")]
public sealed class MeaningThresholdTests : EngineTestBase
{
    [Fact]
    public async Task Recover_TuningExamples_ThresholdSeparatesRewordedFromUnrelated()
    {
        var (reworded, unrelated) = await ScoreAsync(RecoveryExamples.Tuning);
        Report("tuning", reworded, unrelated);

        // The threshold is the middle of the interval of thresholds with the fewest mistakes on these examples.
        var candidates = reworded.Select(r => r.Score).Concat(unrelated.Select(u => u.Score)).Order().ToList();
        var mistakesAt = candidates.Zip(candidates.Skip(1), (low, high) => (low + high) / 2)
            .Select(threshold => Mistakes(reworded, unrelated, threshold)).ToList();
        Assert.Equal(mistakesAt.Min(), Mistakes(reworded, unrelated, RecoveryDefaults.MeaningThreshold));
        Assert.All(reworded, r => Assert.True(r.RightCluster, r.Query));
    }

    [Fact]
    public async Task Recover_HoldOutExamples_ThresholdSeparatesRewordedFromUnrelated()
    {
        var (reworded, unrelated) = await ScoreAsync(RecoveryExamples.HoldOut);
        Report("hold-out", reworded, unrelated);

        // Measured at the choice: 1 mistake in 22 (a certificate error the threshold takes for the expired-certificate
        // one). The floor leaves room for one more, no more.
        var mistakes = Mistakes(reworded, unrelated, RecoveryDefaults.MeaningThreshold);
        Assert.InRange(mistakes, 0, 2);
        Assert.All(reworded, r => Assert.True(r.RightCluster, r.Query));
    }

    [Fact]
    public async Task Recover_RewordedHoldOutError_MatchesByMeaningWithTheFix()
    {
        foreach (var (message, fix) in RecoveryExamples.HoldOut.Recorded)
        {
            await Engine.RecordErrorAsync(new ErrorRecord { Message = message, Fix = fix }, Ct);
        }

        var advice = await Engine.RecoverAsync("too many requests: the API rate limit was exceeded", cancellationToken: Ct);
        var unrelated = await Engine.RecoverAsync("stack overflow in recursive descent parser", cancellationToken: Ct);

        Assert.Equal(ErrorMatch.Meaning, advice.Match);
        Assert.InRange(advice.Score!.Value, RecoveryDefaults.MeaningThreshold, 1);
        Assert.Equal("back off and retry with jitter", Assert.Single(advice.Fixes).Fix);
        Assert.Equal(["Rate limit exceeded: 429 Too Many Requests"], advice.Examples);
        Assert.Equal(ErrorMatch.None, unrelated.Match);
        Assert.Empty(unrelated.Fixes);
        Assert.Null(unrelated.Cluster);
    }

    private static int Mistakes(
        List<(string Query, double Score, bool RightCluster)> reworded, List<(string Query, double Score)> unrelated, double threshold) =>
        reworded.Count(r => r.Score < threshold || !r.RightCluster) + unrelated.Count(u => u.Score >= threshold);

    private static void Report(string name, List<(string Query, double Score, bool RightCluster)> reworded, List<(string Query, double Score)> unrelated)
    {
        var output = TestContext.Current.TestOutputHelper!;
        foreach (var (query, score, right) in reworded)
        {
            output.WriteLine($"{name} reworded {score:0.000} {(right ? "right" : "WRONG")} {query}");
        }

        foreach (var (query, score) in unrelated)
        {
            output.WriteLine($"{name} unrelated {score:0.000} {query}");
        }
    }

    private async Task<(List<(string Query, double Score, bool RightCluster)>, List<(string Query, double Score)>)> ScoreAsync(RecoveryExamples.ExampleSet set)
    {
        var clusters = new List<string>();
        foreach (var (message, fix) in set.Recorded)
        {
            clusters.Add((await Engine.RecordErrorAsync(new ErrorRecord { Message = message, Fix = fix }, Ct)).Cluster);
        }

        var reworded = new List<(string, double, bool)>();
        foreach (var (query, index) in set.Reworded)
        {
            var (score, cluster) = await BestAsync(query);
            reworded.Add((query, score, cluster == clusters[index]));
        }

        var unrelated = new List<(string, double)>();
        foreach (var query in set.Unrelated)
        {
            unrelated.Add((query, (await BestAsync(query)).Score));
        }

        return (reworded, unrelated);
    }

    private async Task<(double Score, string? Cluster)> BestAsync(string query)
    {
        var hits = await Engine.SearchAsync(query, new SearchFilter { Prefix = LearningKeys.Errors, Kind = "error", Limit = 1 }, Ct);
        return hits.Count == 0 ? (0, null) : (hits[0].Score, hits[0].Entry.Key.Split('/')[2]);
    }
}
