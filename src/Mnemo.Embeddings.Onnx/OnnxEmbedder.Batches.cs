using System.Buffers;
using System.Numerics.Tensors;
using Mnemo.Embeddings.Onnx.Internal;

namespace Mnemo.Embeddings.Onnx;

/// <summary>From texts to vectors: texts become windows of tokens, windows run in batches, window vectors are averaged.</summary>
public sealed partial class OnnxEmbedder
{
    /// <summary>The unit vectors of <paramref name="texts"/>, each with <paramref name="prefix"/>'s tokens before its own.</summary>
    private float[][] Embed(string[] texts, long[] prefix, CancellationToken cancellationToken)
    {
        var windows = new List<Window>(texts.Length);
        for (var text = 0; text < texts.Length; text++)
        {
            var tokens = _tokenizer.Tokenize(texts[text]);
            foreach (var window in TokenWindows.Split(tokens, MaxTokens - prefix.Length, _tokenizer.StartsWord))
            {
                windows.Add(new Window(text, window));
            }
        }

        // Shortest first, so that each batch is padded to a length close to its sequences' own. The order does not
        // change a vector: padding is masked out (and a stable sort keeps runs repeatable).
        var ordered = windows.Index().OrderBy(w => w.Item.Tokens.Count).ThenBy(w => w.Index).Select(w => w.Item).ToArray();

        var sums = new float[texts.Length][];
        for (var text = 0; text < sums.Length; text++)
        {
            sums[text] = new float[Dimensions];
        }

        var pooled = new float[Math.Min(_batchSize, ordered.Length) * Dimensions];
        for (var start = 0; start < ordered.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = ordered.AsSpan(start, Math.Min(_batchSize, ordered.Length - start));
            RunBatch(batch, prefix, pooled, cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                // Weighted by length: equal windows count equally; an empty text's single window still counts.
                var sum = sums[batch[i].Text];
                var weight = Math.Max(batch[i].Tokens.Count, 1);
                TensorPrimitives.MultiplyAdd(pooled.AsSpan(i * Dimensions, Dimensions), weight, sum, sum);
            }
        }

        foreach (var sum in sums)
        {
            TensorPrimitives.Divide(sum, TensorPrimitives.Norm(sum), sum);
        }

        return sums;
    }

    /// <summary>Builds the batch's padded inputs ([CLS] prefix tokens [SEP] [PAD]...) and runs them.</summary>
    private void RunBatch(ReadOnlySpan<Window> batch, long[] prefix, Span<float> pooled, CancellationToken cancellationToken)
    {
        var longest = 0;
        foreach (var window in batch)
        {
            longest = Math.Max(longest, window.Tokens.Count);
        }

        var length = longest + prefix.Length + 2;
        var cells = batch.Length * length;
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var tokenTypes = ArrayPool<long>.Shared.Rent(cells);
        try
        {
            for (var b = 0; b < batch.Length; b++)
            {
                var row = ids.AsSpan(b * length, length);
                row[0] = _tokenizer.ClsId;
                prefix.CopyTo(row[1..]);
                batch[b].Tokens.AsSpan().CopyTo(row[(1 + prefix.Length)..]);
                var used = batch[b].Tokens.Count + prefix.Length + 2;
                row[used - 1] = _tokenizer.SepId;
                row[used..].Fill(_tokenizer.PadId);

                var maskRow = mask.AsSpan(b * length, length);
                maskRow[..used].Fill(1);
                maskRow[used..].Clear();
            }

            // One segment only: every token type is 0.
            tokenTypes.AsSpan(0, cells).Clear();
            _session.Run(ids, mask, tokenTypes, batch.Length, length, pooled, cancellationToken);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(tokenTypes);
        }
    }

    /// <summary>One window of one text: the text's index and the window's tokens.</summary>
    private readonly record struct Window(int Text, ArraySegment<long> Tokens);
}
