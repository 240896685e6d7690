using System.Globalization;
using System.Text.Json;

namespace Mnemo.Core.Learning;

/// <summary>
/// What the recommender assumes and how it weighs evidence, stored and versioned in the entry
/// <see cref="LearningKeys.Parameters"/> (every change is a new version in its history). See docs/learning.md.
/// </summary>
public sealed record LearningParameters
{
    /// <summary>The prior's pseudo-successes α₀ (default 1: with <see cref="PriorFailures"/> 1, the uniform prior Beta(1, 1)).</summary>
    public double PriorSuccesses { get; init; } = 1;

    /// <summary>The prior's pseudo-failures β₀ (default 1).</summary>
    public double PriorFailures { get; init; } = 1;

    /// <summary>
    /// Days after which an outcome counts half as much as a new one (default 7); 0 turns decay off. Older evidence fades, so
    /// a strategy that stopped working loses its lead. 7 days had the lowest regret of 0, 7, 30 and 90 in <c>bench learn</c>'s
    /// tuning sweep (one task an hour, success rates changing once in 83 days; docs/learning-bench.md): with fewer outcomes
    /// a day, a longer half-life keeps as many outcomes in play.
    /// </summary>
    public double HalfLifeDays { get; init; } = 7;

    /// <summary>
    /// How far Thompson sampling strays from the posterior means, 0..1 (default 0.5): each candidate scores mean + e·(draw − mean)
    /// with its draw from its posterior, so 1 is plain Thompson sampling and 0 picks the highest mean (no exploration). 0.5
    /// had a lower regret than 0.25 and 1 in <c>bench learn</c>'s tuning sweep (docs/learning-bench.md).
    /// </summary>
    public double Exploration { get; init; } = 0.5;

    /// <summary>
    /// The effective outcomes (decayed) a context needs before its own evidence stands alone (default 5): below it, the
    /// strategy's outcomes under other contexts fill the gap, scaled down to the missing weight, and a recommendation with
    /// less evidence than this is flagged as thin. 5 had the lowest regret and the best calibrated intervals of 1, 3, 5 and
    /// 10 in <c>bench learn</c>'s tuning seeds (docs/learning-bench.md).
    /// </summary>
    public double MinEvidence { get; init; } = 5;

    /// <summary>The probability the reported credible intervals hold, in (0, 1) (default 0.9).</summary>
    public double CredibleLevel { get; init; } = 0.9;

    /// <summary>The defaults, used until parameters are set.</summary>
    public static LearningParameters Default { get; } = new();

    /// <summary>The uniform-prior distribution these parameters start every estimate from.</summary>
    public BetaDistribution Prior => new(PriorSuccesses, PriorFailures);

    /// <summary>The JSON names of the parameters, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["prior_successes", "prior_failures", "half_life_days", "exploration", "min_evidence", "credible_level"];

    /// <summary>Why these parameters cannot be used (naming the parameter, its value and the allowed range), or null.</summary>
    public string? Check()
    {
        return Range("prior_successes", PriorSuccesses, 0.01, 1000, "above 0 and at most 1000, e.g. 1")
            ?? Range("prior_failures", PriorFailures, 0.01, 1000, "above 0 and at most 1000, e.g. 1")
            ?? Range("half_life_days", HalfLifeDays, 0, 36_500, "0 (no decay) to 36500 days, e.g. 30")
            ?? Range("exploration", Exploration, 0, 1, "0 (always the highest mean) to 1 (plain Thompson sampling)")
            ?? Range("min_evidence", MinEvidence, 0, 1_000_000, "0 to 1000000 outcomes, e.g. 5")
            ?? (CredibleLevel is > 0 and < 1 ? null : $"credible_level {Format(CredibleLevel)} is out of range: give a probability strictly between 0 and 1, e.g. 0.9");

        static string? Range(string name, double value, double min, double max, string allowed) =>
            double.IsFinite(value) && value >= min && value <= max ? null : $"{name} {Format(value)} is out of range: give {allowed}";
    }

    /// <summary>The weight of an outcome <paramref name="age"/> old: 0.5^(age / half-life), 1 without decay or for a future time.</summary>
    public double DecayWeight(TimeSpan age) =>
        HalfLifeDays == 0 || age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age.TotalDays / HalfLifeDays);

    /// <summary>
    /// These parameters with the ones named in <paramref name="changes"/> (a JSON object of <see cref="Names"/>; the seeds'
    /// <c>exploration_factor</c> is read as <c>exploration</c>) replaced. Returns the reason when a name is unknown or a
    /// value is not a number; the result is not range-checked (<see cref="Check"/>).
    /// </summary>
    public (LearningParameters? Parameters, string? Error) With(JsonElement changes)
    {
        if (changes.ValueKind != JsonValueKind.Object)
        {
            return (null, $"learning parameters must be a JSON object such as {{\"exploration\":0.5}}, not {changes.ValueKind.ToString().ToLowerInvariant()}");
        }

        var result = this;
        foreach (var property in changes.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var value))
            {
                return (null, $"learning parameter {property.Name} must be a number, not {property.Value.GetRawText()}");
            }

            LearningParameters? changed = property.Name switch
            {
                "prior_successes" => result with { PriorSuccesses = value },
                "prior_failures" => result with { PriorFailures = value },
                "half_life_days" => result with { HalfLifeDays = value },
                "exploration" or "exploration_factor" => result with { Exploration = value },
                "min_evidence" => result with { MinEvidence = value },
                "credible_level" => result with { CredibleLevel = value },
                _ => null,
            };
            if (changed is null)
            {
                return (null, $"there is no learning parameter {property.Name}: the parameters are {string.Join(", ", Names)}");
            }

            result = changed;
        }

        return (result, null);
    }

    /// <summary>Writes the parameters as the properties of the current JSON object.</summary>
    public void WriteProperties(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("prior_successes", PriorSuccesses);
        writer.WriteNumber("prior_failures", PriorFailures);
        writer.WriteNumber("half_life_days", HalfLifeDays);
        writer.WriteNumber("exploration", Exploration);
        writer.WriteNumber("min_evidence", MinEvidence);
        writer.WriteNumber("credible_level", CredibleLevel);
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
