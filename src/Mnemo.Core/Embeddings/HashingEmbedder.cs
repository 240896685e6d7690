using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Mnemo.Core.Embeddings.Internal;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Embeddings;

/// <summary>
/// The built-in offline embedder: no model, no download. Words and their character n-grams are hashed into a fixed
/// number of dimensions (the "hashing trick"), weighted, and normalised to unit length.
/// </summary>
/// <remarks>
/// <para>What it can do: find texts that share words or word parts. Because every word also contributes its 3- to
/// 5-character pieces, "optimise" lands near "optimization", plurals near singulars, and a typo such as "recieve"
/// near "receive". It is deterministic, fast (microseconds per text) and works for any language written with letters.</para>
/// <para>What it cannot do: know meaning. "car" and "automobile" share no letters and are unrelated to it; a
/// negation reads like the sentence it negates. For real semantic recall configure a model (an OpenAI-compatible
/// endpoint); the hybrid ranking then combines it with full-text search as it does this embedder.</para>
/// </remarks>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The default number of dimensions.</summary>
    public const int DefaultDimensions = 384;

    private const int MinGram = 3;
    private const int MaxGram = 5;

    // A word counts fully; its n-grams together count about as much as the word, so that a shared stem matters
    // without drowning exact matches.
    private const float WordWeight = 1.0f;
    private const float GramsWeight = 1.0f;

    // Function words carry little of what a memory is about; they are kept (a query may be all of them) but light.
    private const float StopWordWeight = 0.15f;

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates the embedder with <paramref name="dimensions"/> dimensions (at least 16).</summary>
    public HashingEmbedder(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        Dimensions = dimensions;
        ModelId = $"mnemo-hashing-v2-{dimensions}";
        _metadata = new EmbeddingGeneratorMetadata("mnemo", null, ModelId, dimensions);
    }

    /// <summary>The length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>The model identifier recorded with every vector, e.g. <c>mnemo-hashing-v2-384</c>.</summary>
    public string ModelId { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } asked && asked != Dimensions)
        {
            throw new ArgumentException($"this embedder makes {Dimensions}-dimension vectors, not {asked}", nameof(options));
        }

        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text; a text without letters or digits gives the zero vector.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimensions];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in Words(text))
        {
            counts[word] = counts.TryGetValue(word, out var count) ? count + 1 : 1;
        }

        foreach (var (word, count) in counts)
        {
            // Sub-linear in repetitions: a word said ten times is not ten times as much the topic.
            var weight = (1 + MathF.Log(count)) * (StopWords.Contains(word) || StopWords.IsFragment(word) ? StopWordWeight : 1f);
            Add(vector, word.AsSpan(), weight * WordWeight);
            AddGrams(vector, word, weight * GramsWeight);
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        if (norm > 0)
        {
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] /= norm;
            }
        }

        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => EmbedderServices.Get(this, _metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    /// <summary>Lower-cased runs of letters and digits, with accents removed ("Café" gives "cafe").</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormD);
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private void AddGrams(float[] vector, string word, float weight)
    {
        // The word with boundary marks, so that beginnings and endings are features of their own.
        var marked = $"<{word}>";
        var grams = 0;
        for (var n = MinGram; n <= MaxGram; n++)
        {
            grams += Math.Max(0, marked.Length - n + 1);
        }

        if (grams == 0)
        {
            return;
        }

        var each = weight / MathF.Sqrt(grams);
        for (var n = MinGram; n <= MaxGram; n++)
        {
            for (var start = 0; start + n <= marked.Length; start++)
            {
                Add(vector, marked.AsSpan(start, n), each);
            }
        }
    }

    private void Add(float[] vector, ReadOnlySpan<char> feature, float weight)
    {
        var hash = Fnv1a(feature);
        var index = (int)(hash % (ulong)Dimensions);

        // A second bit of the hash chooses the sign, so that colliding features cancel on average instead of adding up.
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }

    /// <summary>64-bit FNV-1a over the UTF-16 code units: stable across processes and versions (string.GetHashCode is not).</summary>
    private static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
