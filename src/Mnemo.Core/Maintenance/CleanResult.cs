namespace Mnemo.Core.Maintenance;

/// <summary>What <c>clean</c> removed (or, in a dry run, would remove).</summary>
/// <param name="ExpiredKeys">Entries whose time to live had ended.</param>
/// <param name="UnusedKeys">Entries unused for longer than asked.</param>
/// <param name="ContentsDeleted">Shared payloads deleted because nothing referred to them any more.</param>
/// <param name="DryRun">True when nothing was changed.</param>
public sealed record CleanResult(IReadOnlyList<string> ExpiredKeys, IReadOnlyList<string> UnusedKeys, long ContentsDeleted, bool DryRun)
{
    /// <summary>Feed events older than <see cref="MnemoOptions.FeedRetention"/> that were deleted.</summary>
    public long FeedEventsTrimmed { get; init; }
}
