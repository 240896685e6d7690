using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnemo.Core.Learning.Recovery;

/// <summary>
/// Turns one cluster's error records into advice (pure, so tests can check each figure against an independent count):
/// fixes grouped by their normalised text, each with times tried and worked and a Beta(1 + worked, 1 + failed)
/// posterior, best first.
/// </summary>
internal static partial class RecoveryAdvisor
{
    /// <summary>The advice for <paramref name="error"/> from the records of the cluster it matched.</summary>
    public static RecoveryAdvice Advise(
        string error, string signature, ErrorMatch match, double? score, IReadOnlyList<RecordedError> cluster, int top)
    {
        if (match == ErrorMatch.None || cluster.Count == 0)
        {
            return NoMatch(error, signature, score);
        }

        var newestFirst = cluster.OrderByDescending(record => record.At).ThenByDescending(record => record.Key, StringComparer.Ordinal).ToList();
        var examples = newestFirst.Select(record => record.Message).Distinct(StringComparer.Ordinal).Take(RecoveryDefaults.Examples).ToList();
        var fixes = newestFirst.Where(record => record.Fix is not null)
            .GroupBy(record => NormalizeFix(record.Fix!), StringComparer.Ordinal)
            .Select(group => Estimate(group.Key, [.. group]))
            .OrderByDescending(fix => fix.SuccessRate)
            .ThenByDescending(fix => fix.Worked)
            .ThenByDescending(fix => fix.LastUsed)
            .ThenBy(fix => fix.Normalized, StringComparer.Ordinal)
            .ToList();
        var unfixed = cluster.Count(record => record.Fix is null);
        var how = match == ErrorMatch.Signature
            ? "the same error (signature) was recorded"
            : $"a similar error was recorded (score {score!.Value.ToString("0.00", CultureInfo.InvariantCulture)} ≥ {RecoveryDefaults.MeaningThreshold.ToString("0.00", CultureInfo.InvariantCulture)})";
        var note = fixes.Count == 0
            ? $"{how} {Times(cluster.Count)}, but no fix was recorded for it"
            : $"{how} {Times(cluster.Count)}; {fixes.Count} fix{(fixes.Count == 1 ? " was" : "es were")} tried";
        return new RecoveryAdvice(error, signature, match, score, RecoveryDefaults.MeaningThreshold, cluster[0].Cluster, cluster[0].Signature,
            cluster.Count, unfixed, examples, fixes.Count > top ? fixes.GetRange(0, top) : fixes, note);
    }

    /// <summary>The answer when no recorded error is near enough: nothing invented, the best score seen if any.</summary>
    public static RecoveryAdvice NoMatch(string error, string signature, double? score)
    {
        var note = score is { } best
            ? $"no similar error was recorded: the nearest scores {best.ToString("0.00", CultureInfo.InvariantCulture)}, below the {RecoveryDefaults.MeaningThreshold.ToString("0.00", CultureInfo.InvariantCulture)} a match needs"
            : "no similar error was recorded";
        return new RecoveryAdvice(error, signature, ErrorMatch.None, score, RecoveryDefaults.MeaningThreshold, null, null, 0, 0, [], [], note);
    }

    /// <summary>The text fixes are grouped by: lower-cased, whitespace collapsed, final punctuation dropped.</summary>
    /// <remarks>Numbers are kept: "set the pool size to 50" and "... to 5" are different prescriptions.</remarks>
    public static string NormalizeFix(string fix) =>
        Whitespace().Replace(fix.ToLowerInvariant(), " ").Trim().TrimEnd('.', '!', ';', ',', ' ');

    private static FixEstimate Estimate(string normalized, IReadOnlyList<RecordedError> newestFirst)
    {
        var tried = newestFirst.Count;
        var worked = newestFirst.Count(record => record.Worked == true);
        var posterior = new BetaDistribution(1 + worked, 1 + tried - worked);
        var (low, high) = posterior.CredibleInterval(RecoveryDefaults.CredibleLevel);
        var tools = newestFirst.Select(record => record.Tool).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new FixEstimate(newestFirst[0].Fix!.Trim(), normalized, tried, worked, posterior.Mean, low, high,
            RecoveryDefaults.CredibleLevel, newestFirst[0].At, tools);
    }

    private static string Times(int count) => count == 1 ? "once" : $"{count} times";

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
