using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Messages;
using Mnemo.Core.Monitoring.Health;

namespace Mnemo.Cli.Commands;

/// <summary>
/// <c>mnemo health [--sample]</c>: the pressure score with each input against its threshold, leak verdicts and next-hour
/// forecasts from the store's metrics history. Its exit code is the health (0 healthy, 1 warning, 2 critical), for
/// scripts and cron. When it cannot tell (the store cannot be opened, a threshold variable is bad) it exits 2 and says why
/// on stderr, so that 1 always means a warning.
/// </summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var sample = new Option<bool>("--sample")
        {
            Description = "Also add this measurement to the store's metrics history, so that trends build up (e.g. from cron)",
        };
        var command = new Command("health",
            "Score memory pressure 0-100 from measured inputs against thresholds (MNEMO_*_THRESHOLD), judge leaks and forecast the next hour. "
            + "Exit codes: 0 healthy, 1 warning, 2 critical, and 2 when it cannot tell (the store cannot be opened, a threshold "
            + "variable is bad; the reason goes to stderr)")
        {
            sample,
        };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                if (context.Value(sample))
                {
                    await engine.SampleAsync(context.CancellationToken).ConfigureAwait(false);
                }

                var report = await engine.GetHealthAsync(context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => HealthReportJson.Write(writer, report));
                }
                else
                {
                    await WriteAsync(context.Output, report).ConfigureAwait(false);
                }

                return (int)report.Status;
            }
        }, failureExitCode: ExitCodes.SystemError);
        return command;
    }

    private static async Task WriteAsync(TextWriter o, HealthReport report)
    {
        var t = report.Thresholds;
        await o.WriteLineAsync(Text($"health:   {JsonName(report.Status).ToUpperInvariant()}, pressure {report.Score:0.0} of 100 ")
            + Text($"(warning from {t.MemoryPressure:0.#}, critical from {t.CriticalPressure:0.#}){(report.Driver is { } d ? $"; driven by {d}" : "")}")).ConfigureAwait(false);
        var width = report.Inputs.Max(i => i.Name.Length);
        foreach (var input in report.Inputs)
        {
            await o.WriteLineAsync(Text($"  {input.Name.PadRight(width)}  {Value(input.Value, input.Unit),12}  threshold {Value(input.Threshold, input.Unit),-12}  ")
                + Text($"part {input.Part,5:0.0}  {input.Source}")).ConfigureAwait(false);
        }

        await o.WriteLineAsync("leaks:").ConfigureAwait(false);
        foreach (var leak in report.Leaks)
        {
            await o.WriteLineAsync($"  {Subject(leak.Subject, leak.ProcessId, leak.Host)}: {HealthReportJson.LeakName(leak.Verdict.Status).Replace('_', ' ')}. {leak.Verdict.Summary}")
                .ConfigureAwait(false);
        }

        await o.WriteLineAsync("forecast, next hour:").ConfigureAwait(false);
        foreach (var forecast in report.Forecasts)
        {
            await o.WriteLineAsync($"  {Subject(forecast.Subject, forecast.ProcessId, null)}: {Forecast(forecast)}").ConfigureAwait(false);
        }

        await o.WriteLineAsync(Text($"history:  {Counted.Of(report.HistorySamples, "sample", "samples")} in the store's metrics history ('mnemo health --sample' adds one)"))
            .ConfigureAwait(false);
    }

    private static string Forecast(HealthForecast forecast)
    {
        if (forecast.Forecast is not { } f)
        {
            return Text($"not enough samples ({forecast.AvailableSamples} of the {forecast.NeededSamples} needed)");
        }

        var text = Text($"{Bytes(f.Value)} ({Percent(f.Level, "0")} interval {Bytes(f.Lower)} to {Bytes(f.Upper)}) at {HumanText.Time(f.Time)}, ")
            + Text($"from the latest {f.SampleCount} of {forecast.AvailableSamples} samples");
        return forecast.Accuracy is { Resolved: > 0 } a
            ? text + Text($"; past forecasts: {a.Covered} of {a.Resolved} intervals held the value ({Percent(a.Coverage ?? 0, "0")}), mean error {Bytes(a.MeanAbsoluteError ?? 0)}")
            : text + "; no past forecast could be checked yet (none has reached its hour within the history)";
    }

    private static string Subject(string subject, int? processId, string? host) => subject switch
    {
        "content" => "store content",
        _ => processId is { } pid ? $"heap of process {pid}{(host is null ? "" : $" on {host}")}" : subject,
    };

    private static string Value(double? value, string unit) => value is not { } v ? "not measured" : unit switch
    {
        "fraction" => Percent(v, "0.0"),
        "bytes_per_hour" => Bytes(v) + "/h",
        _ => Bytes(v),
    };

    private static string Percent(double share, string format) => (share * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Bytes(double value) => value < 0 ? "-" + HumanText.Bytes((long)-value) : HumanText.Bytes((long)value);

    private static string JsonName(HealthStatus status) => HealthReportJson.StatusName(status);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
