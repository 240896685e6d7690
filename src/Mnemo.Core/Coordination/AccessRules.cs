namespace Mnemo.Core.Coordination;

/// <summary>
/// The access rules of a store at one moment, and the decisions they make. With no rules the store is open: every
/// agent may do everything (a single user needs no setup). Once a rule exists, an agent may do only what a rule grants
/// it or every agent, on the prefixes it names.
/// </summary>
public sealed class AccessRules
{
    /// <summary>The agent name that stands for every agent in a rule.</summary>
    public const string EveryAgent = "*";

    /// <summary>No rules: everything allowed.</summary>
    public static readonly AccessRules Open = new([]);

    /// <summary>Creates a rule set.</summary>
    public AccessRules(IReadOnlyList<AccessRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    /// <summary>The rules, as stored.</summary>
    public IReadOnlyList<AccessRule> Rules { get; }

    /// <summary>True when there are no rules, so nothing is checked.</summary>
    public bool IsOpen => Rules.Count == 0;

    /// <summary>True when the agent holds at least <paramref name="right"/> on <paramref name="key"/> (a key or a prefix).</summary>
    public bool Allows(string? agent, string key, AccessRight right) => IsOpen || Rules.Any(rule =>
        AppliesTo(rule, agent) && rule.Right >= right && key.StartsWith(rule.Prefix, StringComparison.Ordinal));

    /// <summary>
    /// True when the agent holds <paramref name="right"/> on some keys under <paramref name="prefix"/>: on all of them,
    /// or on a narrower prefix inside it. A listing or search under the prefix then shows what it may see.
    /// </summary>
    public bool AllowsSomeUnder(string? agent, string prefix, AccessRight right) => Allows(agent, prefix, right) || Rules.Any(rule =>
        AppliesTo(rule, agent) && rule.Right >= right && rule.Prefix.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The throwable denial of a right, naming the agent, the key and the right missing.</summary>
    internal static MnemoException Denied(string? agent, string key, AccessRight right) => Errors.MnemoErrors.AccessDenied(agent, key, right);

    private static bool AppliesTo(AccessRule rule, string? agent) =>
        rule.Agent == EveryAgent || (agent is not null && string.Equals(rule.Agent, agent, StringComparison.Ordinal));
}
