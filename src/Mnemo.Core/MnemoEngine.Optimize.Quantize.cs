using Mnemo.Core.Messages;
using Mnemo.Core.Monitoring.Doctor;
using Mnemo.Core.Monitoring.Optimization;
using Mnemo.Core.Vectors;

namespace Mnemo.Core;

// quantize-index: the engine's vector index rebuilt with int8 codes from its own float vectors, measured by its file and
// its memory, with the recall it keeps against the float index measured on the index's own vectors.
public sealed partial class MnemoEngine
{
    private async Task<OptimizationResult> QuantizeIndexAsync(bool dryRun, CancellationToken cancellationToken)
    {
        const string Measured = "vector index files";
        if (!dryRun && _store.IsReadOnly)
        {
            return Skipped(OptimizationStrategy.QuantizeIndex, Measured, IndexFiles().Sum(file => file.Bytes), "the store is read-only");
        }

        // The index of the engine's own embedder: the one searches use (other models' files are left as they are). Caught
        // up first, so that the bytes before are those of the same vectors as floats, not of an index behind the store.
        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        if (!dryRun)
        {
            await catalog.CatchUpAsync(_store, null, cancellationToken).ConfigureAwait(false);
        }

        var bytes = IndexFiles().Sum(file => file.Bytes);
        var (storage, vectors, memory) = await catalog.DescribeAsync(cancellationToken).ConfigureAwait(false);
        if (storage == VectorQuantization.Int8)
        {
            var already = Skipped(OptimizationStrategy.QuantizeIndex, Measured, bytes,
                $"the vector index already stores int8 codes ({Counted.Of(vectors, "vector", "vectors")}): nothing to do");
            return already with { Figures = [new OptimizationFigure("vectors", vectors, null), new OptimizationFigure("index_memory_bytes", memory, null)] };
        }

        if (dryRun)
        {
            // Each vector shrinks from its floats to its codes; the graph's links stay as they are.
            var expected = Math.Max(0, bytes - ((long)vectors * (catalog.VectorBytes(VectorQuantization.None) - catalog.VectorBytes(VectorQuantization.Int8))));
            return Result(OptimizationStrategy.QuantizeIndex, dryRun: true, Measured, bytes,
                $"would rebuild the vector index's {Counted.Of(vectors, "vector", "vectors")} (indexed so far) as int8 codes: "
                + $"{DoctorText.Bytes(bytes)} now, about {DoctorText.Bytes(expected)} expected; searches would rank by the codes",
                new OptimizationFigure("vectors", vectors, null), new OptimizationFigure("index_memory_bytes", memory, null),
                new OptimizationFigure("expected_index_bytes", expected, null));
        }

        var outcome = await catalog.QuantizeAsync(_store, cancellationToken).ConfigureAwait(false);
        var after = IndexFiles().Sum(file => file.Bytes);
        if (outcome.WasInt8)
        {
            // Another process quantized it between the look and the catch-up.
            return Skipped(OptimizationStrategy.QuantizeIndex, Measured, bytes, "the vector index already stores int8 codes: nothing to do");
        }

        var recall = outcome.RecallAt10 is { } r ? $"; recall@10 against the float index {r:0.000} over {Counted.Of(outcome.Queries, "query", "queries")} of its own vectors" : "";
        return new OptimizationResult(OptimizationStrategy.QuantizeIndex, OptimizationOutcome.Acted, Measured, bytes, after, TimeSpan.Zero,
            $"rebuilt the vector index's {Counted.Of(outcome.Vectors, "vector", "vectors")} as int8 codes" + recall
            + (outcome.Saved ? "" : "; the file was not rewritten (another process held or had just saved it), so only this process searches the int8 index"))
        {
            Figures = [new OptimizationFigure("vectors", outcome.Vectors, outcome.Vectors), new OptimizationFigure("index_memory_bytes", outcome.MemoryBefore, outcome.MemoryAfter)],
            Ratios = outcome.RecallAt10 is { } value ? [new OptimizationRatio("recall_at_10", value)] : [],
        };
    }
}
