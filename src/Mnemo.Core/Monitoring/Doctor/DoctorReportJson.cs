using System.Text.Json;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// A <see cref="DoctorReport"/> as JSON: the one shape the CLI (<c>mnemo doctor --json</c>) and other faces print. Written
/// by hand (no reflection), so that it works in a Native AOT build.
/// </summary>
/// <remarks>
/// <c>{"at", "took_ms", "rules": [names run], "worst": "info"|"warning"|"critical"|null, "findings": [{"rule", "severity",
/// "summary", "evidence": [lines], "advice"}]}</c>; findings most severe first.
/// </remarks>
public static class DoctorReportJson
{
    /// <summary>Writes the report as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("at", report.At);
        writer.WriteNumber("took_ms", Math.Round(report.Took.TotalMilliseconds, 3));
        writer.WriteStartArray("rules");
        foreach (var rule in report.RulesRun)
        {
            writer.WriteStringValue(rule);
        }

        writer.WriteEndArray();
        if (report.Worst is { } worst)
        {
            writer.WriteString("worst", Name(worst));
        }
        else
        {
            writer.WriteNull("worst");
        }

        writer.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", finding.Rule);
            writer.WriteString("severity", Name(finding.Severity));
            writer.WriteString("summary", finding.Summary);
            writer.WriteStartArray("evidence");
            foreach (var line in finding.Evidence)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            writer.WriteString("advice", finding.Advice);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A severity as JSON and the CLI write it: "info", "warning" or "critical".</summary>
    public static string Name(DoctorSeverity severity) => severity switch
    {
        DoctorSeverity.Info => "info",
        DoctorSeverity.Warning => "warning",
        DoctorSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity"),
    };
}
