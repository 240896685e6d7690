using Mnemo.Core;

namespace Mnemo.Cli.Daemon;

/// <summary>
/// The daemon's engines on its database, kept open between requests so that the model, the caches and the vector index
/// stay loaded: one per configuration its callers' <c>MNEMO_*</c> variables give (almost always one), each caller
/// served through a view acting as that caller's agent and session.
/// </summary>
internal sealed class WarmEngines(string databasePath) : IAsyncDisposable
{
    // Variables that name the caller or the daemon rather than configure the engine.
    private static readonly string[] s_notConfiguration =
        [MnemoPaths.AgentVariable, MnemoPaths.SessionVariable, MnemoPaths.DatabaseVariable, MnemoPaths.HomeVariable, DaemonAddress.ModeVariable,
         DaemonAddress.DirectoryVariable, DaemonAddress.IdleVariable];

    private readonly Dictionary<string, Task<MnemoEngine>> _engines = [];
    private readonly Lock _lock = new();

    // One per warm engine: each answers swarm optimisation requests (mnemo optimize --swarm) for this process.
    private readonly List<IAsyncDisposable> _listeners = [];

    /// <summary>What engines the callers with these variables share: their engine-configuring variables, in order.</summary>
    public static string ConfigurationOf(IReadOnlyDictionary<string, string> variables) =>
        string.Join('\n', variables.Where(pair => !s_notConfiguration.Contains(pair.Key)).OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary>
    /// A view of the warm engine for <paramref name="configuration"/> (opened now with <paramref name="options"/> if it is
    /// the first such caller) acting as the options' agent and session. Disposing the view leaves the engine open.
    /// </summary>
    public async Task<MnemoEngine> OpenAsync(MnemoOptions options, string configuration, CancellationToken cancellationToken)
    {
        var (agent, session) = (options.Agent, options.Session);
        Task<MnemoEngine> opening;
        lock (_lock)
        {
            if (!_engines.TryGetValue(configuration, out opening!))
            {
                options.Agent = null;
                options.Session = null;
                options.DatabasePath = databasePath;
                // A resident process: it samples itself into the metrics history (MNEMO_METRICS_INTERVAL, 0 turns it off),
                // so that 'mnemo monitor' shows it.
                options.MetricsInterval ??= MnemoOptions.DefaultMetricsInterval;
                opening = OpenListeningAsync(options);
                _engines[configuration] = opening;
            }
        }

        try
        {
            return (await opening.WaitAsync(cancellationToken).ConfigureAwait(false)).As(agent, session);
        }
        catch when (opening.IsFaulted)
        {
            // Not kept: the next caller tries again (the failure may be the caller's, such as a model the store does not use).
            lock (_lock)
            {
                if (_engines.TryGetValue(configuration, out var kept) && kept == opening)
                {
                    _engines.Remove(configuration);
                }
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<Task<MnemoEngine>> engines;
        List<IAsyncDisposable> listeners;
        lock (_lock)
        {
            engines = [.. _engines.Values];
            _engines.Clear();
            listeners = [.. _listeners];
            _listeners.Clear();
        }

        foreach (var listener in listeners)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        // Waited for even if still opening, so that nothing is left open; a failed opening was its caller's error.
        await Task.WhenAll(engines).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        foreach (var opening in engines.Where(task => task.IsCompletedSuccessfully))
        {
            await opening.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<MnemoEngine> OpenListeningAsync(MnemoOptions options)
    {
        var engine = await MnemoEngine.OpenAsync(options, CancellationToken.None).ConfigureAwait(false);
        var listener = engine.StartOptimizationListener();
        lock (_lock)
        {
            _listeners.Add(listener);
        }

        return engine;
    }
}
