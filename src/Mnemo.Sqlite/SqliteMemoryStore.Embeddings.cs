using System.Runtime.InteropServices;
using Mnemo.Sqlite.Internal;

namespace Mnemo.Sqlite;

internal sealed partial class SqliteMemoryStore
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, float[]>> GetCachedEmbeddingsAsync(
        string model, IReadOnlyList<string> hashes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count == 0)
        {
            return new(new Dictionary<string, float[]>());
        }

        return new(Read<IReadOnlyDictionary<string, float[]>>(connection => connection
            .Statement("SELECT hex(hash), vector FROM embeddings WHERE model = $model AND hash IN (SELECT unhex(value) FROM json_each($hashes))")
            .Bind("$model", model).Bind("$hashes", EntryRows.FormatTags(hashes))
            .All(row => (Hash: row.Text(0), Vector: MemoryMarshal.Cast<byte, float>(row.BlobSpan(1)).ToArray()))
            .ToDictionary(row => row.Hash, row => row.Vector, StringComparer.OrdinalIgnoreCase)));
    }

    /// <inheritdoc />
    public async ValueTask PutCachedEmbeddingsAsync(
        string model, IReadOnlyList<(string Hash, float[] Vector)> embeddings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Count == 0 || IsReadOnly)
        {
            return;
        }

        await WriteAsync(connection =>
        {
            var insert = connection.Statement(
                "INSERT OR REPLACE INTO embeddings (model, hash, dimensions, vector) VALUES ($model, $hash, $dimensions, $vector)");
            foreach (var (hash, vector) in embeddings)
            {
                insert.Bind("$model", model).Bind("$hash", Convert.FromHexString(hash)).Bind("$dimensions", vector.Length)
                    .Bind("$vector", MemoryMarshal.AsBytes(vector.AsSpan()).ToArray()).Execute();
            }

            return embeddings.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<string?> GetSettingAsync(string name, CancellationToken cancellationToken = default) =>
        new(Read(connection => connection.Statement("SELECT value FROM meta WHERE name = $name").Bind("$name", name).One(row => row.NullableText(0), null)));

    /// <inheritdoc />
    public async ValueTask SetSettingAsync(string name, string? value, CancellationToken cancellationToken = default) =>
        await WriteAsync(connection => value is null
            ? connection.Statement("DELETE FROM meta WHERE name = $name").Bind("$name", name).Execute()
            : connection.Statement("INSERT INTO meta (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
                .Bind("$name", name).Bind("$value", value).Execute(), cancellationToken).ConfigureAwait(false);
}
