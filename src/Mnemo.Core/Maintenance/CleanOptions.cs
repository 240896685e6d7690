namespace Mnemo.Core.Maintenance;

/// <summary>What <c>clean</c> removes besides expired entries.</summary>
public sealed record CleanOptions
{
    /// <summary>Also remove entries not read (or, if never read, not written) for this long.</summary>
    public TimeSpan? UnusedFor { get; init; }

    /// <summary>Only report what would be removed.</summary>
    public bool DryRun { get; init; }

    /// <summary>Erase the removed entries' history too, and the stored content nothing refers to any more.</summary>
    public bool PurgeHistory { get; init; }
}
