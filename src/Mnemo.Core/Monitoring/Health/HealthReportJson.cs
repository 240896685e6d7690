using System.Text.Json;
using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Monitoring.Health;

/// <summary>
/// A <see cref="HealthReport"/> as JSON: the one shape <c>mnemo health --json</c> and the MCP server write. Written by
/// hand (no reflection) for Native AOT; names are snake_case, sizes bytes, rates per hour, times ISO 8601.
/// </summary>
public static class HealthReportJson
{
    /// <summary>Writes the report as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteNumber("score", report.Score);
        writer.WriteString("status", StatusName(report.Status));
        writer.WriteString("driver", report.Driver);
        writer.WriteString("at", report.At);
        writer.WriteNumber("pid", report.ProcessId);
        writer.WriteNumber("warning_score", report.Thresholds.MemoryPressure);
        writer.WriteNumber("critical_score", report.Thresholds.CriticalPressure);
        writer.WriteNumber("history_samples", report.HistorySamples);
        writer.WriteStartArray("inputs");
        foreach (var input in report.Inputs)
        {
            writer.WriteStartObject();
            writer.WriteString("name", input.Name);
            writer.WriteString("unit", input.Unit);
            Number(writer, "value", input.Value);
            writer.WriteNumber("threshold", input.Threshold);
            writer.WriteNumber("part", Math.Round(input.Part, 1, MidpointRounding.AwayFromZero));
            writer.WriteString("source", input.Source);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("leaks");
        foreach (var leak in report.Leaks)
        {
            WriteLeak(writer, leak);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("forecasts");
        foreach (var forecast in report.Forecasts)
        {
            WriteForecast(writer, forecast);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The status's name in JSON: <c>healthy</c>, <c>warning</c> or <c>critical</c>.</summary>
    public static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Warning => "warning",
        HealthStatus.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a health status"),
    };

    /// <summary>The leak status's name in JSON: <c>insufficient_data</c>, <c>no_rise</c>, <c>slow_rise</c> or <c>leak</c>.</summary>
    public static string LeakName(LeakStatus status) => status switch
    {
        LeakStatus.InsufficientData => "insufficient_data",
        LeakStatus.NoRise => "no_rise",
        LeakStatus.SlowRise => "slow_rise",
        LeakStatus.Leak => "leak",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a leak status"),
    };

    private static void WriteLeak(Utf8JsonWriter writer, HealthLeak leak)
    {
        var verdict = leak.Verdict;
        writer.WriteStartObject();
        writer.WriteString("subject", leak.Subject);
        if (leak.ProcessId is { } pid)
        {
            writer.WriteNumber("pid", pid);
            writer.WriteString("host", leak.Host);
        }

        writer.WriteString("status", LeakName(verdict.Status));
        writer.WriteNumber("samples", verdict.AvailableSamples);
        writer.WriteNumber("samples_needed", leak.NeededSamples);
        writer.WriteString("summary", verdict.Summary);
        Number(writer, "p_value", verdict.PValue);
        Number(writer, "rate_per_hour", verdict.Rate);
        Number(writer, "rate_lower_per_hour", verdict.RateLower);
        Number(writer, "rate_upper_per_hour", verdict.RateUpper);
        writer.WriteNumber("minimum_rate_per_hour", verdict.MinimumRate);
        writer.WriteEndObject();
    }

    private static void WriteForecast(Utf8JsonWriter writer, HealthForecast forecast)
    {
        writer.WriteStartObject();
        writer.WriteString("subject", forecast.Subject);
        if (forecast.ProcessId is { } pid)
        {
            writer.WriteNumber("pid", pid);
        }

        writer.WriteNumber("horizon_seconds", HealthEvaluator.Horizon.TotalSeconds);
        writer.WriteNumber("samples", forecast.AvailableSamples);
        writer.WriteNumber("samples_needed", forecast.NeededSamples);
        if (forecast.Forecast is { } f)
        {
            writer.WriteString("time", f.Time);
            writer.WriteNumber("value", f.Value);
            writer.WriteNumber("lower", f.Lower);
            writer.WriteNumber("upper", f.Upper);
            writer.WriteNumber("level", f.Level);
            writer.WriteNumber("slope_per_hour", f.SlopePerSecond * 3600);
        }

        if (forecast.Accuracy is { } a)
        {
            writer.WriteStartObject("accuracy");
            writer.WriteNumber("resolved", a.Resolved);
            writer.WriteNumber("covered", a.Covered);
            writer.WriteNumber("expired", a.Expired);
            writer.WriteNumber("pending", a.Pending);
            Number(writer, "coverage", a.Coverage);
            Number(writer, "mean_nominal_level", a.MeanNominalLevel);
            Number(writer, "mean_absolute_error", a.MeanAbsoluteError);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
