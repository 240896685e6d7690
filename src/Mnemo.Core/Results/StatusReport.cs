using Mnemo.Core.Coordination;
using Mnemo.Core.Maintenance;

namespace Mnemo.Core.Results;

/// <summary>
/// Everything a status shows, read in one place for every face (CLI <c>status</c>, MCP <c>memory_stats</c> and the
/// <c>mnemo://status</c> resource): the store's and the engine's figures, who the engine acts as, the access rules it
/// can see, the change feed's head and the quotas in use.
/// </summary>
/// <param name="Engine">The store's measured figures and the engine's cache and size settings.</param>
/// <param name="Agent">The agent the engine acts as, or null.</param>
/// <param name="Session">The session it acts in, or null.</param>
/// <param name="AccessRules">The access rules it can see.</param>
/// <param name="FeedSequence">The change feed's head.</param>
/// <param name="Quotas">Each agent's and session's usage of its quota.</param>
public sealed record StatusReport(
    EngineStatus Engine, string? Agent, string? Session, VisibleAccessRules AccessRules, long FeedSequence, IReadOnlyList<QuotaUsage> Quotas)
{
    /// <summary>Reads the report of <paramref name="engine"/> (or of a view of it: its agent and session), measured now.</summary>
    public static async Task<StatusReport> ReadAsync(MnemoEngine engine, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var status = await engine.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var quotas = await engine.GetQuotaUsageAsync(cancellationToken).ConfigureAwait(false);
        var rules = await engine.ListAccessRulesAsync(cancellationToken).ConfigureAwait(false);
        var feedHead = await engine.GetFeedHeadAsync(cancellationToken).ConfigureAwait(false);
        return new StatusReport(status, engine.Agent, engine.Session, rules, feedHead, quotas);
    }
}
