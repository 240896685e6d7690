namespace Mnemo.Core.Storage;

/// <summary>What <see cref="IMemoryStore.ArchiveColdAsync"/> archived (or would, in a dry run).</summary>
/// <param name="Sequences">The sequence numbers of the versions archived: the vector index drops them.</param>
/// <param name="RawBytes">Their payloads' raw size, in bytes.</param>
/// <param name="Compressed">How many of them moved to compressed storage (the others stay as stored: already shared, or not worth compressing).</param>
public sealed record ColdArchive(IReadOnlyList<long> Sequences, long RawBytes, int Compressed);
