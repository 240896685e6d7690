using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Monitoring;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo monitor</c>: every process using the store (from the metrics history they sample into) and the store itself
/// (measured by this process), refreshed every <c>--interval</c>: a live view on a terminal, plain refreshes on a pipe,
/// one JSON object per line with <c>--json</c>, a single refresh with <c>--once</c>.
/// </summary>
internal static class MonitorCommand
{
    private static readonly TimeSpan s_defaultInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_defaultWindow = TimeSpan.FromMinutes(10);

    public static Command Create()
    {
        var interval = new Option<string?>("--interval") { Description = "Time between refreshes, e.g. 1s, 5s (default 2s)" };
        var since = new Option<string?>("--since") { Description = "Show processes that sampled within this window, e.g. 1m, 1h (default 10m)" };
        var once = new Option<bool>("--once") { Description = "Print one refresh and exit (for scripts and tests)" };
        var command = new Command("monitor", "Watch every process using the store and the store itself, live "
            + "(--json: one JSON object per refresh and line; processes show once they sample, as mnemo mcp and the daemon do)")
        {
            interval, since, once,
        };
        command.SetBody(async context =>
        {
            var every = Positive("--interval", context.Value(interval)) ?? s_defaultInterval;
            var window = Positive("--since", context.Value(since)) ?? s_defaultWindow;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var ct = context.CancellationToken;
                try
                {
                    if (!context.Value(once) && !context.Json && IsTerminal(context))
                    {
                        await MonitorLiveDisplay.RunAsync(
                            async () => MonitorView.From(await engine.GetMonitorReportAsync(window, cancellationToken: ct).ConfigureAwait(false)),
                            every, ct).ConfigureAwait(false);
                    }

                    while (true)
                    {
                        var report = await engine.GetMonitorReportAsync(window, cancellationToken: ct).ConfigureAwait(false);
                        if (context.Json)
                        {
                            await context.Output.WriteLineAsync(MonitorReportJson.Write(report)).ConfigureAwait(false);
                        }
                        else
                        {
                            MonitorView.From(report).WriteTo(context.Output);
                        }

                        await context.Output.FlushAsync(ct).ConfigureAwait(false);
                        if (context.Value(once))
                        {
                            return ExitCodes.Ok;
                        }

                        if (!context.Json)
                        {
                            await context.Output.WriteLineAsync().ConfigureAwait(false);
                        }

                        await Task.Delay(every, TimeProvider.System, ct).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C ends a monitor normally.
                    return ExitCodes.Ok;
                }
            }
        });
        return command;
    }

    /// <summary>The live view needs a terminal of this process's own: not a pipe, a file, or a test's writer.</summary>
    private static bool IsTerminal(CommandContext context) =>
        ReferenceEquals(context.Output, Console.Out) && !Console.IsOutputRedirected;

    private static TimeSpan? Positive(string option, string? text) => CliParsing.Duration(option, text) is { } value
        ? value > TimeSpan.Zero ? value : throw new FormatException($"{option} '{text}' is not a positive duration: use e.g. 2s or 10m")
        : null;
}
