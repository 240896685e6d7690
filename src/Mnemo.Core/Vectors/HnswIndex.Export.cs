namespace Mnemo.Core.Vectors;

public sealed unsafe partial class HnswIndex
{
    /// <summary>
    /// The id and stored vector of every live node of a float index, in node order: what a rebuild in another storage
    /// (int8 codes) starts from without embedding the texts again. Cosine vectors come back normalised, as stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The index stores int8 codes: its floats are gone.</exception>
    internal (List<long> Ids, List<float[]> Vectors) ExportFloatVectors()
    {
        lock (_writeLock)
        {
            ThrowIfDisposed();
            if (_options.Quantization != VectorQuantization.None)
            {
                throw new InvalidOperationException("an int8 index keeps codes, not float vectors");
            }

            var ids = new List<long>(Count);
            var vectors = new List<float[]>(Count);
            for (var node = 0; node < _nodeCount; node++)
            {
                var record = Address(node);
                if (IsDeleted(record))
                {
                    continue;
                }

                ids.Add(Label(record));
                vectors.Add(new ReadOnlySpan<float>(record, _dimensions).ToArray());
            }

            return (ids, vectors);
        }
    }
}
