namespace Mnemo.Core.Maintenance;

/// <summary>What <c>forget</c> removed (or, in a dry run, would remove).</summary>
/// <param name="Keys">The keys, in key order.</param>
/// <param name="DryRun">True when nothing was changed.</param>
/// <param name="HistoryPurged">True when every version of those keys was erased too.</param>
public sealed record ForgetResult(IReadOnlyList<string> Keys, bool DryRun, bool HistoryPurged);
