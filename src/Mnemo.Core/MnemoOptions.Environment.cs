using System.Globalization;
using Mnemo.Core.Configuration;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Time;

namespace Mnemo.Core;

public sealed partial class MnemoOptions
{
    /// <summary>The environment variable with <see cref="AgentQuotaBytes"/> (a size such as 100MB).</summary>
    public const string AgentQuotaVariable = "MNEMO_AGENT_QUOTA";

    /// <summary>The environment variable with <see cref="SessionQuotaBytes"/> (a size such as 50MB).</summary>
    public const string SessionQuotaVariable = "MNEMO_SESSION_QUOTA";

    /// <summary>The environment variable with <see cref="FeedRetention"/> (a duration such as 7d).</summary>
    public const string FeedRetentionVariable = "MNEMO_FEED_RETENTION";

    /// <summary>The environment variable with <see cref="MaxEntryBytes"/> (a number of bytes).</summary>
    public const string MaxEntryBytesVariable = "MNEMO_MAX_ENTRY_BYTES";

    /// <summary>The environment variable with <see cref="MaxStateVersions"/> (a whole number of versions).</summary>
    public const string MaxStatesVariable = "MNEMO_MAX_STATES";

    /// <summary>The environment variable with <see cref="MetricsHistoryLimit"/> (a positive whole number of samples).</summary>
    public const string MetricsHistoryVariable = "MNEMO_METRICS_HISTORY";

    /// <summary>The environment variable with <see cref="MetricsRetention"/> (a duration such as 7d).</summary>
    public const string MetricsRetentionVariable = "MNEMO_METRICS_RETENTION";

    /// <summary>The environment variable with <see cref="MetricsInterval"/> (a duration such as 15s, or 0 / off).</summary>
    public const string MetricsIntervalVariable = "MNEMO_METRICS_INTERVAL";

    /// <summary>The environment variable with the size of <see cref="Window"/> (a whole number of tokens).</summary>
    public const string MaxContextLengthVariable = "MNEMO_MAX_CONTEXT_LENGTH";

    /// <summary>The environment variable with the overlap of <see cref="Window"/> (a whole number of tokens).</summary>
    public const string ContextOverlapVariable = "MNEMO_CONTEXT_OVERLAP";

    /// <summary>The environment variable with <see cref="WindowExpiry"/> (a duration such as 1h).</summary>
    public const string ContextExpiryVariable = "MNEMO_CONTEXT_EXPIRY";

    /// <summary>The environment variable that turns <see cref="MessageRedactor"/> on (the default) or off.</summary>
    public const string RedactMessagesVariable = "MNEMO_REDACT_MESSAGES";

    /// <summary>The environment variable with <see cref="BusyTimeout"/> (a duration such as 30s).</summary>
    public const string BusyTimeoutVariable = "MNEMO_BUSY_TIMEOUT";

    /// <summary>The environment variable with <see cref="DuplicateThreshold"/> (a cosine similarity in (0, 1]).</summary>
    public const string DuplicateThresholdVariable = "MNEMO_DUPLICATE_THRESHOLD";

    /// <summary>The environment variable with the similarity scale of <see cref="Ranking"/> (FLOOR,CEILING[,VECTOR_SHARE]).</summary>
    public const string SimilarityScaleVariable = "MNEMO_SIMILARITY_SCALE";

    /// <summary>The environment variable with <see cref="VectorStorage"/> (<c>float</c> or <c>int8</c>).</summary>
    public const string VectorStorageVariable = "MNEMO_VECTOR_STORAGE";

    /// <summary>The environment variable with <see cref="GraphNamespace"/> (a key prefix ending in '/').</summary>
    public const string GraphNamespaceVariable = "MNEMO_GRAPH_NAMESPACE";

    /// <summary>
    /// Options from <c>MNEMO_*</c> variables, defaults where a variable is unset or empty: the one mapping from the
    /// environment to settings that the CLI, the MCP server and a .NET host share. Faces apply their own flags on top.
    /// </summary>
    /// <param name="getVariable">
    /// Reads a variable: <see cref="Environment.GetEnvironmentVariable(string)"/> for the process environment, or a
    /// dictionary's lookup in tests. Kept as <see cref="Variables"/> for the settings read later.
    /// </param>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: a variable has a bad value; the message names the variable, the value
    /// and a correct example.
    /// </exception>
    /// <remarks>docs/configuration.md lists every variable.</remarks>
    public static MnemoOptions FromEnvironment(Func<string, string?> getVariable) => new MnemoOptions().ReadEnvironment(getVariable);

