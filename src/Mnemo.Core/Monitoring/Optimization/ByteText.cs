using System.Globalization;

namespace Mnemo.Core.Monitoring.Optimization;

/// <summary>Byte counts in the units the CLI prints (B, KiB, MiB, GiB), for summaries Core writes.</summary>
internal static class ByteText
{
    public static string Of(long bytes) => Math.Abs(bytes) switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0 'KiB'", CultureInfo.InvariantCulture),
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0 'MiB'", CultureInfo.InvariantCulture),
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00 'GiB'", CultureInfo.InvariantCulture),
    };
}
