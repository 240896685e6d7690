using Mnemo.Core.Storage;

namespace Mnemo.Core.Transfer;

/// <summary>One parsed entry line of a JSONL import: the write, the fields it carries over, and its expiry.</summary>
/// <param name="Write">What to store.</param>
/// <param name="Imported">Fields restored as exported.</param>
/// <param name="ExpiresAt">The absolute expiry time, if the line has one.</param>
internal sealed record ImportRecord(MemoryWrite Write, ImportedState Imported, DateTimeOffset? ExpiresAt) : ImportLine;
