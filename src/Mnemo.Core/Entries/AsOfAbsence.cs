using Mnemo.Core.Errors;
using Mnemo.Core.Messages;
using Mnemo.Core.Time;

namespace Mnemo.Core.Entries;

/// <summary>
/// Why a key had no entry at a past time, told from its history: "no entry" alone sends the user to check a key that is
/// right, when the entry simply did not exist yet, or had been forgotten by then.
/// </summary>
internal static class AsOfAbsence
{
    /// <summary>The one-line NotFound message for <paramref name="key"/> at <paramref name="asOf"/>.</summary>
    /// <param name="key">The key read.</param>
    /// <param name="asOf">The time it was read at.</param>
    /// <param name="history">Every version of the key, oldest first (as <c>GetHistoryAsync</c> gives them).</param>
    public static string Describe(string key, DateTimeOffset asOf, IReadOnlyList<EntryVersion> history)
    {
        var head = $"no entry {UserValue.Quote(key)} at {Timestamps.Format(asOf)}";
        if (history.Count == 0)
        {
            return $"{head}: the key was never written";
        }

        var first = history[0];
        if (asOf < first.At)
        {
            // Forgetting with its history erases every version before the removal, which stays as the first one left.
            return first.Version > 1
                ? $"{head}: its versions before {Timestamps.Format(first.At)} were erased with its history"
                : $"{head}: the key did not exist yet; it was created at {Timestamps.Format(first.At)}, {Span(first.At - asOf)} later";
        }

        var visible = history.Last(version => version.At <= asOf);
        var rewritten = history.FirstOrDefault(version => version.At > asOf && version.Change == ChangeKind.Put) is { } next
            ? $"; it was written again at {Timestamps.Format(next.At)}"
            : "";
        var at = Timestamps.Format(visible.At);
        return visible.Change switch
        {
            ChangeKind.Delete => $"{head}: the key was forgotten at {at}{rewritten}",
            ChangeKind.Expire => $"{head}: the entry had expired and was removed at {at}{rewritten}",
            ChangeKind.Evict => $"{head}: the entry was removed as unused at {at}{rewritten}",
            ChangeKind.Put when visible.Entry?.ExpiresAt is { } expiresAt && expiresAt <= asOf
                => $"{head}: the entry had expired at {Timestamps.Format(expiresAt)}{rewritten}",
            _ => head,
        };
    }

    /// <summary>A duration in its two largest units, e.g. "1 hour 55 minutes", "5 minutes", "3 seconds".</summary>
    private static string Span(TimeSpan span)
    {
        var parts = new (long Count, string One, string Many)[]
        {
            (span.Days, "day", "days"),
            (span.Hours, "hour", "hours"),
            (span.Minutes, "minute", "minutes"),
            (span.Seconds, "second", "seconds"),
        };
        var shown = parts.SkipWhile(part => part.Count == 0).Take(2).Where(part => part.Count > 0).ToList();
        return shown.Count == 0 ? "less than a second" : string.Join(' ', shown.Select(part => Counted.Of(part.Count, part.One, part.Many)));
    }
}
