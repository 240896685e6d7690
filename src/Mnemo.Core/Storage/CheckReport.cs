namespace Mnemo.Core.Storage;

/// <summary>The outcome of a consistency check.</summary>
/// <param name="Problems">Each problem found, one line each; empty when the store is consistent.</param>
/// <param name="EntriesChecked">Entries whose rows and content were verified.</param>
/// <param name="VersionsChecked">History versions verified.</param>
/// <param name="ContentsChecked">Shared payloads whose hash was recomputed.</param>
public sealed record CheckReport(IReadOnlyList<string> Problems, long EntriesChecked, long VersionsChecked, long ContentsChecked)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsHealthy => Problems.Count == 0;
}