    /// <summary>
    /// Sets the options that <c>MNEMO_*</c> variables give (see <see cref="FromEnvironment"/>) and leaves the others as
    /// they are; for hosts that build options in place, such as <c>services.AddMnemo(options =&gt; options.ReadEnvironment(...))</c>.
    /// </summary>
    /// <param name="getVariable">Reads a variable, e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    /// <returns>These options.</returns>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: a variable has a bad value.</exception>
    public MnemoOptions ReadEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        Variables = getVariable;
        DatabasePath = Text(getVariable, MnemoPaths.DatabaseVariable) ?? DatabasePath;
        HomeDirectory = Text(getVariable, MnemoPaths.HomeVariable) ?? HomeDirectory;
        Agent = Text(getVariable, MnemoPaths.AgentVariable) ?? Agent;
        Session = Text(getVariable, MnemoPaths.SessionVariable) ?? Session;
        AgentQuotaBytes = Bytes(getVariable, AgentQuotaVariable) ?? AgentQuotaBytes;
        SessionQuotaBytes = Bytes(getVariable, SessionQuotaVariable) ?? SessionQuotaBytes;
        FeedRetention = Duration(getVariable, FeedRetentionVariable, "7d") ?? FeedRetention;
        BusyTimeout = Duration(getVariable, BusyTimeoutVariable, "30s") ?? BusyTimeout;
        if (PositiveNumber(getVariable, MaxEntryBytesVariable) is { } maxEntry)
        {
            MaxEntryBytes = (int)Math.Min(maxEntry, int.MaxValue);
        }

        if (Text(getVariable, MaxStatesVariable) is { } maxStates)
        {
            MaxStateVersions = int.TryParse(maxStates, NumberStyles.None, CultureInfo.InvariantCulture, out var states) && states > 0
                ? states
                : throw Invalid($"{MaxStatesVariable}={UserValue.Quote(maxStates)} is not a positive whole number of versions: use e.g. 100, or unset it");
        }

        if (Text(getVariable, MetricsHistoryVariable) is { } history)
        {
            MetricsHistoryLimit = int.TryParse(history, NumberStyles.None, CultureInfo.InvariantCulture, out var samples) && samples > 0
                ? samples
                : throw Invalid($"{MetricsHistoryVariable}={UserValue.Quote(history)} is not a positive whole number of samples: use e.g. 10000, or unset it");
        }

        if (Duration(getVariable, MetricsRetentionVariable, "7d") is { } retention)
        {
            MetricsRetention = retention > TimeSpan.Zero
                ? retention
                : throw Invalid($"{MetricsRetentionVariable}={UserValue.Quote(getVariable(MetricsRetentionVariable))} is not positive: use e.g. 7d");
        }

        if (Text(getVariable, MetricsIntervalVariable) is { } interval)
        {
            MetricsInterval = interval.Trim() is "0" || interval.Trim().Equals("off", StringComparison.OrdinalIgnoreCase)
                ? TimeSpan.Zero
                : Durations.TryParse(interval, out var every) && every > TimeSpan.Zero
                    ? every
                    : throw Invalid($"{MetricsIntervalVariable}={UserValue.Quote(interval)} is not a sampling interval: use a duration such as 15s or 1m, or 0 (off)");
        }

        ReadWindow(getVariable);
        ReadHealth(getVariable);
        ReadActions(getVariable);
        if (Text(getVariable, RedactMessagesVariable) is { } redact)
        {
            MessageRedactor = redact.ToLowerInvariant() switch
            {
                "on" => Privacy.SensitiveDataRedactor.Default,
                "off" => null,
                _ => throw Invalid($"{RedactMessagesVariable}={UserValue.Quote(redact)} is neither on nor off: use on (the default) or off"),
            };
        }

        ReadRedactedNamespaces(getVariable);
        if (Text(getVariable, MaxImportLineBytesVariable) is { } lineLimit)
        {
            MaxImportLineBytes = ParseLineLimit(MaxImportLineBytesVariable, lineLimit);
        }

