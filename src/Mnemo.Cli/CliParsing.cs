using System.Text.Json;
using Mnemo.Core.Time;

namespace Mnemo.Cli;

/// <summary>Turns option text into values, with errors that name the option and show a correct form.</summary>
internal static class CliParsing
{
    public static JsonElement? Json(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(". ", 2)[0].TrimEnd('.');
            throw new FormatException($"{option} is not valid JSON ({reason}): give JSON such as {option} '{{\"source\":\"chat\"}}' or '\"a string\"'");
        }
    }

    /// <summary>A size such as 100MB, 512KB, 1GB or 2048 (bytes; units are powers of 1024), or null when it is not one.</summary>
    public static long? TryBytes(string text) => Core.Configuration.ByteSizes.TryParse(text);

    public static IReadOnlyList<string>? Tags(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static TimeSpan? Duration(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Durations.TryParse(text, out var value)
            ? value
            : throw new FormatException($"{option} '{text}' is not a duration: use a number and a unit, e.g. 90s, 15m, 2h, 30d or 1w");
    }
}
