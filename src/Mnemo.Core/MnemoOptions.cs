using Mnemo.Core.Storage;

namespace Mnemo.Core;

/// <summary>Settings of a <see cref="MnemoEngine"/>. Defaults suit one user on one machine.</summary>
/// <remarks>
/// <para>Nothing here reads the process environment: <see cref="FromEnvironment"/> maps the <c>MNEMO_*</c> variables
/// (docs/configuration.md lists them) onto options, and the CLI and the MCP server start from it.</para>
/// <para>An engine keeps a frozen copy of the options it was opened with (<see cref="MnemoEngine.Options"/>): changing
/// the object passed to <see cref="MnemoEngine.OpenAsync"/> afterwards does not change that engine, and setting a property
/// of the engine's copy throws <see cref="InvalidOperationException"/>.</para>
/// </remarks>
public sealed partial class MnemoOptions
{
    /// <summary>The environment variable with <see cref="MaxImportLineBytes"/> (a size such as 16MB).</summary>
    public const string MaxImportLineBytesVariable = "MNEMO_IMPORT_MAX_LINE_BYTES";

    /// <summary>The database file; null resolves it by <see cref="MnemoPaths.ResolveDatabasePath(MnemoOptions)"/>.</summary>
    public string? DatabasePath { get; set => field = Unfrozen(value); }

    /// <summary>
    /// Mnemo's home directory (<c>MNEMO_HOME</c>): when <see cref="DatabasePath"/> is null the database is
    /// <c>memory.db</c> in it, and the directory is created if missing. Null (the default) is <c>~/.mnemo</c>.
    /// </summary>
    public string? HomeDirectory { get; set => field = Unfrozen(value); }

    /// <summary>
    /// Where a <see cref="Graph.KnowledgeGraph"/> served by a face (the MCP server's graph tools) keeps entities and
    /// relations: a key prefix ending in '/'. Default <c>graph/</c>.
    /// </summary>
    public string GraphNamespace { get; set => field = Unfrozen(value); } = Graph.KnowledgeGraph.DefaultRoot;

    /// <summary>
    /// Reads the configuration variables an engine needs after it opened: the endpoint, key and other settings of an
    /// <c>openai:MODEL</c> embedder the store records (a store records only the model), and the local models' settings
    /// (<c>UseLocalEmbedders()</c> of Mnemo.Embeddings.Onnx). <see cref="FromEnvironment"/> sets it to the function it is
    /// given; the default reads nothing, so that a library never consults the process environment unasked.
    /// </summary>
    public Func<string, string?> Variables { get; set => field = Unfrozen(value); } = s_noVariables;

    /// <summary>Creates the store. Set by a backend's <c>Use...</c> extension, such as <c>UseSqlite()</c>.</summary>
    public Func<MnemoOptions, CancellationToken, ValueTask<IMemoryStore>>? StoreFactory { get; set => field = Unfrozen(value); }

    /// <summary>The agent recorded on writes that name none (<c>MNEMO_AGENT</c> in <see cref="FromEnvironment"/>), or null for none.</summary>
    public string? Agent { get; set => field = Unfrozen(value); }

    /// <summary>The largest entry accepted (text plus value plus metadata), bytes. Default 1 MiB.</summary>
    public int MaxEntryBytes { get; set => field = Unfrozen(value); } = 1 << 20;

    /// <summary>
    /// Payloads of at least this many bytes are stored once per namespace and Brotli-compressed when that saves 10% or
    /// more; smaller ones are stored inline with their entry, where a shared reference would cost as much as the content.
    /// Default 1024.
    /// </summary>
    public int LargeContentBytes { get; set => field = Unfrozen(value); } = 1024;

    /// <summary>How many current entries the in-process read cache keeps. 0 disables it. Default 10,000.</summary>
    public int CacheCapacity { get; set => field = Unfrozen(value); } = 10_000;

