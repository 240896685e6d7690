using System.Globalization;
using Mnemo.Core;
using Mnemo.Core.Messages;
using Mnemo.Core.Time;

namespace Mnemo.Cli.Output;

/// <summary>Formatting of values for human output.</summary>
internal static class HumanText
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0 'KiB'", CultureInfo.InvariantCulture),
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0 'MiB'", CultureInfo.InvariantCulture),
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00 'GiB'", CultureInfo.InvariantCulture),
    };

    public static string Time(DateTimeOffset? time) => time is { } t ? Timestamps.Format(t) : "-";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The first line of a text, shortened to <paramref name="width"/> characters.</summary>
    public static string Snippet(string text, int width = 60)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= width ? line : string.Concat(line.AsSpan(0, width - 1), "…");
    }

    public static void WriteEntry(TextWriter output, MemoryEntry entry)
    {
        output.WriteLine($"key:        {entry.Key}");
        output.WriteLine($"version:    {entry.Version}");
        output.WriteLine($"kind:       {entry.Kind}");
        if (entry.Tags.Count > 0)
        {
            output.WriteLine($"tags:       {string.Join(", ", entry.Tags)}");
        }

        output.WriteLine($"importance: {Number(entry.Importance)}");
        if (entry.Agent is not null)
        {
            output.WriteLine($"agent:      {entry.Agent}");
        }

        output.WriteLine($"created:    {Time(entry.CreatedAt)}");
        output.WriteLine($"updated:    {Time(entry.UpdatedAt)}");
        output.WriteLine($"accessed:   {Time(entry.AccessedAt)} ({Counted.Of(entry.AccessCount, "read", "reads")})");
        if (entry.ExpiresAt is { } expires)
        {
            output.WriteLine($"expires:    {Time(expires)}");
        }

        if (entry.Value is { } value)
        {
            output.WriteLine($"value:      {value.GetRawText()}");
        }

        if (entry.Metadata is { } metadata)
        {
            output.WriteLine($"metadata:   {metadata.GetRawText()}");
        }

        output.WriteLine();
        output.WriteLine(entry.Text);
    }
}
