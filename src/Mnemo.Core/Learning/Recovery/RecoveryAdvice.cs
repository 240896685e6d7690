namespace Mnemo.Core.Learning.Recovery;

/// <summary>What <see cref="MnemoEngine.RecoverAsync"/> found for an error: its nearest cluster and the fixes tried there.</summary>
/// <param name="Error">The error text asked about.</param>
/// <param name="Signature">Its signature (<see cref="ErrorSignature"/>).</param>
/// <param name="Match">How the cluster was found, or <see cref="ErrorMatch.None"/>.</param>
/// <param name="Score">The hybrid search score of the nearest recorded error (0..1); null for a signature match or an empty store.</param>
/// <param name="Threshold">The score a meaning match needs (<see cref="RecoveryDefaults.MeaningThreshold"/>).</param>
/// <param name="Cluster">The cluster found, or null.</param>
/// <param name="ClusterSignature">The found cluster's signature, or null.</param>
/// <param name="Occurrences">How many errors the cluster holds.</param>
/// <param name="Unfixed">How many of them recorded no fix.</param>
/// <param name="Examples">Distinct messages of the cluster, newest first (at most <see cref="RecoveryDefaults.Examples"/>).</param>
/// <param name="Fixes">The fixes tried, best first (highest success rate, then most worked, then latest).</param>
/// <param name="Note">A sentence saying what was found, for people.</param>
public sealed record RecoveryAdvice(
    string Error,
    string Signature,
    ErrorMatch Match,
    double? Score,
    double Threshold,
    string? Cluster,
    string? ClusterSignature,
    int Occurrences,
    int Unfixed,
    IReadOnlyList<string> Examples,
    IReadOnlyList<FixEstimate> Fixes,
    string Note);
