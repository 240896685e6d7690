using System.Text.Json;
using Mnemo.Core.Keys;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // Nearest neighbours examined for a near-duplicate: deeper namespaces under the same prefix may come first.
    private const int DuplicateCandidates = 20;

    /// <summary>
    /// The most similar other entry of the write's namespace at or above the threshold (<see cref="MnemoOptions.DuplicateThreshold"/>),
    /// or null. The write is validated: its agent is the one that will be recorded.
    /// </summary>
    private async Task<FoundDuplicate?> FindDuplicateAsync(MemoryWrite write, CancellationToken cancellationToken)
    {
        var ns = MemoryKey.GetNamespace(write.Key);
        var filter = new SearchFilter { Prefix = ns.Length == 0 ? "" : ns + "/" };
        // The write is embedded as the index embeds entries (with its context), so that a near-duplicate compares like with
        // like, and so that the catch-up that indexes the write takes this vector instead of embedding the text again.
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        var context = catalog.ContextRules.For(write.Key);
        var indexed = IndexedText.Compose(write.Text, write.Metadata, write.Agent, context);
        var vector = await catalog.EmbedDocumentAsync(indexed, cancellationToken).ConfigureAwait(false);

        // Compared with the index as it is plus the entries it does not cover yet, so that a write never waits for the
        // index to be caught up and rewritten (several writers would each do it, one after another).
        var found = await catalog.NearestForWriteAsync(_store, vector, DuplicateCandidates * 2, filter.Prefix, cancellationToken).ConfigureAwait(false);
        var nearest = await CurrentNearestAsync(catalog, found, filter, DuplicateCandidates, Now(), cancellationToken).ConfigureAwait(false);
        foreach (var (key, similarity) in nearest)
        {
            if (similarity < (_options.DuplicateThreshold ?? catalog.Similarity.Duplicate))
            {
                return null;
            }

            if (key != write.Key && MemoryKey.GetNamespace(key) == ns
                && await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } entry && !entry.IsExpiredAt(Now()))
            {
                return new FoundDuplicate(entry, new DuplicateMatch(key, Math.Round(similarity, 6)));
            }
        }

        return null;
    }

    /// <summary>A write of the new text into the existing entry's key, keeping what the existing entry adds.</summary>
    /// <remarks>The write's base version was of its own key, so it does not apply to the existing entry's.</remarks>
    private static MemoryWrite Merge(MemoryEntry existing, MemoryWrite write) => write with
    {
        Key = existing.Key,
        BaseVersion = null,
        Value = write.Value ?? existing.Value,
        Kind = write.Kind ?? existing.Kind,
        Tags = [.. existing.Tags.Union(write.Tags ?? [], StringComparer.Ordinal)],
        Metadata = MergeObjects(existing.Metadata, write.Metadata),
        Importance = write.Importance is { } given ? Math.Max(existing.Importance, given) : existing.Importance,
        ExpectedVersion = existing.Version,
    };

    /// <summary>A shallow merge of two JSON objects, the newer's values winning; either alone when the other is absent.</summary>
    private static JsonElement? MergeObjects(JsonElement? older, JsonElement? newer)
    {
        if (older is not { ValueKind: JsonValueKind.Object } old || newer is not { ValueKind: JsonValueKind.Object } add)
        {
            return newer ?? older;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in old.EnumerateObject().Where(p => !add.TryGetProperty(p.Name, out _)))
            {
                property.WriteTo(writer);
            }

            foreach (var property in add.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private sealed record FoundDuplicate(MemoryEntry Entry, DuplicateMatch Match);
}
