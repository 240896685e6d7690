using System.Globalization;

namespace Mnemo.Core.Monitoring;

/// <summary>Reads the Linux <c>/proc</c> figures a snapshot takes: the machine's memory and the process's resident set.</summary>
/// <remarks>
/// Lines look like <c>MemAvailable:   12345678 kB</c>; "kB" there means KiB. A missing field, an unknown unit or an
/// unreadable file gives null and a reason rather than an exception: a snapshot stays useful without these figures.
/// </remarks>
internal static class ProcFiles
{
    public const string MemInfoPath = "/proc/meminfo";
    public const string StatusPath = "/proc/self/status";

    /// <summary>The machine's total and available memory and the process's resident set, or nulls with the reason.</summary>
    public static (long? Total, long? Available, long? Resident, string? Reason) Read() =>
        Read(OperatingSystem.IsLinux(), MemInfoPath, StatusPath);

    /// <summary>As <see cref="Read()"/>, from given files (tests give their own).</summary>
    internal static (long? Total, long? Available, long? Resident, string? Reason) Read(bool isLinux, string memInfoPath, string statusPath)
    {
        if (!isLinux)
        {
            return (null, null, null, $"not Linux ({Environment.OSVersion.Platform}): /proc/meminfo and /proc/self/status exist only there");
        }

        var reasons = new List<string>();
        var memInfo = ReadFields(memInfoPath, reasons);
        var status = ReadFields(statusPath, reasons);
        var total = Field(memInfo, "MemTotal", memInfoPath, reasons);
        var available = Field(memInfo, "MemAvailable", memInfoPath, reasons);
        var resident = Field(status, "VmRSS", statusPath, reasons);
        return (total, available, resident, reasons.Count == 0 ? null : string.Join("; ", reasons));
    }

    /// <summary>A field's value in bytes, from <c>NAME: VALUE [kB]</c>; null when the line is not of that form.</summary>
    internal static long? ParseBytes(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return number;
        }

        long? multiplier = parts[1].ToUpperInvariant() switch
        {
            "B" => 1,
            "KB" => 1024,
            "MB" => 1024 * 1024,
            "GB" => 1024L * 1024 * 1024,
            _ => null,
        };
        return multiplier is { } m && number <= long.MaxValue / m ? number * m : null;
    }

    private static Dictionary<string, string>? ReadFields(string path, List<string> reasons)
    {
        try
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    fields[line[..colon].Trim()] = line[(colon + 1)..];
                }
            }

            return fields;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reasons.Add($"{path} could not be read ({e.Message})");
            return null;
        }
    }

    private static long? Field(Dictionary<string, string>? fields, string name, string path, List<string> reasons)
    {
        if (fields is null)
        {
            return null;
        }

        if (!fields.TryGetValue(name, out var text))
        {
            reasons.Add($"{path} has no {name} line");
            return null;
        }

        var bytes = ParseBytes(text);
        if (bytes is null)
        {
            reasons.Add($"{path}'s {name} line {text.Trim()} is not a size in kB");
        }

        return bytes;
    }
}
