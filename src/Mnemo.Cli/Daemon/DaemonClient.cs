using System.Net.Sockets;
using System.Text.Json;

namespace Mnemo.Cli.Daemon;

/// <summary>What a command run in the daemon printed and returned.</summary>
internal sealed record DaemonRunReply(int ExitCode, string Output, string Error);

/// <summary>A running daemon's own account of itself.</summary>
internal sealed record DaemonStatus(int ProcessId, string Database, DateTimeOffset Started, long Requests, TimeSpan IdleExit);

/// <summary>Talks to the daemon of a database over its socket; every method answers null when no daemon listens there.</summary>
internal static class DaemonClient
{
    /// <summary>
    /// Runs <paramref name="args"/> in the daemon with the caller's <c>MNEMO_*</c> <paramref name="variables"/>; null when
    /// no daemon took the request, so nothing ran and the caller runs the command itself.
    /// </summary>
    /// <exception cref="IOException">The daemon took the request and ended before answering: whether it ran is unknown.</exception>
    public static async Task<DaemonRunReply?> TryRunAsync(DaemonAddress address, IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        using var reply = await TryExchangeAsync(address, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("op", "run");
            writer.WriteString("version", DaemonServer.Version);
            writer.WriteString("database", address.DatabasePath);
            writer.WriteStartArray("args");
            foreach (var arg in args)
            {
                writer.WriteStringValue(arg);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("variables");
            foreach (var (name, value) in variables)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return null;
        }

        var root = reply.RootElement;
        if (root.TryGetProperty("ran", out var ran) && !ran.GetBoolean())
        {
            // A daemon of another mnemo build (one updated while it ran): it ends, and this command runs here.
            return null;
        }

        try
        {
            return new DaemonRunReply(root.GetProperty("exit").GetInt32(), root.GetProperty("output").GetString()!, root.GetProperty("error").GetString()!);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw NotAReply(address, e);
        }
    }

    /// <summary>The daemon's status, or null when none runs.</summary>
    public static async Task<DaemonStatus?> TryStatusAsync(DaemonAddress address, CancellationToken cancellationToken)
    {
        using var reply = await TryExchangeAsync(address, writer => Operation(writer, "status"), cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return null;
        }

        var root = reply.RootElement;
        return new DaemonStatus(root.GetProperty("pid").GetInt32(), root.GetProperty("database").GetString()!,
            root.GetProperty("started").GetDateTimeOffset(), root.GetProperty("requests").GetInt64(),
            TimeSpan.FromSeconds(root.GetProperty("idle_exit_seconds").GetDouble()));
    }

    /// <summary>Asks the daemon to end and waits until it has; false when none runs.</summary>
    public static async Task<bool> StopAsync(DaemonAddress address, CancellationToken cancellationToken)
    {
        using var reply = await TryExchangeAsync(address, writer => Operation(writer, "stop"), cancellationToken).ConfigureAwait(false);
        return reply is not null;
    }

    private static IOException NotAReply(DaemonAddress address, Exception e) =>
        new($"what answered at {address.SocketPath} is not a Mnemo daemon of this build ({e.Message}): end it, or set MNEMO_DAEMON=off", e);

    private static void Operation(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject();
        writer.WriteString("op", name);
        writer.WriteEndObject();
    }

    private static async Task<JsonDocument?> TryExchangeAsync(DaemonAddress address, Action<Utf8JsonWriter> request, CancellationToken cancellationToken)
    {
        if (!File.Exists(address.SocketPath))
        {
            return null;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(address.SocketPath), cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // A socket file left by a daemon that was killed: nobody listens.
            socket.Dispose();
            return null;
        }

        using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            await DaemonFrames.WriteAsync(stream, request, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return null;
        }

        JsonDocument? reply;
        try
        {
            reply = await DaemonFrames.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw NotAReply(address, e);
        }

        return reply ?? throw new IOException($"the Mnemo daemon at {address.SocketPath} ended before answering, so whether the command took effect "
                + $"is unknown: check with 'mnemo history KEY' or 'mnemo search', and see {address.LogPath}");
    }
}
