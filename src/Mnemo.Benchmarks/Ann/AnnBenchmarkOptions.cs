using System.Globalization;
using Mnemo.Core;
using Mnemo.Core.Vectors;

namespace Mnemo.Benchmarks.Ann;

/// <summary>
/// The options of <c>mnemo bench ann</c> (shared/bench/ann/CONTRACT.md). Defaults are the contract's values.
/// </summary>
internal sealed record AnnBenchmarkOptions
{
    /// <summary>The contract's default <c>--ef-search</c> sweep.</summary>
    public static readonly IReadOnlyList<int> DefaultEfSearch = [10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512];

    /// <summary><c>--base</c>: texmex .fvecs of the vectors to index; ids are 0-based row numbers.</summary>
    public required string BasePath { get; init; }

    /// <summary><c>--queries</c>: texmex .fvecs of the queries, same dimension.</summary>
    public required string QueriesPath { get; init; }

    /// <summary><c>--truth</c>: texmex .ivecs, per query the exact nearest base ids, nearest first.</summary>
    public required string TruthPath { get; init; }

    /// <summary><c>--metric</c>: cosine, dot or l2. Default cosine.</summary>
    public VectorMetric Metric { get; init; } = VectorMetric.Cosine;

    /// <summary><c>--k</c>: neighbours returned per query. Default 10.</summary>
    public int K { get; init; } = 10;

    /// <summary><c>--m</c>: HNSW degree. Default 16.</summary>
    public int M { get; init; } = 16;

    /// <summary><c>--ef-construction</c>: build beam width. Default 200.</summary>
    public int EfConstruction { get; init; } = 200;

    /// <summary><c>--ef-search</c>: beam widths to sweep, one result row each, in this order.</summary>
    public IReadOnlyList<int> EfSearch { get; init; } = DefaultEfSearch;

    /// <summary>
    /// <c>--threads</c>: searching threads. Default 1. The build always runs on one thread (the index has one writer);
    /// with more than one, each thread still issues its queries one at a time.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary><c>--quantize</c>: none or int8. Default none.</summary>
    public VectorQuantization Quantize { get; init; } = VectorQuantization.None;

    /// <summary><c>--ids-out</c>: when set, the directory that receives <c>ef-&lt;ef&gt;.ivecs</c> per ef value.</summary>
    public string? IdsOutDirectory { get; init; }

    /// <summary>Minimum timed passes per ef value; the best is reported. Default 2 (as the anchor).</summary>
    public int Passes { get; init; } = 2;

    /// <summary>
    /// Passes per ef value continue until at least this much timed wall time (seconds) was spent, as the anchor
    /// does (short passes are noisy on a VM). Default 1.0; 0 runs exactly <see cref="Passes"/> passes.
    /// </summary>
    public double MinTimedSeconds { get; init; } = 1.0;

    /// <summary>Parses <c>--metric</c> (cosine, dot, ip, l2; case-insensitive).</summary>
    /// <exception cref="MnemoException">Unknown value (<see cref="MnemoErrorCode.InvalidInput"/>).</exception>
    public static VectorMetric ParseMetric(string value) => value?.Trim().ToUpperInvariant() switch
    {
        "COSINE" => VectorMetric.Cosine,
        "DOT" or "IP" => VectorMetric.Dot,
        "L2" => VectorMetric.L2,
        _ => throw new MnemoException(MnemoErrorCode.InvalidInput, $"--metric '{value}' is not one of cosine, dot, l2"),
    };

    /// <summary>Parses <c>--quantize</c> (none, int8; case-insensitive).</summary>
    /// <exception cref="MnemoException">Unknown value (<see cref="MnemoErrorCode.InvalidInput"/>).</exception>
    public static VectorQuantization ParseQuantize(string value) => value?.Trim().ToUpperInvariant() switch
    {
        "NONE" or "" or "FLOAT" or "F32" => VectorQuantization.None,
        "INT8" => VectorQuantization.Int8,
        _ => throw new MnemoException(MnemoErrorCode.InvalidInput, $"--quantize '{value}' is not one of none, int8"),
    };

    /// <summary>Parses a comma-separated <c>--ef-search</c> list such as <c>10,16,24</c>.</summary>
    /// <exception cref="MnemoException">Empty list or a value that is not a positive integer.</exception>
    public static IReadOnlyList<int> ParseEfList(string value)
    {
        var parts = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput, "--ef-search needs at least one value, e.g. 10,16,24");
        }

        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out result[i]) || result[i] < 1)
            {
                throw new MnemoException(MnemoErrorCode.InvalidInput, $"--ef-search value '{parts[i]}' is not a positive integer");
            }
        }

        return result;
    }

    /// <summary>Checks every value; throws <see cref="MnemoException"/> (<see cref="MnemoErrorCode.InvalidInput"/>) naming the option.</summary>
    public void Validate()
    {
        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new MnemoException(MnemoErrorCode.InvalidInput, message);
            }
        }

        Require(!string.IsNullOrWhiteSpace(BasePath), "--base is required");
        Require(!string.IsNullOrWhiteSpace(QueriesPath), "--queries is required");
        Require(!string.IsNullOrWhiteSpace(TruthPath), "--truth is required");
        Require(K >= 1, $"--k must be at least 1 (got {K})");
        Require(M is >= 2 and <= 256, $"--m must be between 2 and 256 (got {M})");
        Require(EfConstruction >= 1, $"--ef-construction must be at least 1 (got {EfConstruction})");
        Require(EfSearch is { Count: > 0 }, "--ef-search needs at least one value");
        foreach (var ef in EfSearch)
        {
            Require(ef >= 1, $"--ef-search values must be at least 1 (got {ef})");
        }

        Require(Threads >= 1, $"--threads must be at least 1 (got {Threads})");
        Require(Passes >= 1, $"passes must be at least 1 (got {Passes})");
        Require(MinTimedSeconds is >= 0 and <= 3600, $"minimum timed seconds must be between 0 and 3600 (got {MinTimedSeconds})");
        Require(Enum.IsDefined(Metric), "--metric must be cosine, dot or l2");
        Require(Enum.IsDefined(Quantize), "--quantize must be none or int8");
    }
}
