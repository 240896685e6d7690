using System.Text.Json;

namespace Mnemo.Benchmarks.Context;

/// <summary>
/// What one method's contexts at one budget held: the needed evidence markers found in the text, the tokens used, and
/// how many contexts went over the budget.
/// </summary>
/// <param name="method">The method: <see cref="ContextBenchmark.Assembled"/>, <see cref="ContextBenchmark.Recent"/> or <see cref="ContextBenchmark.TopK"/>.</param>
/// <param name="budget">The budget, in tokens.</param>
internal sealed class EvidenceTally(string method, int budget)
{
    private readonly Dictionary<string, (int Markers, int Found)> _byCategory = new(StringComparer.Ordinal);

    /// <summary>The method.</summary>
    public string Method { get; } = method;

    /// <summary>The budget, in tokens.</summary>
    public int Budget { get; } = budget;

    /// <summary>Contexts built (one per question).</summary>
    public int Contexts { get; private set; }

    /// <summary>Evidence markers the questions needed.</summary>
    public int Markers { get; private set; }

    /// <summary>Needed markers found in the context text.</summary>
    public int Found { get; private set; }

    /// <summary>Tokens of every context, summed.</summary>
    public long Tokens { get; private set; }

    /// <summary>The most tokens any context had.</summary>
    public int MaxTokens { get; private set; }

    /// <summary>Contexts over the budget, by their own count or by a recount of their text.</summary>
    public int Violations { get; private set; }

    /// <summary>Questions about a changed fact whose context also holds a value it no longer has.</summary>
    public int Stale { get; private set; }

    /// <summary>The share of needed markers found (0 when none were needed).</summary>
    public double Share => Markers == 0 ? 0 : (double)Found / Markers;

    /// <summary>The mean tokens of a context.</summary>
    public double MeanTokens => Contexts == 0 ? 0 : (double)Tokens / Contexts;

    /// <summary>Scores one question's context.</summary>
    /// <param name="question">The question, with its markers.</param>
    /// <param name="text">The context text.</param>
    /// <param name="tokens">The tokens the method says the context has.</param>
    /// <param name="recounted">The tokens of the text counted again here, whole, with the same tokenizer.</param>
    public void Add(ContextQuestion question, string text, int tokens, int recounted)
    {
        var markers = question.Markers;
        var found = markers.Count(marker => text.Contains(marker, StringComparison.Ordinal));
        Contexts++;
        (Markers, Found) = (Markers + markers.Count, Found + found);
        var used = Math.Max(tokens, recounted);
        (Tokens, MaxTokens) = (Tokens + used, Math.Max(MaxTokens, used));
        Violations += used > Budget ? 1 : 0;
        Stale += question.Superseded.Any(old => text.Contains(old, StringComparison.Ordinal)) ? 1 : 0;
        var (categoryMarkers, categoryFound) = _byCategory.GetValueOrDefault(question.Category);
        _byCategory[question.Category] = (categoryMarkers + markers.Count, categoryFound + found);
    }

    /// <summary>The share of needed markers found among one category's questions, or null when it had none.</summary>
    public double? ShareOf(string category) =>
        _byCategory.TryGetValue(category, out var c) && c.Markers > 0 ? (double)c.Found / c.Markers : null;

    /// <summary>Writes the figures into the current object.</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("evidence_share", Math.Round(Share, 4));
        writer.WriteNumber("markers", Markers);
        writer.WriteNumber("found", Found);
        writer.WriteNumber("contexts", Contexts);
        writer.WriteNumber("mean_tokens", Math.Round(MeanTokens, 1));
        writer.WriteNumber("max_tokens", MaxTokens);
        writer.WriteNumber("budget_violations", Violations);
        writer.WriteNumber("stale_values", Stale);
        writer.WriteStartObject("by_category");
        foreach (var category in ContextDataset.Categories.Where(_byCategory.ContainsKey))
        {
            var (markers, found) = _byCategory[category];
            writer.WriteStartObject(category);
            writer.WriteNumber("markers", markers);
            writer.WriteNumber("found", found);
            writer.WriteNumber("evidence_share", Math.Round(ShareOf(category) ?? 0, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
