using System.CommandLine;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Learning.Prediction;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli;

/// <summary>What a command needs from its invocation: parsed values, output streams, and the engine.</summary>
internal sealed class CommandContext
{
    // True once this invocation's command was recorded in the action log: a command that opens the engine twice counts once.
    private bool _recorded;

    public CommandContext(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ParseResult = parseResult;
        CancellationToken = cancellationToken;
        Output = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
        Json = parseResult.GetValue(GlobalOptions.Json);
    }

    // A copy writing its output, always as JSON, to another writer.
    private CommandContext(CommandContext other, TextWriter output)
    {
        ParseResult = other.ParseResult;
        CancellationToken = other.CancellationToken;
        Output = output;
        Error = other.Error;
        Json = true;
    }

    public ParseResult ParseResult { get; }

    public CancellationToken CancellationToken { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when <c>--json</c> was given.</summary>
    public bool Json { get; }

    /// <summary>Where this invocation reads <c>MNEMO_*</c> variables: the process environment unless a test or the daemon gives others.</summary>
    public Func<string, string?> Variables =>
        (ParseResult.InvocationConfiguration as CliInvocation)?.Variables ?? Environment.GetEnvironmentVariable;

    public T? Value<T>(Option<T> option) => ParseResult.GetValue(option);

    public T? Value<T>(Argument<T> argument) => ParseResult.GetValue(argument);

    /// <summary>
    /// Engine options: the environment's (<see cref="MnemoOptions.FromEnvironment"/>, the mapping every face shares),
    /// then <c>--db</c>, <c>--agent</c> and <c>--session</c>, which win over their variables.
    /// </summary>
    public MnemoOptions CreateOptions()
    {
        // The local neural models (arctic-xs, the default, and minilm), loaded only when a command embeds.
        var invocation = ParseResult.InvocationConfiguration as CliInvocation;
        var options = MnemoOptions.FromEnvironment(Variables).UseLocalEmbedders();
        options.TimeProvider = invocation?.Clock ?? TimeProvider.System;
        if (invocation is not null && options.LocalEmbedders is { } local)
        {
            options.LocalEmbedders = new LoadRecordingEmbedders(local, () => invocation.LoadedLocalModel = true);
        }

        if (ParseResult.GetValue(GlobalOptions.Database) is { Length: > 0 } database)
        {
            options.DatabasePath = database;
        }

        if (ParseResult.GetValue(GlobalOptions.Agent) is { Length: > 0 } agent)
        {
            options.Agent = agent;
        }

        if (ParseResult.GetValue(GlobalOptions.Session) is { Length: > 0 } session)
        {
            options.Session = session;
        }

        return options.UseSqlite();
    }

    /// <summary>
    /// Engine options for a benchmark's scratch database at a path: the CLI's options (so the engine is the one a user
    /// would get), with the default agent and session, and <paramref name="embedder"/> when one is named.
    /// </summary>
    public Func<string, MnemoOptions> ScratchEngineOptions(string? embedder) => path =>
    {
        var options = CreateOptions();
        (options.Agent, options.Session) = (null, null);
        if (embedder is not null)
        {
            options.EmbedderSettings = EmbedderSettings.Parse(embedder, options.Variables);
        }

        return options.UseSqlite(path);
    };

    /// <summary>
    /// Opens the engine on the database chosen by <c>--db</c> / the environment, for this one command
    /// (<see cref="MnemoOptions.OneShot"/>: no background work), or takes a view of the daemon's warm engine when the
    /// daemon runs the command. A command that serves for long (<c>mcp</c>) opens its own.
    /// </summary>
    /// <remarks>
    /// Records the command in the store's action log (<see cref="CommandRecording"/>) once per invocation, unless this
    /// invocation's options turn recording off (checked here too: a daemon's engine has its own options). Recording never
    /// fails the command: the engine logs a store failure and goes on.
    /// </remarks>
    public async Task<MnemoEngine> OpenEngineAsync()
    {
        var options = CreateOptions();
        MnemoEngine engine;
        if ((ParseResult.InvocationConfiguration as CliInvocation)?.OpenEngine is { } open)
        {
            engine = await open(options, CancellationToken).ConfigureAwait(false);
        }
        else
        {
            options.OneShot = true;
            engine = await MnemoEngine.OpenAsync(options, CancellationToken).ConfigureAwait(false);
        }

        if (!_recorded && options.RecordActions && CommandRecording.ActionOf(ParseResult) is { } action)
        {
            _recorded = true;
            try
            {
                await engine.RecordActionAsync(action, ActionSource.Cli, CancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await engine.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        return engine;
    }

    /// <summary>This context with its output as JSON into <paramref name="output"/>: to collect a command's results.</summary>
    public CommandContext CapturingJson(TextWriter output) => new(this, output);

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
}
