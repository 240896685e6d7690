using Mnemo.Core.Coordination;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    /// <summary>
    /// Storage used against quotas (<see cref="MnemoOptions.AgentQuotaBytes"/>, <see cref="MnemoOptions.SessionQuotaBytes"/>),
    /// largest share first: of every agent and session that holds entries when the engine's agent administers the whole
    /// store (or the store is open), otherwise of its own agent and session only.
    /// </summary>
    public async Task<IReadOnlyList<QuotaUsage>> GetQuotaUsageAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var rules = await _store.GetAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        var usage = await _store.GetUsageAsync(cancellationToken).ConfigureAwait(false);
        var session = Session;
        var seesAll = rules.SeesEverything(Agent);
        return usage
            .Where(u => seesAll || (u.IsSession ? u.Name == session : u.Name == Agent))
            .Select(u => new QuotaUsage(u.IsSession, u.Name, u.Bytes, u.IsSession ? _options.SessionQuotaBytes : _options.AgentQuotaBytes, _options.QuotaWarningFraction))
            .OrderByDescending(u => u.Fraction).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The usage of this engine's agent and session that has reached the warning share of its quota (empty when none has).</summary>
    public async Task<IReadOnlyList<QuotaUsage>> GetQuotaWarningsAsync(CancellationToken cancellationToken = default)
    {
        var session = Session;
        return (await GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false))
            .Where(u => u.IsWarning && (u.IsSession ? u.Name == session : u.Name == Agent))
            .ToList();
    }
}