    /// <summary>How long a write waits for other processes' transactions before failing as busy. Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; set => field = Unfrozen(value); } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a long-running engine writes buffered read statistics. Default 2 s (and always on dispose). The timer
    /// starts with the first read it buffers, and never in a <see cref="OneShot"/> engine.
    /// </summary>
    public TimeSpan AccessFlushInterval { get; set => field = Unfrozen(value); } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// True for an engine that serves one short command and is then disposed, as each <c>mnemo</c> command does (not
    /// <c>mnemo mcp</c>): it starts no background work, so read statistics wait in memory until it is disposed instead
    /// of being written every <see cref="AccessFlushInterval"/>. Default false (a long-running engine: a server, an
    /// application).
    /// </summary>
    public bool OneShot { get; set => field = Unfrozen(value); }

    /// <summary>How many entries one import transaction writes. Default 1,000.</summary>
    public int ImportBatchSize { get; set => field = Unfrozen(value); } = 1000;

    /// <summary>
    /// The longest line an import reads, bytes. Default 8 MiB: an entry of the default <see cref="MaxEntryBytes"/> (1 MiB)
    /// fits even when every character of it is written as a six-byte <c>\uXXXX</c> escape. A longer line stops the import
    /// before anything is written, without the line being read whole (a file with no line breaks cannot fill memory).
    /// </summary>
    public int MaxImportLineBytes { get; set => field = Unfrozen(value); } = 8 << 20;

    /// <summary>
    /// Turns texts into vectors for semantic recall. Default: the built-in offline <see cref="Embeddings.HashingEmbedder"/>.
    /// Any <c>IEmbeddingGenerator</c> works; its vectors are kept per model, so changing it rebuilds the vector index.
    /// </summary>
    public Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>? Embedder { get; set => field = Unfrozen(value); }

    /// <summary>
    /// The embedder chosen by configuration (<c>--embedder</c>, <c>MNEMO_EMBEDDER</c>), created on the first search when
    /// <see cref="Embedder"/> is not set; when neither is, the engine uses the embedder the store records, else the default
    /// (<see cref="Embeddings.EmbedderSettings.Default"/>). A choice other than the store's recorded one is refused with
    /// <see cref="MnemoErrorCode.EmbeddingModelMismatch"/> until the store is reindexed.
    /// </summary>
    public Embeddings.EmbedderSettings? EmbedderSettings { get; set => field = Unfrozen(value); }

    /// <summary>
    /// Makes the local neural embedders (Mnemo.Embeddings.Onnx provides one). When set, a store with no recorded embedder
    /// and a caller who chose none use the local <c>arctic-xs</c> model; when null, the built-in hashing embedder.
    /// </summary>
    public Embeddings.ILocalEmbedderProvider? LocalEmbedders { get; set => field = Unfrozen(value); }

    /// <summary>
    /// Vector matches below this cosine similarity are not candidates, so that a query about nothing stored returns
    /// nothing rather than the least unrelated entries. Default (null): the floor of the model's similarity scale
    /// (<see cref="Retrieval.SimilarityScale"/>), what an unrelated text typically scores with that model.
    /// </summary>
    public double? MinVectorSimilarity { get; set => field = Unfrozen(value); }

    /// <summary>
    /// The cosine similarity at or above which another entry of the same namespace counts as a near-duplicate of a write
    /// (see <see cref="DuplicatePolicy"/>). Default (null): the embedding model's own
    /// (<see cref="Retrieval.SimilarityScale.Duplicate"/>), since models spread similarities differently.
    /// </summary>
    public double? DuplicateThreshold { get; set => field = Unfrozen(value); }

    /// <summary>
    /// How the vector index file stores vectors: <see cref="Vectors.VectorQuantization.None"/> (float32, the default) or
    /// <see cref="Vectors.VectorQuantization.Int8"/> (int8 codes, about a third of the bytes per entry, ranked by the codes).
    /// A float index is rebuilt once as int8 when int8 is asked for; an int8 index (one <c>mnemo optimize --strategy
    /// quantize-index</c> made) is kept when floats are, until <see cref="MnemoEngine.ReindexAsync"/> rebuilds it as asked.
    /// </summary>
    public Vectors.VectorQuantization VectorStorage { get; set => field = Unfrozen(value); }

