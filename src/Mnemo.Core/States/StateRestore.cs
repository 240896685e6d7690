namespace Mnemo.Core.States;

/// <summary>What <see cref="MnemoEngine.RestoreStateAsync"/> did.</summary>
/// <param name="State">The new current version, a copy of the restored one.</param>
/// <param name="RestoredVersion">The earlier version copied.</param>
/// <param name="ReplacedVersion">The version it replaced (the one found invalid or unwanted).</param>
public sealed record StateRestore(SavedState State, long RestoredVersion, long ReplacedVersion);