        if (Text(getVariable, DuplicateThresholdVariable) is { } threshold)
        {
            DuplicateThreshold = double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var similarity)
                && similarity is > 0 and <= 1
                    ? similarity
                    : throw Invalid($"{DuplicateThresholdVariable}={UserValue.Quote(threshold)} is not a similarity in (0, 1]: use e.g. 0.92");
        }

        if (Text(getVariable, SimilarityScaleVariable) is { } scale)
        {
            Ranking = Ranking with
            {
                Similarity = SimilarityScale.TryParse(scale) ?? throw Invalid(
                    $"{SimilarityScaleVariable}={UserValue.Quote(scale)} is not FLOOR,CEILING[,VECTOR_SHARE] with -1 <= floor < ceiling <= 1 "
                    + "and a share of 0..1: use e.g. 0.3,0.7,0.5"),
            };
        }

        if (Text(getVariable, EmbedderSettings.EmbedderVariable) is not null)
        {
            EmbedderSettings = EmbedderSettings.FromEnvironment(getVariable);
        }

        if (Text(getVariable, VectorStorageVariable) is { } storage)
        {
            VectorStorage = storage.ToLowerInvariant() switch
            {
                "float" => Vectors.VectorQuantization.None,
                "int8" => Vectors.VectorQuantization.Int8,
                _ => throw Invalid($"{VectorStorageVariable}={UserValue.Quote(storage)} is not a vector storage: use float or int8"),
            };
        }

        if (Text(getVariable, GraphNamespaceVariable) is { } graph)
        {
            GraphNamespace = graph.EndsWith('/') && Keys.MemoryKey.IsValid(graph + "x")
                ? graph
                : throw Invalid($"{GraphNamespaceVariable}={UserValue.Quote(graph)} is not a key prefix ending in '/': use e.g. graph/ or memory/graph/");
        }

        return this;
    }

    /// <summary>
    /// An import line limit such as <c>8MB</c> (1 byte to 2 GB - 1 byte, what one buffer holds), for
    /// <see cref="MaxImportLineBytes"/>; <paramref name="source"/> (the variable or a face's flag) is named in the error.
    /// </summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/>: not a size in that range.</exception>
    public static int ParseLineLimit(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ByteSizes.TryParse(text) is { } bytes and > 0 and <= int.MaxValue
            ? (int)bytes
            : throw Invalid($"{source} {UserValue.Quote(text)} is not a size from 1 byte to 2GB: use e.g. 8MB or 16MB");
    }

    /// <summary>The variable's value; null when it is unset or empty (an empty variable means "use the default").</summary>
    private static string? Text(Func<string, string?> getVariable, string name) => getVariable(name) is { Length: > 0 } text ? text : null;

    private static long? Bytes(Func<string, string?> getVariable, string name) => Text(getVariable, name) is { } text
        ? ByteSizes.TryParse(text) is { } bytes and > 0
            ? bytes
            : throw Invalid($"{name}={UserValue.Quote(text)} is not a size: use e.g. 100MB, 512KB or 1GB")
        : null;

    private void ReadWindow(Func<string, string?> getVariable)
    {
        // A size given alone gets a smaller overlap when the current one does not fit in it (SessionWindow.With): the
        // user set no overlap, so an error about one would name a variable they never set.
        var window = Window.With(
            Tokens(getVariable, MaxContextLengthVariable, "4096", minimum: 1), Tokens(getVariable, ContextOverlapVariable, "128", minimum: 0));
        if (window.Overlap >= window.MaxTokens)
        {
            throw Invalid(
                $"{ContextOverlapVariable}={window.Overlap} is not below the window's {window.MaxTokens} tokens ({MaxContextLengthVariable}): use a smaller overlap, e.g. {window.MaxTokens / 32}");
        }

        Window = window;
        WindowExpiry = Duration(getVariable, ContextExpiryVariable, "1h") is { } expiry
            ? expiry > TimeSpan.Zero ? expiry : throw Invalid($"{ContextExpiryVariable}={UserValue.Quote(getVariable(ContextExpiryVariable))} is not positive: use e.g. 1h")
            : WindowExpiry;
    }

    private static int? Tokens(Func<string, string?> getVariable, string name, string example, int minimum) => Text(getVariable, name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw Invalid($"{name}={UserValue.Quote(text)} is not a whole number of tokens of at least {minimum}: use e.g. {example}, or unset it")
        : null;

    private static TimeSpan? Duration(Func<string, string?> getVariable, string name, string example) => Text(getVariable, name) is { } text
        ? Durations.TryParse(text, out var value)
            ? value
            : throw Invalid($"{name}={UserValue.Quote(text)} is not a duration: use e.g. {example}")
        : null;

    private static long? PositiveNumber(Func<string, string?> getVariable, string name) => Text(getVariable, name) is { } text
        ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Invalid($"{name}={UserValue.Quote(text)} is not a positive whole number of bytes: use e.g. 2097152 (2 MiB), or unset it")
        : null;

    private static MnemoException Invalid(string message) => new(MnemoErrorCode.InvalidInput, message);
}