    /// <summary>How much recency, importance and use adjust search relevance.</summary>
    public Retrieval.RankingWeights Ranking { get; set => field = Unfrozen(value); } = new();

    /// <summary>The session writes are recorded under and counted against (<c>MNEMO_SESSION</c> in <see cref="FromEnvironment"/>), or null for none.</summary>
    public string? Session { get; set => field = Unfrozen(value); }

    /// <summary>
    /// The most bytes (texts, values and metadata of current entries) one agent may have written. Default 100 MiB; a write
    /// beyond it fails with <see cref="MnemoErrorCode.QuotaExceeded"/>. Writes with no agent are not counted.
    /// </summary>
    public long AgentQuotaBytes { get; set => field = Unfrozen(value); } = 100L << 20;

    /// <summary>The most bytes of current entries one session may have written. Default 50 MiB.</summary>
    public long SessionQuotaBytes { get; set => field = Unfrozen(value); } = 50L << 20;

    /// <summary>The share of a quota at which usage is reported as a warning. Default 0.8.</summary>
    public double QuotaWarningFraction { get; set => field = Unfrozen(value); } = 0.8;

    /// <summary>How long feed events other than entry versions (which are history) are kept; <c>clean</c> trims older ones. Default 7 days.</summary>
    public TimeSpan FeedRetention { get; set => field = Unfrozen(value); } = TimeSpan.FromDays(7);

    /// <summary>
    /// The most samples the store's metrics history keeps (<see cref="MnemoEngine.SampleAsync"/>, from every process);
    /// each sample trims the oldest beyond it. Default 10,000 (<c>MNEMO_METRICS_HISTORY</c>).
    /// </summary>
    public int MetricsHistoryLimit { get; set => field = Unfrozen(value); } = 10_000;

    /// <summary>How long the metrics history keeps a sample; each sample trims older ones. Default 7 days (<c>MNEMO_METRICS_RETENTION</c>).</summary>
    public TimeSpan MetricsRetention { get; set => field = Unfrozen(value); } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often the engine adds a sample of its process and store to the metrics history (<see cref="MnemoEngine.SampleAsync"/>)
    /// on a background task: once when it opens, then every interval, until it is disposed. Null (the default) leaves it
    /// to the host: <c>mnemo mcp</c> and the daemon sample every <see cref="DefaultMetricsInterval"/>, a library engine
    /// does not sample. <see cref="TimeSpan.Zero"/> turns sampling off. Never in a <see cref="OneShot"/> engine or on a
    /// read-only store (<c>MNEMO_METRICS_INTERVAL</c>: a duration such as 15s, or 0 / off).
    /// </summary>
    public TimeSpan? MetricsInterval { get; set => field = Unfrozen(value); }

