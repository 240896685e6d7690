using System.Text.Json;

namespace Mnemo.Benchmarks.Learning;

internal sealed partial record LearningBenchmarkResult
{
    /// <summary>Writes every figure, the settings, the checks and the per-seed details as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("benchmark", "learn");
        writer.WriteString("task_type", LearningEnvironment.TaskType);
        writer.WriteString("context_feature", LearningEnvironment.Feature);
        WriteStrings(writer, "contexts", LearningEnvironment.Contexts);
        writer.WriteNumber("strategies", Options.Strategies);
        writer.WriteNumber("rounds", Options.Rounds);
        writer.WriteNumber("rounds_per_day", Options.RoundsPerDay);
        writer.WriteNumber("simulated_days", Math.Round(Options.Rounds / Options.RoundsPerDay, 2));
        writer.WriteBoolean("drift", Options.Drift);
        if (Options.DriftRound is { } drift)
        {
            writer.WriteNumber("drift_round", drift);
        }
        else
        {
            writer.WriteNull("drift_round");
        }

        WriteStrings(writer, "drifting_contexts", DriftingContexts);
        writer.WriteNumber("adaptation_window", Options.Window);
        writer.WriteStartArray("seeds");
        foreach (var seed in Options.Seeds)
        {
            writer.WriteNumberValue(seed);
        }

        writer.WriteEndArray();
        writer.WriteString("seed_list", SeedList.Format(Options.Seeds));
        writer.WriteString("tuning_seeds", SeedList.Format(LearningBenchmarkOptions.TuningSeeds));
        writer.WriteStartObject("parameters");
        Options.Parameters.WriteProperties(writer);
        writer.WriteNumber("half_life_rounds", Options.HalfLifeRounds);
        writer.WriteEndObject();

        writer.WriteStartObject("policies");
        foreach (var policy in LearningBenchmark.Policies)
        {
            writer.WriteStartObject(policy);
            Regret(policy).Write(writer, "regret");
            RegretBefore(policy).Write(writer, "regret_before_drift");
            RegretAfter(policy).Write(writer, "regret_after_drift");
            SuccessRate(policy).Write(writer, "success_rate", digits: 4);
            if (policy != MnemoPolicy.PolicyName)
            {
                writer.WriteNumber("seeds_mnemo_lower", SeedsWonAgainst(policy));
            }

            writer.WriteStartObject("adaptation");
            foreach (var context in DriftingContexts)
            {
                var (rounds, adapted) = Adaptation(policy, context);
                writer.WriteStartObject(context);
                writer.WriteNumber("adapted_seeds", adapted);
                if (adapted > 0)
                {
                    rounds.Write(writer, "rounds", digits: 1);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        WriteCoverage(writer);
        writer.WriteStartObject("checks");
        foreach (var check in Checks())
        {
            check.Write(writer);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("per_seed");
        foreach (var run in Seeds)
        {
            WriteSeed(writer, run);
        }

        writer.WriteEndArray();
        writer.WriteNumber("total_seconds", Math.Round(TotalSeconds, 3));
        writer.WriteEndObject();
    }

    private void WriteCoverage(Utf8JsonWriter writer)
    {
        var coverage = Coverage;
        var (low, high) = CoverageBand;
        writer.WriteStartObject("coverage");
        writer.WriteNumber("level", Options.Parameters.CredibleLevel);
        writer.WriteNumber("band_low", Math.Round(low, 4));
        writer.WriteNumber("band_high", Math.Round(high, 4));
        writer.WriteNumber("shortly_after_rounds", Options.ShortlyAfterRounds);
        coverage.Overall.Write(writer, "overall");
        coverage.BeforeDrift.Write(writer, "before_drift");
        coverage.AfterDrift.Write(writer, "after_drift");
        coverage.ShortlyAfterDrift.Write(writer, "shortly_after_drift");
        coverage.LaterAfterDrift.Write(writer, "later_after_drift");
        coverage.Best.Write(writer, "best_strategy");
        coverage.Others.Write(writer, "other_strategies");
        writer.WriteStartObject("by_context");
        for (var c = 0; c < LearningEnvironment.Contexts.Count; c++)
        {
            coverage.ByContext[c].Write(writer, LearningEnvironment.Contexts[c]);
        }

        writer.WriteEndObject();
        SeedStatistics.Of(Seeds.Select(s => s.Coverage.Overall.Rate ?? double.NaN)).Write(writer, "per_seed", digits: 4);
        writer.WriteEndObject();
    }

    private void WriteSeed(Utf8JsonWriter writer, SeedRun run)
    {
        writer.WriteStartObject();
        writer.WriteNumber("seed", run.Seed);
        WriteStrings(writer, "strategies", run.Environment.Strategies);
        writer.WriteStartObject("true_rates");
        for (var c = 0; c < LearningEnvironment.Contexts.Count; c++)
        {
            writer.WriteStartObject(LearningEnvironment.Contexts[c]);
            for (var phase = 0; phase < run.Environment.Phases; phase++)
            {
                writer.WriteStartArray(phase == 0 ? "before_drift" : "after_drift");
                foreach (var rate in run.Environment.RatesIn(phase, c))
                {
                    writer.WriteNumberValue(Math.Round(rate, 4));
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("policies");
        foreach (var policy in run.Runs)
        {
            writer.WriteStartObject(policy.Policy);
            writer.WriteNumber("regret", Math.Round(policy.TotalRegret, 3));
            writer.WriteNumber("regret_before_drift", Math.Round(policy.RegretBefore(Options.DriftRound), 3));
            writer.WriteNumber("regret_after_drift", Math.Round(policy.RegretAfter(Options.DriftRound), 3));
            writer.WriteNumber("successes", policy.Successes);
            writer.WriteStartObject("adaptation_rounds");
            foreach (var (context, rounds) in policy.Adaptation)
            {
                if (rounds is { } value)
                {
                    writer.WriteNumber(context, value);
                }
                else
                {
                    writer.WriteNull(context);
                }
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        run.Coverage.Overall.Write(writer, "coverage");
        run.Coverage.ShortlyAfterDrift.Write(writer, "coverage_shortly_after_drift");
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
