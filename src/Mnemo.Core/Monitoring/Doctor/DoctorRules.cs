namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>The doctor's rules, in the order they run.</summary>
public static class DoctorRules
{
    // The one list: names for callers and the rules themselves, in one order.
    private static readonly IDoctorRule[] s_all =
    [
        new ExpiredEntriesRule(),
        new UnreadEntriesRule(),
        new NearDuplicatesRule(),
        new RevertedValuesRule(),
        new FastGrowthRule(),
        new HistoryDepthRule(),
        new VectorIndexRule(),
        new WalRule(),
        new QuotaRule(),
        new OrphanLinksRule(),
    ];

    /// <summary>Every rule's name, in the order they run.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_all.Select(rule => rule.Name)];

    /// <summary>The rules named (every rule when none is), in the order they run.</summary>
    /// <exception cref="ArgumentException">A name is not a rule's; the message lists the rules.</exception>
    internal static IReadOnlyList<IDoctorRule> Select(IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0)
        {
            return s_all;
        }

        foreach (var name in names)
        {
            if (!s_all.Any(rule => string.Equals(rule.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException($"'{name}' is not a doctor rule: use one of {string.Join(", ", Names)}", nameof(names));
            }
        }

        return [.. s_all.Where(rule => names.Any(name => string.Equals(rule.Name, name, StringComparison.OrdinalIgnoreCase)))];
    }
}