    /// <summary>The sampling interval of long-running hosts (<c>mnemo mcp</c>, the daemon) when <see cref="MetricsInterval"/> is null: 15 s.</summary>
    public static TimeSpan DefaultMetricsInterval { get; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most versions of one saved state (<see cref="MnemoEngine.SaveStateAsync"/>) kept in its history; older ones are
    /// erased when a save goes past it. Default 100 (<c>MNEMO_MAX_STATES</c>).
    /// </summary>
    public int MaxStateVersions { get; set => field = Unfrozen(value); } = 100;

    /// <summary>
    /// Redacts secrets (API keys, tokens, private keys, URL passwords, e-mail addresses, card numbers) from session messages
    /// before they are counted or stored (<see cref="MnemoEngine.AddMessageAsync"/>); the message says what kinds it
    /// replaced. Default: every built-in kind (<see cref="Privacy.SensitiveDataRedactor.Default"/>); null keeps messages as
    /// given (<c>MNEMO_REDACT_MESSAGES=off</c>).
    /// </summary>
    public Privacy.SensitiveDataRedactor? MessageRedactor { get; set => field = Unfrozen(value); } = Privacy.SensitiveDataRedactor.Default;

    /// <summary>
    /// The window of sessions started without one of their own: its size and the overlap kept when it slides (the seeds'
    /// <c>max_context_length</c> 4096 and <c>context_overlap</c> 128; <c>MNEMO_MAX_CONTEXT_LENGTH</c>, <c>MNEMO_CONTEXT_OVERLAP</c>).
    /// </summary>
    public Conversations.SessionWindow Window { get; set => field = Unfrozen(value); } = Conversations.SessionWindow.Default;

    /// <summary>
    /// How long a session's window lasts without a message: the next message after a longer pause starts a fresh window,
    /// and what the old one held is compacted. Default 1 hour (the seeds' <c>expiry_time</c> 3600; <c>MNEMO_CONTEXT_EXPIRY</c>).
    /// </summary>
    public TimeSpan WindowExpiry { get; set => field = Unfrozen(value); } = TimeSpan.FromHours(1);

    /// <summary>What writes the compaction of the turns a sliding window drops. Default <see cref="Conversations.ExtractiveCompactor"/>.</summary>
    public Conversations.ISessionCompactor Compactor { get; set => field = Unfrozen(value); } = Conversations.ExtractiveCompactor.Instance;

    /// <summary>How often a watcher of the change feed looks for new events when it has seen them all. Default 50 ms.</summary>
    public TimeSpan FeedPollInterval { get; set => field = Unfrozen(value); } = TimeSpan.FromMilliseconds(50);

    /// <summary>The clock; tests replace it.</summary>
    public TimeProvider TimeProvider { get; set => field = Unfrozen(value); } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEntryBytes, 1, nameof(MaxEntryBytes));
        ArgumentNullException.ThrowIfNull(Ranking, nameof(Ranking));
        ArgumentOutOfRangeException.ThrowIfLessThan(AgentQuotaBytes, 1, nameof(AgentQuotaBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionQuotaBytes, 1, nameof(SessionQuotaBytes));
        if (!double.IsFinite(QuotaWarningFraction) || QuotaWarningFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(QuotaWarningFraction), QuotaWarningFraction, "the quota warning is a share of the quota in (0, 1]: e.g. 0.8");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(FeedRetention, TimeSpan.Zero, nameof(FeedRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStateVersions, 1, nameof(MaxStateVersions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MetricsHistoryLimit, 1, nameof(MetricsHistoryLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(ActionHistoryLimit, 1, nameof(ActionHistoryLimit));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MetricsRetention, TimeSpan.Zero, nameof(MetricsRetention));
        ArgumentNullException.ThrowIfNull(Health, nameof(Health));
        Health.Validate();
        if (MetricsInterval is { } interval)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero, nameof(MetricsInterval));
        }

        ArgumentNullException.ThrowIfNull(Window, nameof(Window));
        if (Window.MaxTokens < 1 || Window.Overlap < 0 || Window.Overlap >= Window.MaxTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "the window's size must be positive and its overlap from 0 to below its size: e.g. (4096, 128)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WindowExpiry, TimeSpan.Zero, nameof(WindowExpiry));
        ArgumentNullException.ThrowIfNull(Compactor, nameof(Compactor));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FeedPollInterval, TimeSpan.Zero, nameof(FeedPollInterval));
        if (DuplicateThreshold is { } threshold && (!double.IsFinite(threshold) || threshold is <= 0 or > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DuplicateThreshold), DuplicateThreshold, "the duplicate threshold is a cosine similarity in (0, 1]: e.g. 0.92");
        }

        Ranking.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(LargeContentBytes, 16, nameof(LargeContentBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(CacheCapacity, nameof(CacheCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(ImportBatchSize, 1, nameof(ImportBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxImportLineBytes, 1, nameof(MaxImportLineBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(BusyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AccessFlushInterval, TimeSpan.Zero, nameof(AccessFlushInterval));
        Graph.KnowledgeGraph.ValidateRoot(GraphNamespace);
        ArgumentNullException.ThrowIfNull(Variables, nameof(Variables));
    }
}
