using System.Text.Json;
using Mnemo.Core.Errors;

namespace Mnemo.Core.Entries;

/// <summary>Checks entry fields before anything is written; every failure names the value and the fix.</summary>
internal static class EntryValidator
{
    /// <summary>Returns the kind to store, or throws when it is not a short lower-case word.</summary>
    public static string NormalizeKind(string? kind)
    {
        if (string.IsNullOrEmpty(kind))
        {
            return EntryDefaults.Kind;
        }

        var ok = kind.Length <= EntryDefaults.MaxKindLength && char.IsAsciiLetterLower(kind[0]);
        foreach (var c in kind)
        {
            ok &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_';
        }

        return ok
            ? kind
            : throw new ArgumentException(
                $"kind {UserValue.Quote(kind)} is not a short word: use lower-case letters, digits, - and _ (at most {EntryDefaults.MaxKindLength}), e.g. 'decision'",
                nameof(kind));
    }

    /// <summary>Trims tags, drops duplicates (keeping first-seen order) and rejects empty, long or comma-holding ones.</summary>
    public static IReadOnlyList<string> NormalizeTags(IReadOnlyList<string>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            return [];
        }

        var result = new List<string>(tags.Count);
        foreach (var raw in tags)
        {
            var tag = raw?.Trim() ?? "";
            if (tag.Length == 0 || tag.Length > EntryDefaults.MaxTagLength || tag.Contains(',') || tag.Any(char.IsControl)
                || UnicodeText.IndexOfInvalid(tag) >= 0)
            {
                throw new ArgumentException(
                    $"tag {UserValue.Quote(raw)} is invalid: tags are 1..{EntryDefaults.MaxTagLength} characters of valid Unicode without commas or control characters",
                    nameof(tags));
            }

            if (!result.Contains(tag, StringComparer.Ordinal))
            {
                result.Add(tag);
            }
        }

        return result.Count <= EntryDefaults.MaxTags
            ? result
            : throw new ArgumentException($"{result.Count} tags given: at most {EntryDefaults.MaxTags} are allowed", nameof(tags));
    }

    /// <summary>Returns the importance to store, or throws when it is outside 0..1.</summary>
    public static double NormalizeImportance(double? importance)
    {
        var value = importance ?? EntryDefaults.Importance;
        return value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(importance), value,
                $"importance {value} is outside 0..1: give a number such as 0.8");
    }

    /// <summary>Returns the agent name to record (null when none), or throws when it has characters a name cannot have.</summary>
    public static string? NormalizeAgent(string? agent) => NormalizeName(agent, "agent");

    /// <summary>A session id under the same rules as an agent name; null or empty means none.</summary>
    public static string? NormalizeSession(string? session) => NormalizeName(session, "session");

    private static string? NormalizeName(string? agent, string what)
    {
        if (string.IsNullOrEmpty(agent))
        {
            return null;
        }

        var ok = agent.Length <= EntryDefaults.MaxAgentLength;
        foreach (var c in agent)
        {
            ok &= char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or ':';
        }

        return ok
            ? agent
            : throw new ArgumentException(
                $"{what} name {UserValue.Quote(agent)} is invalid: use letters, digits and -_.@: (at most {EntryDefaults.MaxAgentLength})", what);
    }

    /// <summary>Throws unless <paramref name="metadata"/> is absent or a JSON object.</summary>
    public static void CheckMetadata(JsonElement? metadata)
    {
        if (metadata is { } m && m.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException(
                $"metadata must be a JSON object such as {{\"source\":\"chat\"}}, not a {m.ValueKind.ToString().ToLowerInvariant()}",
                nameof(metadata));
        }
    }

    /// <summary>Throws unless <paramref name="ttl"/> is absent or positive.</summary>
    public static void CheckTimeToLive(TimeSpan? ttl)
    {
        if (ttl is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), t, $"time to live {t} is not positive: give a duration such as 2h");
        }
    }
}
