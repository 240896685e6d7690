using System.Globalization;

namespace Mnemo.Core.Configuration;

/// <summary>
/// Parses sizes as people write them: <c>100MB</c>, <c>512KB</c>, <c>1GB</c> or <c>2048</c> (bytes); the binary spellings
/// <c>KiB</c>, <c>MiB</c>, <c>GiB</c> and <c>TiB</c> (and <c>TB</c>) mean the same powers of 1024.
/// </summary>
public static class ByteSizes
{
    /// <summary>The size in bytes (units are powers of 1024, case ignored), or null when the text is not a size.</summary>
    public static long? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToUpperInvariant();
        var (digits, unit) = trimmed.EndsWith("TIB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 40)
            : trimmed.EndsWith("GIB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 30)
            : trimmed.EndsWith("MIB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 20)
            : trimmed.EndsWith("KIB", StringComparison.Ordinal) ? (trimmed[..^3], 1L << 10)
            : trimmed.EndsWith("TB", StringComparison.Ordinal) ? (trimmed[..^2], 1L << 40)
            : trimmed.EndsWith("GB", StringComparison.Ordinal) ? (trimmed[..^2], 1L << 30)
            : trimmed.EndsWith("MB", StringComparison.Ordinal) ? (trimmed[..^2], 1L << 20)
            : trimmed.EndsWith("KB", StringComparison.Ordinal) ? (trimmed[..^2], 1L << 10)
            : trimmed.EndsWith('B') ? (trimmed[..^1], 1L)
            : (trimmed, 1L);
        return long.TryParse(digits.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count <= long.MaxValue / unit
                ? count * unit
                : null;
    }
}
