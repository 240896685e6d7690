using Mnemo.Core.Coordination;
using Mnemo.Core.Entries;
using Mnemo.Core.Errors;
using Mnemo.Core.Keys;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// The agent this engine acts for (<see cref="MnemoOptions.Agent"/>, or the one given to <see cref="As"/>): recorded on
    /// its writes and checked by access rules.
    /// </summary>
    /// <remarks>Checked once, then kept: every read asks for it.</remarks>
    public string? Agent => _caller is { } caller ? caller.Agent : _agent ??= EntryValidator.NormalizeAgent(_options.Agent);

    /// <summary>
    /// The access rules in force that the engine's agent may see: the rules that apply to it and those on prefixes it
    /// administers (an admin of the whole store sees all); none at all means the store is open to every agent.
    /// </summary>
    public async Task<VisibleAccessRules> ListAccessRulesAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        var visible = rules.Rules.Where(rule => rules.CanSeeRule(Agent, rule)).ToList();
        return new VisibleAccessRules(visible, rules.Rules.Count - visible.Count);
    }

    /// <summary>
    /// Grants an agent (or <see cref="AccessRules.EveryAgent"/>) a right on every key under a prefix, replacing the right it
    /// held on that prefix. Needs admin on the prefix, except for the first rule of an open store, which must grant admin
    /// so that someone can manage the rules afterwards. Returns false when the rule was already in force.
    /// </summary>
    public async Task<bool> GrantAsync(string agent, string prefix, AccessRight right, CancellationToken cancellationToken = default)
    {
        var grantee = NormalizeGrantee(agent);
        ValidatePrefix(prefix);
        if (!Enum.IsDefined(right))
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, "the right is read, write or admin");
        }

        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        if (rules.IsOpen && right != AccessRight.Admin)
        {
            throw new ArgumentException(
                $"the first access rule must grant admin, or nobody could manage the rules afterwards: first grant {Agent ?? "an agent"} admin on the prefix \"\" (every key)",
                nameof(right));
        }

        Demand(rules, prefix, AccessRight.Admin, Agent);
        return await _store.PutAccessRuleAsync(new AccessRule(grantee, prefix, right, Agent, Now()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Revokes an agent's rule on a prefix; needs admin on the prefix, and refuses to remove the last admin rule while
    /// other rules remain (nobody could manage them). Returns false when there was no such rule.
    /// </summary>
    public async Task<bool> RevokeAsync(string agent, string prefix, CancellationToken cancellationToken = default)
    {
        var grantee = NormalizeGrantee(agent);
        ValidatePrefix(prefix);
        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        Demand(rules, prefix, AccessRight.Admin, Agent);
        var remaining = rules.Rules.Where(rule => rule.Agent != grantee || rule.Prefix != prefix).ToList();
        if (remaining.Count > 0 && remaining.Count < rules.Rules.Count && !remaining.Any(rule => rule.Right == AccessRight.Admin))
        {
            throw new ArgumentException(
                $"revoking {grantee} on {UserValue.Quote(prefix)} would leave rules that nobody may manage: grant admin to another agent first", nameof(agent));
        }

        return await _store.RemoveAccessRuleAsync(grantee, prefix, Agent, Now(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws <see cref="MnemoErrorCode.AccessDenied"/> unless the agent (default: this engine's) holds the right on the key.</summary>
    private async ValueTask DemandAsync(string key, AccessRight right, CancellationToken cancellationToken, string? agent = null) =>
        Demand(await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false), key, right, agent ?? Agent);

    /// <summary>Throws unless some keys under the prefix are readable, and returns the rules to filter the results with.</summary>
    private async ValueTask<AccessRules> DemandSomeReadableAsync(string prefix, CancellationToken cancellationToken)
    {
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        return rules.AllowsSomeUnder(Agent, prefix, AccessRight.Read) ? rules : throw AccessRules.Denied(Agent, prefix, AccessRight.Read);
    }

    private static void Demand(AccessRules rules, string key, AccessRight right, string? agent)
    {
        if (!rules.Allows(agent, key, right))
        {
            throw AccessRules.Denied(agent, key, right);
        }
    }

    private bool CanRead(AccessRules rules, string key) => rules.Allows(Agent, key, AccessRight.Read);

    private static string NormalizeGrantee(string agent)
    {
        ArgumentException.ThrowIfNullOrEmpty(agent);
        return agent == AccessRules.EveryAgent ? agent : EntryValidator.NormalizeAgent(agent)!;
    }

    private static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length > 0)
        {
            // A prefix is a key or the start of one: what a key may hold, possibly ending in '/'.
            MemoryKey.Validate(prefix.TrimEnd('/'), nameof(prefix));
        }
    }
}
