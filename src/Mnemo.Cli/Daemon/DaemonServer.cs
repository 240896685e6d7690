using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace Mnemo.Cli.Daemon;

/// <summary>
/// The resident process of one database (DESIGN "The cost of one call"): it keeps the engine, the embedding model and
/// the vector index warm and runs the command lines CLI processes hand it over its socket, so that a store or a search
/// costs what the work costs rather than a model load. One per database (an exclusive lock); it ends when idle, when
/// asked, or when its database or socket is deleted.
/// </summary>
internal sealed class DaemonServer
{
    private readonly DaemonAddress _address;
    private readonly TimeSpan _idleExit;
    private readonly WarmEngines _engines;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<Stream> _stopCallers = new();
    // The connections being served, each removed when done: the shutdown waits for them.
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;
    private long _requests;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _running;

    /// <summary>
    /// This build's version (its informational version, with the commit): a daemon runs only the commands of clients of
    /// the same build, whose parser and options it shares.
    /// </summary>
    public static string Version { get; } =
        typeof(DaemonServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private DaemonServer(DaemonAddress address, TimeSpan idleExit)
    {
        _address = address;
        _idleExit = idleExit;
        _engines = new WarmEngines(address.DatabasePath);
    }

    /// <summary>Serves until idle for <paramref name="idleExit"/>, stopped, or cancelled; false when another daemon already serves the database.</summary>
    public static async Task<bool> RunAsync(DaemonAddress address, TimeSpan idleExit, Action<string> started, CancellationToken cancellationToken)
    {
        address.CreateDirectory();
        FileStream ownership;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) that the system releases when this process ends, however it ends.
            ownership = new FileStream(address.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return false;
        }

        await using (ownership.ConfigureAwait(false))
        {
            await new DaemonServer(address, idleExit).ServeAsync(started, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task ServeAsync(Action<string> started, CancellationToken cancellationToken)
    {
        // A socket file left by a daemon that was killed; the lock says none serves now.
        File.Delete(_address.SocketPath);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(_address.SocketPath));
        listener.Listen(64);
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        Log($"serving {_address.DatabasePath} on {_address.SocketPath}, ending after {_idleExit} idle");
        // A new database exists once the first command has opened it; only one that existed can have been deleted.
        var watch = WatchAsync(File.Exists(_address.DatabasePath), serving.Token);
        started(_address.SocketPath);
        try
        {
            while (true)
            {
                Socket connection;
                try
                {
                    connection = await listener.AcceptAsync(serving.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var handling = HandleAsync(connection, cancellationToken);
                _connections.TryAdd(handling, 0);
                _ = handling.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
        finally
        {
            listener.Close();
            File.Delete(_address.SocketPath);
            await watch.ConfigureAwait(false);
            await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
            await _engines.DisposeAsync().ConfigureAwait(false);
            Log($"ended after {_requests} requests");
            await AnswerStopCallersAsync().ConfigureAwait(false);
        }
    }

    // Ends the daemon when nobody has used it for the idle time, or when what it serves is gone.
    private async Task WatchAsync(bool databaseSeen, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Clamp(_idleExit.TotalSeconds / 4, 0.05, 2)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var databaseExists = File.Exists(_address.DatabasePath);
                databaseSeen |= databaseExists;
                var reason = databaseSeen && !databaseExists ? "the database was deleted"
                    : !File.Exists(_address.SocketPath) ? "the socket was deleted"
                    : Volatile.Read(ref _running) == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= _idleExit ? "idle"
                    : null;
                if (reason is not null)
                {
                    Log($"stopping: {reason}");
                    await _stop.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleAsync(Socket connection, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var stream = new NetworkStream(connection, ownsSocket: true);
        var answeredLater = false;
        try
        {
            using var request = await DaemonFrames.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return;
            }

            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            switch (request.RootElement.GetProperty("op").GetString())
            {
                case "run":
                    await RunAsync(stream, request.RootElement, cancellationToken).ConfigureAwait(false);
                    break;
                case "status":
                    await DaemonFrames.WriteAsync(stream, WriteStatus, cancellationToken).ConfigureAwait(false);
                    break;
                case "stop":
                    // Answered once the commands running now are done and the engines are closed, so that the caller's
                    // next command finds the store as the daemon left it.
                    Log("stopping: asked to");
                    _stopCallers.Enqueue(stream);
                    answeredLater = true;
                    await _stop.CancelAsync().ConfigureAwait(false);
                    break;
                case var other:
                    Log($"ignored an unknown request '{other}'");
                    break;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or JsonException or KeyNotFoundException
            or InvalidOperationException or OperationCanceledException)
        {
            // The caller went away or sent something that is not a request; the next caller is served as usual.
            Log($"a connection failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            if (!answeredLater)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task AnswerStopCallersAsync()
    {
        while (_stopCallers.TryDequeue(out var stream))
        {
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    await DaemonFrames.WriteAsync(stream, writer => { writer.WriteStartObject(); writer.WriteEndObject(); }, CancellationToken.None)
                        .ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The caller stopped waiting.
                }
            }
        }
    }

    private async Task RunAsync(Stream stream, JsonElement request, CancellationToken cancellationToken)
    {
        if (request.GetProperty("version").GetString() is var version && version != Version)
        {
            // mnemo was updated while this daemon ran: the caller runs the command itself, and a daemon of its build
            // replaces this one once this one has ended.
            Log($"stopping: a client of version {version} called this daemon of version {Version}");
            await _stop.CancelAsync().ConfigureAwait(false);
            await DaemonFrames.WriteAsync(stream, writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("ran", false);
                writer.WriteEndObject();
            }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var args = request.GetProperty("args").EnumerateArray().Select(arg => arg.GetString()!).ToArray();
        var variables = request.GetProperty("variables").EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.GetString()!);
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode;
        if (request.GetProperty("database").GetString() != _address.DatabasePath)
        {
            error.WriteLine($"mnemo: this daemon serves {_address.DatabasePath}, not {request.GetProperty("database").GetString()}");
            exitCode = ExitCodes.SystemError;
        }
        else
        {
            Interlocked.Increment(ref _running);
            try
            {
                var configuration = WarmEngines.ConfigurationOf(variables);
                var invocation = new CliInvocation
                {
                    Output = output,
                    Error = error,
                    EnableDefaultExceptionHandler = false,
                    Variables = name => variables.GetValueOrDefault(name),
                    Clock = TimeProvider.System,
                    OpenEngine = (options, token) => _engines.OpenAsync(options, configuration, token),
                };
                exitCode = await MnemoCli.RunAsync(args, invocation, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _requests);
            }
            finally
            {
                Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
                Interlocked.Decrement(ref _running);
            }
        }

        await DaemonFrames.WriteAsync(stream, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("exit", exitCode);
            writer.WriteString("output", output.ToString());
            writer.WriteString("error", error.ToString());
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
    }

    private void WriteStatus(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("pid", Environment.ProcessId);
        writer.WriteString("database", _address.DatabasePath);
        writer.WriteString("started", _started);
        writer.WriteNumber("requests", Interlocked.Read(ref _requests));
        writer.WriteNumber("idle_exit_seconds", _idleExit.TotalSeconds);
        writer.WriteEndObject();
    }

    // The daemon has no terminal: what it did and what failed goes to its log beside the socket.
    private void Log(string message)
    {
        try
        {
            File.AppendAllText(_address.LogPath, $"{DateTimeOffset.UtcNow:O} pid {Environment.ProcessId}: {message}\n");
        }
        catch (IOException)
        {
            // A log that cannot be written must not stop the daemon.
        }
    }
}
