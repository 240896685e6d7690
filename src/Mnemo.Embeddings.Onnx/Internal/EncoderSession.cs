using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>
/// One model's ONNX Runtime session: runs a padded batch of token sequences and pools each into a unit vector.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// may be called concurrently, and every call here owns its tensors and run options.
/// </remarks>
internal sealed class EncoderSession : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";
    private const string LastHiddenState = "last_hidden_state";

    // BERT's pooled vectors are never near zero; the floor only keeps a degenerate output from dividing by zero.
    private const float MinNorm = 1e-12f;

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly LocalModel _model;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames = [LastHiddenState];

    private EncoderSession(SessionOptions options, InferenceSession session, LocalModel model, string[] inputNames)
    {
        _options = options;
        _session = session;
        _model = model;
        _inputNames = inputNames;
    }

    /// <summary>Creates the session from the model's bytes, with <paramref name="threads"/> threads for each run.</summary>
    /// <param name="model">The model the bytes should hold.</param>
    /// <param name="onnx">The ONNX file's bytes.</param>
    /// <param name="threads">ONNX Runtime's intra-op threads: how many cores one batch may use.</param>
    /// <param name="path">The file the bytes came from, for messages.</param>
    /// <exception cref="Core.MnemoException">The native runtime failed to load, or the bytes are not the model.</exception>
    public static EncoderSession Create(LocalModel model, byte[] onnx, int threads, string path)
    {
        SessionOptions? options = null;
        InferenceSession? session = null;
        try
        {
            options = new SessionOptions
            {
                IntraOpNumThreads = threads,

                // One graph of one branch: nothing to run in parallel across nodes, so no second thread pool.
                InterOpNumThreads = 1,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            // Idle workers sleep instead of spinning: a spinning worker keeps a core busy after each run, and a search runs
            // its full-text half and its fusion beside and after embedding the query. On 2 cores at 100,000 entries
            // (docs/search.md, "Latency"): hybrid p95 14 ms without spinning against 19 ms with it; batch throughput equal.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            session = new InferenceSession(onnx, options);
            return new EncoderSession(options, session, model, CheckSignature(model, session, path));
        }
        catch (OnnxRuntimeException e)
        {
            DisposeAll(session, options);
            throw ModelErrors.Damaged(model, path, e.Message, e);
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            // The first use of ONNX Runtime loads its native library; a missing or foreign one fails here.
            DisposeAll(session, options);
            throw ModelErrors.NativeRuntime(e);
        }
        catch
        {
            DisposeAll(session, options);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="batch"/> sequences of <paramref name="length"/> positions each (ids and mask row by row,
    /// padding masked out) and writes each sequence's pooled unit vector to <paramref name="pooled"/>, row by row.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the run stops early.</exception>
    /// <exception cref="Core.MnemoException">ONNX Runtime failed.</exception>
    public void Run(long[] ids, long[] mask, long[] tokenTypes, int batch, int length, Span<float> pooled, CancellationToken cancellationToken)
    {
        var cells = batch * length;
        long[] shape = [batch, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ids.AsMemory(0, cells), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, mask.AsMemory(0, cells), shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tokenTypes.AsMemory(0, cells), shape);
        var inputs = _inputNames.Select(name => name switch
        {
            InputIds => idsValue,
            AttentionMask => maskValue,
            _ => typesValue,
        }).ToArray();

        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        try
        {
            using var outputs = _session.Run(runOptions, _inputNames, inputs, _outputNames);
            Pool(outputs[0].GetTensorDataAsSpan<float>(), mask, batch, length, pooled);
        }
        catch (OnnxRuntimeException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw ModelErrors.RunFailed(_model, e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }

    private static void DisposeAll(InferenceSession? session, SessionOptions? options)
    {
        session?.Dispose();
        options?.Dispose();
    }

    /// <summary>
    /// The inputs to feed, in the model's order. Checked once here, so that a wrong or damaged model is reported at load
    /// and not as a shape error on the first text.
    /// </summary>
    private static string[] CheckSignature(LocalModel model, InferenceSession session, string path)
    {
        foreach (var (name, input) in session.InputMetadata)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds) || input.ElementType != typeof(long))
            {
                throw ModelErrors.Damaged(model, path, $"unexpected input {name} of {input.ElementType.Name}");
            }
        }

        if (!session.InputMetadata.ContainsKey(InputIds) || !session.InputMetadata.ContainsKey(AttentionMask))
        {
            throw ModelErrors.Damaged(model, path, $"the model lacks the inputs {InputIds} and {AttentionMask}");
        }

        if (!session.OutputMetadata.TryGetValue(LastHiddenState, out var output)
            || output.ElementType != typeof(float)
            || output.Dimensions is not [_, _, var hidden]
            || hidden != model.Dimensions)
        {
            throw ModelErrors.Damaged(model, path, $"no {LastHiddenState} output of {model.Dimensions} floats per token");
        }

        return [.. session.InputMetadata.Keys];
    }

    /// <summary>Pools each sequence's token vectors ([batch, length, dimensions] in <paramref name="hidden"/>) and normalises.</summary>
    private void Pool(ReadOnlySpan<float> hidden, long[] mask, int batch, int length, Span<float> pooled)
    {
        var dimensions = _model.Dimensions;
        for (var b = 0; b < batch; b++)
        {
            var sequence = hidden.Slice(b * length * dimensions, length * dimensions);
            var vector = pooled.Slice(b * dimensions, dimensions);
            if (_model.Pooling == Pooling.Cls)
            {
                sequence[..dimensions].CopyTo(vector);
            }
            else
            {
                // Mean over real tokens only: padding positions carry vectors too, which must not count.
                vector.Clear();
                for (var t = 0; t < length; t++)
                {
                    if (mask[(b * length) + t] != 0)
                    {
                        TensorPrimitives.Add(vector, sequence.Slice(t * dimensions, dimensions), vector);
                    }
                }
            }

            // Dividing a mean by its token count before normalising changes nothing, so the sum is normalised directly.
            TensorPrimitives.Divide(vector, Math.Max(TensorPrimitives.Norm(vector), MinNorm), vector);
        }
    }
}
