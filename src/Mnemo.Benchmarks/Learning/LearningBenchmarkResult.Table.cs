using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Benchmarks.Learning;

internal sealed partial record LearningBenchmarkResult
{
    /// <summary>Writes the summary for people: the settings, the regret table, the coverage and the checks.</summary>
    public async Task WriteTableAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parameters = Options.Parameters;
        var drift = Options.DriftRound is { } round
            ? Invariant($"drift at round {round} (day {round / Options.RoundsPerDay:0.#}) in context {string.Join(", ", DriftingContexts)}")
            : "no drift";
        await output.WriteLineAsync(Invariant(
            $"{Seeds.Count} seeds ({SeedList.Format(Options.Seeds)}), {Options.Rounds} rounds ({Options.Rounds / Options.RoundsPerDay:0.#} simulated days at {Options.RoundsPerDay:0.##} a day), ")
            + Invariant($"{Options.Strategies} strategies, contexts {LearningEnvironment.Feature}={string.Join("|", LearningEnvironment.Contexts)}, {drift}; {TotalSeconds:0.0} s")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant(
            $"mnemo's parameters: half-life {parameters.HalfLifeDays:0.##} days ({Options.HalfLifeRounds:0.#} rounds), exploration {parameters.Exploration:0.##}, ")
            + Invariant($"min evidence {parameters.MinEvidence:0.##}, prior Beta({parameters.PriorSuccesses:0.##}, {parameters.PriorFailures:0.##}), credible level {parameters.CredibleLevel:0.##}"))
            .ConfigureAwait(false);
        var adaptationHeaders = DriftingContexts.Select(c => $"ADAPTED IN {c.ToUpperInvariant()} (ROUNDS)").ToArray();
        var table = new TextTable(["POLICY", "REGRET MEAN", "SD", "BEFORE DRIFT", "AFTER DRIFT", "SUCCESS RATE", "MNEMO LOWER ON", .. adaptationHeaders]);
        foreach (var policy in LearningBenchmark.Policies)
        {
            var regret = Regret(policy);
            var adaptation = DriftingContexts.Select(context =>
            {
                var (rounds, adapted) = Adaptation(policy, context);
                return adapted == 0 ? Invariant($"never (0/{Seeds.Count})") : Invariant($"{rounds.Mean:0} ± {rounds.StandardDeviation:0} ({adapted}/{Seeds.Count})");
            });
            table.Add([policy, Invariant($"{regret.Mean:0.0}"), Invariant($"{regret.StandardDeviation:0.0}"),
                Invariant($"{RegretBefore(policy).Mean:0.0}"), Options.Drift ? Invariant($"{RegretAfter(policy).Mean:0.0}") : "-",
                Invariant($"{SuccessRate(policy).Mean:0.000}"),
                policy == MnemoPolicy.PolicyName ? "-" : Invariant($"{SeedsWonAgainst(policy)}/{Seeds.Count} seeds"), .. adaptation]);
        }

        await output.WriteLineAsync("cumulative expected regret (sum of best true rate - chosen true rate), mean over seeds:").ConfigureAwait(false);
        table.WriteTo(output);

        var coverage = Coverage;
        var rows = new TextTable("ROUNDS", "COVERAGE", "INTERVALS");
        void Row(string name, CoverageTally tally) =>
            rows.Add(name, tally.Rate is { } rate ? Invariant($"{rate:0.000}") : "-", Invariant($"{tally.Intervals}"));
        Row("all", coverage.Overall);
        if (Options.Drift)
        {
            Row("before drift", coverage.BeforeDrift);
            Row("after drift", coverage.AfterDrift);
            Row(Invariant($"  first {Options.ShortlyAfterRounds} after"), coverage.ShortlyAfterDrift);
            Row("  later", coverage.LaterAfterDrift);
        }

        Row("best strategy", coverage.Best);
        Row("other strategies", coverage.Others);
        for (var c = 0; c < LearningEnvironment.Contexts.Count; c++)
        {
            Row($"context {LearningEnvironment.Contexts[c]}", coverage.ByContext[c]);
        }

        await output.WriteLineAsync(Invariant(
            $"coverage of mnemo's {parameters.CredibleLevel:0.##} credible intervals (each round, every candidate's in-context interval against its true rate):"))
            .ConfigureAwait(false);
        rows.WriteTo(output);
        await output.WriteLineAsync("checks:").ConfigureAwait(false);
        foreach (var check in Checks())
        {
            await output.WriteLineAsync($"  {(check.Passed ? "PASS" : "FAIL")} {check.Name}: {check.Detail}").ConfigureAwait(false);
        }
    }
}
