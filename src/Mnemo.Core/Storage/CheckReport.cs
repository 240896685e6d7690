namespace Mnemo.Core.Storage;

/// <summary>The outcome of a consistency check.</summary>
/// <param name="Problems">Each problem found, one line each; empty when the store is consistent.</param>
/// <param name="KeysChecked">
/// Keys whose current version was verified: every key ever written, live, expired and removed alike (so more than
/// <see cref="StoreStatus.LiveEntries"/> once anything was forgotten or has expired).
/// </param>
/// <param name="VersionsChecked">Versions verified: the current one of every key and the earlier ones kept in history.</param>
/// <param name="ContentsChecked">Shared payloads whose hash was recomputed.</param>
public sealed record CheckReport(IReadOnlyList<string> Problems, long KeysChecked, long VersionsChecked, long ContentsChecked)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsHealthy => Problems.Count == 0;
}
