namespace Mnemo.Core.Transfer;

/// <summary>What an export wrote.</summary>
/// <param name="Entries">Entry lines written.</param>
/// <param name="Links">Link lines written (links whose two ends are among the entries).</param>
public sealed record ExportResult(long Entries, long Links);
