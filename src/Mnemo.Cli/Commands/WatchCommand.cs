using System.CommandLine;
using System.Text.Json;
using Mnemo.Core.Coordination;
using Mnemo.Core.Time;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo watch</c>: follows the change feed live, from every process writing to the store.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var prefix = new Option<string>("--namespace") { Description = "Only events about keys under this prefix", DefaultValueFactory = _ => "" };
        var from = new Option<long?>("--from") { Description = "Start at this sequence number (default: only events from now on); 1 replays the whole feed" };
        var count = new Option<int?>("--count") { Description = "Stop after this many events" };
        var noFollow = new Option<bool>("--no-follow") { Description = "Print the events already in the feed and stop instead of waiting for more" };
        var command = new Command("watch", "Follow the change feed: memory_updated, memory_deleted, lock_acquired, lock_released, knowledge_shared, "
            + "conflict_detected, sync_complete (--json: one JSON object per line)")
        {
            prefix, from, count, noFollow,
        };
        command.SetBody(async context =>
        {
            if (context.Value(count) is < 1)
            {
                throw new ArgumentException($"--count {context.Value(count)} is not positive: give how many events to print");
            }

            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var remaining = context.Value(count) ?? int.MaxValue;
                var follow = !context.Value(noFollow);
                var events = engine.WatchAsync(context.Value(from) ?? (follow ? null : 1), context.Value(prefix)!, follow, context.CancellationToken);
                try
                {
                    await foreach (var feedEvent in events.ConfigureAwait(false))
                    {
                        await context.Output.WriteLineAsync(context.Json ? Json(feedEvent) : Text(feedEvent)).ConfigureAwait(false);
                        await context.Output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
                        if (--remaining == 0)
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
                {
                    // Ctrl-C ends a watch normally.
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(FeedEvent e) =>
        $"{e.Sequence} {Timestamps.Format(e.At)} {FeedEventNames.Name(e.Type)} {(e.Key.Length == 0 ? "-" : e.Key)}"
        + $"{(e.Version is { } v ? $" v{v}" : "")} {e.Agent ?? "-"}{(e.Detail is { } d ? " " + d.GetRawText() : "")}";

    private static string Json(FeedEvent e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReadableJson.Compact))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", e.Sequence);
            writer.WriteString("type", FeedEventNames.Name(e.Type));
            writer.WriteString("key", e.Key);
            if (e.Version is { } version)
            {
                writer.WriteNumber("version", version);
            }

            writer.WriteString("agent", e.Agent);
            writer.WriteString("at", Timestamps.Format(e.At));
            if (e.Detail is { } detail)
            {
                writer.WritePropertyName("detail");
                detail.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
