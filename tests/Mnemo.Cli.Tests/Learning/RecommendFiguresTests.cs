using System.Globalization;
using System.Text.Json;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Learning;

/// <summary>
/// Every figure <c>mnemo recommend</c> prints is computed from the stored outcomes: outcomes recorded through the CLI,
/// then each reported rate and interval end checked against the posterior this test works out itself (α = prior +
/// rewards, β = prior + (1 − rewards), the other contexts' evidence scaled to fill the gap up to min_evidence outcomes) and
/// integrates numerically (<see cref="BetaQuadrature"/>). Decay is off, so the figures do not depend on when the test runs.
/// </summary>
[Trait("Issue", "18")]
public sealed class RecommendFiguresTests : IDisposable
{
    private const double MinEvidence = 5;

    // (strategy, success, reward or null, data_size)
    private static readonly (string Strategy, bool Success, double? Reward, string Size)[] s_outcomes =
    [
        ("fast", true, null, "large"), ("fast", true, null, "large"), ("fast", true, null, "large"), ("fast", true, 0.8, "large"),
        ("fast", true, null, "large"), ("fast", false, null, "large"), ("fast", false, 0.3, "large"),
        ("fast", true, null, "small"), ("fast", false, null, "small"),
        ("slow", true, null, "small"), ("slow", true, null, "small"), ("slow", true, 0.6, "small"),
        ("slow", false, null, "large"), ("slow", false, null, "large"),
    ];

    private readonly CliHarness _cli = new();
    private readonly Dictionary<(double, double), (double Mean, double Low, double High)> _integrated = [];

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Recommend_EveryReportedRateAndInterval_MatchesAnIndependentComputation()
    {
        var engine = await TestEngines.OpenAsync(_cli.Database);
        await using (engine)
        {
            using var changes = JsonDocument.Parse("""{"half_life_days":0,"exploration":0,"min_evidence":5}""");
            await engine.SetLearningParametersAsync(changes.RootElement, TestContext.Current.CancellationToken);
        }

        foreach (var (strategy, success, reward, size) in s_outcomes)
        {
            List<string> args = ["outcome", "record", "--task-type", "etl", "--strategy", strategy, "--success", success ? "true" : "false",
                "--context", $$"""{"data_size":"{{size}}"}"""];
            if (reward is { } r)
            {
                args.AddRange(["--reward", r.ToString(CultureInfo.InvariantCulture)]);
            }

            Assert.Equal(0, (await _cli.RunAsync([.. args])).ExitCode);
        }

        foreach (var size in new[] { null, "small", "large" })
        {
            List<string> args = ["recommend", "--task-type", "etl", "--candidates", "fast,slow,untried", "--seed", "3", "--json"];
            if (size is not null)
            {
                args.AddRange(["--context", $$"""{"data_size":"{{size}}"}"""]);
            }

            var answer = (await _cli.RunAsync([.. args])).Json();
            var text = await _cli.RunAsync([.. args.Where(a => a != "--json")]);

            foreach (var candidate in answer.GetProperty("candidates").EnumerateArray())
            {
                var strategy = candidate.GetProperty("strategy").GetString()!;
                var (overall, inContext) = Expected(strategy, size);
                Check(overall, candidate.GetProperty("overall"), $"{strategy} overall");
                if (inContext is { } expected)
                {
                    Check(expected, candidate.GetProperty("in_context"), $"{strategy} in {size}");
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, candidate.GetProperty("in_context").ValueKind);
                }
            }

            // Exploration 0: the winner is the highest mean, and the headline figures are its posterior's.
            var winner = answer.GetProperty("strategy").GetString()!;
            var best = answer.GetProperty("candidates").EnumerateArray()
                .Select(c => (Strategy: c.GetProperty("strategy").GetString()!, Figures: Expected(c.GetProperty("strategy").GetString()!, size)))
                .MaxBy(c => (c.Figures.InContext ?? c.Figures.Overall).Mean);
            Assert.Equal(best.Strategy, winner);
            var figures = best.Figures.InContext ?? best.Figures.Overall;
            Assert.Equal(figures.Mean, answer.GetProperty("expected_success_rate").GetDouble(), 5);
            Assert.Equal(figures.Low, answer.GetProperty("interval").GetProperty("low").GetDouble(), 4);
            Assert.Equal(figures.High, answer.GetProperty("interval").GetProperty("high").GetDouble(), 4);
            Assert.StartsWith(
                $"recommend {winner}: expected success {figures.Mean.ToString("0.00", CultureInfo.InvariantCulture)}", text.Output, StringComparison.Ordinal);
            Assert.Contains(
                $"(90% interval {figures.Low.ToString("0.00", CultureInfo.InvariantCulture)}-{figures.High.ToString("0.00", CultureInfo.InvariantCulture)})",
                text.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>The posteriors this test expects, from <see cref="s_outcomes"/> alone.</summary>
    private (Figures Overall, Figures? InContext) Expected(string strategy, string? size)
    {
        var mine = s_outcomes.Where(o => o.Strategy == strategy).Select(o => (o.Size, Reward: o.Reward ?? (o.Success ? 1.0 : 0.0))).ToList();
        var overall = Posterior(1 + mine.Sum(o => o.Reward), 1 + mine.Sum(o => 1 - o.Reward), mine.Count);
        if (size is null)
        {
            return (overall, null);
        }

        var inside = mine.Where(o => o.Size == size).ToList();
        var outside = mine.Where(o => o.Size != size).ToList();
        var borrowed = Math.Max(0, MinEvidence - inside.Count);
        var scale = outside.Count > borrowed ? borrowed / outside.Count : 1;
        return (overall, Posterior(
            1 + inside.Sum(o => o.Reward) + scale * outside.Sum(o => o.Reward),
            1 + inside.Sum(o => 1 - o.Reward) + scale * outside.Sum(o => 1 - o.Reward),
            inside.Count));
    }

    private Figures Posterior(double alpha, double beta, int outcomes)
    {
        if (!_integrated.TryGetValue((alpha, beta), out var figures))
        {
            _integrated[(alpha, beta)] = figures =
                (BetaQuadrature.Mean(alpha, beta), BetaQuadrature.Quantile(alpha, beta, 0.05), BetaQuadrature.Quantile(alpha, beta, 0.95));
        }

        return new(alpha, beta, outcomes, figures.Mean, figures.Low, figures.High);
    }

    private static void Check(Figures expected, JsonElement reported, string what)
    {
        Assert.True(Math.Abs(expected.Alpha - reported.GetProperty("alpha").GetDouble()) < 1e-9, $"{what}: alpha");
        Assert.True(Math.Abs(expected.Beta - reported.GetProperty("beta").GetDouble()) < 1e-9, $"{what}: beta");
        Assert.Equal(expected.Outcomes, reported.GetProperty("outcomes").GetInt32());
        Assert.True(Math.Abs(expected.Mean - reported.GetProperty("mean").GetDouble()) < 1e-5, $"{what}: mean {reported.GetProperty("mean")} against {expected.Mean}");
        Assert.True(Math.Abs(expected.Low - reported.GetProperty("low").GetDouble()) < 1e-4, $"{what}: low {reported.GetProperty("low")} against {expected.Low}");
        Assert.True(Math.Abs(expected.High - reported.GetProperty("high").GetDouble()) < 1e-4, $"{what}: high {reported.GetProperty("high")} against {expected.High}");
        Assert.Equal(0.9, reported.GetProperty("level").GetDouble());
    }

    private sealed record Figures(double Alpha, double Beta, int Outcomes, double Mean, double Low, double High);
}
