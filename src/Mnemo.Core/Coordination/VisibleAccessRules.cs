namespace Mnemo.Core.Coordination;

/// <summary>The access rules an agent may see (<see cref="AccessVisibility.CanSeeRule"/>), and how many others exist.</summary>
/// <param name="Rules">The rules it may see, as stored.</param>
/// <param name="Hidden">
/// How many rules it may not see (rules for other agents on prefixes it does not administer): counted, so that a store
/// with rules is never shown as open.
/// </param>
public sealed record VisibleAccessRules(IReadOnlyList<AccessRule> Rules, int Hidden)
{
    /// <summary>True when the store has no rules at all: every agent may do everything.</summary>
    public bool StoreIsOpen => Rules.Count == 0 && Hidden == 0;
}
