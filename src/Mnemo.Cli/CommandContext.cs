using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;
using Mnemo.Core.Time;
using Mnemo.Core.Transfer;
using Mnemo.Embeddings.Onnx;
using Mnemo.Sqlite;

namespace Mnemo.Cli;

/// <summary>What a command needs from its invocation: parsed values, output streams, and the engine.</summary>
internal sealed class CommandContext
{
    public CommandContext(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ParseResult = parseResult;
        CancellationToken = cancellationToken;
        Output = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
        Json = parseResult.GetValue(GlobalOptions.Json);
    }

    public ParseResult ParseResult { get; }

    public CancellationToken CancellationToken { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when <c>--json</c> was given.</summary>
    public bool Json { get; }

    /// <summary>The agent from <c>--agent</c>, else <c>MNEMO_AGENT</c>.</summary>
    public string? Agent => ParseResult.GetValue(GlobalOptions.Agent) is { Length: > 0 } agent
        ? agent
        : Environment.GetEnvironmentVariable(MnemoPaths.AgentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

    /// <summary>The session from <c>--session</c>, else <c>MNEMO_SESSION</c>.</summary>
    public string? Session => ParseResult.GetValue(GlobalOptions.Session) is { Length: > 0 } session
        ? session
        : Environment.GetEnvironmentVariable(MnemoPaths.SessionVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;

    public T? Value<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Value<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>Engine options from the command line and the environment.</summary>
    public MnemoOptions CreateOptions()
    {
        var options = new MnemoOptions
        {
            DatabasePath = ParseResult.GetValue(GlobalOptions.Database),
            Agent = Agent,
            Session = Session,

            // The local neural models (arctic-xs, the default, and minilm), loaded only when a command embeds.
            LocalEmbedders = OnnxEmbedderProvider.Instance,
        };
        if (EnvironmentBytes("MNEMO_AGENT_QUOTA") is { } agentQuota)
        {
            options.AgentQuotaBytes = agentQuota;
        }

        if (EnvironmentBytes("MNEMO_SESSION_QUOTA") is { } sessionQuota)
        {
            options.SessionQuotaBytes = sessionQuota;
        }

        if (Environment.GetEnvironmentVariable("MNEMO_FEED_RETENTION") is { Length: > 0 } retention)
        {
            options.FeedRetention = Durations.TryParse(retention, out var keep)
                ? keep
                : throw new MnemoException(MnemoErrorCode.InvalidInput, $"MNEMO_FEED_RETENTION={UserValue.Quote(retention)} is not a duration: use e.g. 7d");
        }
        if (EnvironmentNumber("MNEMO_MAX_ENTRY_BYTES") is { } maxEntry)
        {
            options.MaxEntryBytes = (int)Math.Clamp(maxEntry, 1, int.MaxValue);
        }

        if (Environment.GetEnvironmentVariable(MnemoOptions.MaxImportLineBytesVariable) is { Length: > 0 } lineLimit)
        {
            options.MaxImportLineBytes = LineLimit(MnemoOptions.MaxImportLineBytesVariable, lineLimit);
        }

        if (Environment.GetEnvironmentVariable("MNEMO_BUSY_TIMEOUT") is { Length: > 0 } busy)
        {
            options.BusyTimeout = Durations.TryParse(busy, out var timeout)
                ? timeout
                : throw new MnemoException(MnemoErrorCode.InvalidInput, $"MNEMO_BUSY_TIMEOUT={UserValue.Quote(busy)} is not a duration: use e.g. 30s");
        }

        if (Environment.GetEnvironmentVariable("MNEMO_DUPLICATE_THRESHOLD") is { Length: > 0 } threshold)
        {
            options.DuplicateThreshold = double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var similarity)
                && similarity is > 0 and <= 1
                    ? similarity
                    : throw new MnemoException(MnemoErrorCode.InvalidInput, $"MNEMO_DUPLICATE_THRESHOLD='{threshold}' is not a similarity in (0, 1]: use e.g. 0.92");
        }

        if (Environment.GetEnvironmentVariable("MNEMO_SIMILARITY_SCALE") is { Length: > 0 } scale)
        {
            options.Ranking = options.Ranking with
            {
                Similarity = Core.Retrieval.SimilarityScale.TryParse(scale) ?? throw new MnemoException(MnemoErrorCode.InvalidInput,
                    $"MNEMO_SIMILARITY_SCALE='{scale}' is not FLOOR,CEILING[,VECTOR_SHARE] with -1 <= floor < ceiling <= 1 and a share of 0..1: use e.g. 0.3,0.7,0.5"),
            };
        }

        if (Environment.GetEnvironmentVariable(EmbedderSettings.EmbedderVariable) is { Length: > 0 })
        {
            options.EmbedderSettings = EmbedderSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        }

        return options.UseSqlite();
    }

    /// <summary>Opens the engine on the database chosen by <c>--db</c> / the environment.</summary>
    public Task<MnemoEngine> OpenEngineAsync() => MnemoEngine.OpenAsync(CreateOptions(), CancellationToken);

    /// <summary>Writes a JSON document built by <paramref name="write"/> to the output, followed by a newline.</summary>
    public void WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.Indented))
        {
            write(writer);
        }

        Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>An import line limit such as 8MB (at most 2 GB - 1 byte, what one buffer holds), named in the error by <paramref name="source"/>.</summary>
    public static int LineLimit(string source, string text) => CliParsing.TryBytes(text) is { } bytes and > 0 and <= int.MaxValue
        ? (int)bytes
        : throw new MnemoException(MnemoErrorCode.InvalidInput, $"{source} {UserValue.Quote(text)} is not a size from 1 byte to 2GB: use e.g. 8MB or 16MB");

    private static long? EnvironmentBytes(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
        ? CliParsing.TryBytes(text) is { } bytes and > 0
            ? bytes
            : throw new MnemoException(MnemoErrorCode.InvalidInput, $"{name}='{text}' is not a size: use e.g. 100MB, 512KB or 1GB")
        : null;

    private static long? EnvironmentNumber(string name)
    {
        if (Environment.GetEnvironmentVariable(name) is not { Length: > 0 } text)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new MnemoException(MnemoErrorCode.InvalidInput, $"{name}='{text}' is not a positive whole number: fix or unset it");
    }
}
