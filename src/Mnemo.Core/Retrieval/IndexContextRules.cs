using System.Text;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;

namespace Mnemo.Core.Retrieval;

/// <summary>
/// Which context each namespace indexes beside its entries' text: rules by key prefix, the longest matching prefix
/// winning; the store default (prefix "") is <see cref="ContextFields.All"/> unless a rule for "" says otherwise.
/// </summary>
/// <remarks>
/// Stored in the store as one setting (<see cref="Setting"/>) in the form <see cref="Spec"/> writes, so every process
/// indexes the same way; both indexes are rebuilt when it changes, since they derive from it.
/// </remarks>
public sealed class IndexContextRules
{
    /// <summary>The store setting that holds the rules.</summary>
    public const string Setting = "index_context";

    /// <summary>The rules when none were set: every namespace indexes who, when and title.</summary>
    public static readonly IndexContextRules Default = new(new SortedDictionary<string, ContextFields>(StringComparer.Ordinal));

    private readonly SortedDictionary<string, ContextFields> _byPrefix;

    private IndexContextRules(SortedDictionary<string, ContextFields> byPrefix) => _byPrefix = byPrefix;

    /// <summary>The rules set, by prefix (the default for "" is not listed unless set).</summary>
    public IReadOnlyDictionary<string, ContextFields> ByPrefix => _byPrefix;

    /// <summary>The context fields indexed for <paramref name="key"/>.</summary>
    public ContextFields For(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var best = -1;
        var fields = ContextFields.All;
        foreach (var (prefix, rule) in _byPrefix)
        {
            if (prefix.Length > best && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                (best, fields) = (prefix.Length, rule);
            }
        }

        return fields;
    }

    /// <summary>These rules with <paramref name="fields"/> for <paramref name="prefix"/> (null removes the prefix's rule).</summary>
    /// <exception cref="ArgumentException">The prefix is not "" or a key prefix ending in '/'.</exception>
    public IndexContextRules With(string prefix, ContextFields? fields)
    {
        ValidatePrefix(prefix);
        var copy = new SortedDictionary<string, ContextFields>(_byPrefix, StringComparer.Ordinal);
        if (fields is { } set)
        {
            copy[prefix] = set;
        }
        else
        {
            copy.Remove(prefix);
        }

        return new IndexContextRules(copy);
    }

    /// <summary>One line per rule, <c>PREFIX=FIELDS</c>, sorted: the stored form, and what <see cref="Parse"/> reads back.</summary>
    public string Spec => string.Join('\n', _byPrefix.Select(rule => $"{rule.Key}={FormatFields(rule.Value)}"));

    /// <summary>Reads <see cref="Spec"/>; null or empty gives <see cref="Default"/>.</summary>
    /// <exception cref="FormatException">A line is not <c>PREFIX=FIELDS</c>.</exception>
    public static IndexContextRules Parse(string? spec)
    {
        var rules = new SortedDictionary<string, ContextFields>(StringComparer.Ordinal);
        foreach (var line in (spec ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = line.LastIndexOf('=');
            if (equals < 0)
            {
                throw new FormatException($"the index context rule {UserValue.Quote(line)} is not PREFIX=FIELDS");
            }

            rules[line[..equals]] = ParseFields(line[(equals + 1)..]);
        }

        return new IndexContextRules(rules);
    }

    /// <summary>Reads a field list: <c>who,when,title</c> in any order and combination, <c>all</c>, or <c>none</c>.</summary>
    /// <exception cref="FormatException">A name is none of those.</exception>
    public static ContextFields ParseFields(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fields = ContextFields.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            fields |= name.ToLowerInvariant() switch
            {
                "who" => ContextFields.Who,
                "when" => ContextFields.When,
                "title" => ContextFields.Title,
                "all" => ContextFields.All,
                "none" => ContextFields.None,
                _ => throw new FormatException($"{UserValue.Quote(name)} is not a context field: use who, when, title (comma-separated), all or none"),
            };
        }

        return fields;
    }

    /// <summary>A field list as <see cref="ParseFields"/> reads it: <c>who,when,title</c> or <c>none</c>.</summary>
    public static string FormatFields(ContextFields fields)
    {
        if (fields == ContextFields.None)
        {
            return "none";
        }

        var names = new StringBuilder();
        foreach (var (flag, name) in new[] { (ContextFields.Who, "who"), (ContextFields.When, "when"), (ContextFields.Title, "title") })
        {
            if (fields.HasFlag(flag))
            {
                names.Append(names.Length > 0 ? "," : "").Append(name);
            }
        }

        return names.ToString();
    }

    private static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0 && (!prefix.EndsWith('/') || !MemoryKey.IsValid(prefix[..^1])))
        {
            throw new ArgumentException($"{UserValue.Quote(prefix)} is not a namespace prefix: use \"\" for the whole store or a key prefix ending in '/', e.g. chats/", nameof(prefix));
        }
    }
}
