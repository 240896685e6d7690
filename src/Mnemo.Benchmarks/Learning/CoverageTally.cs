using System.Text.Json;

namespace Mnemo.Benchmarks.Learning;

/// <summary>How often credible intervals held the true rate: hits out of intervals checked.</summary>
/// <param name="Hits">Intervals that held the true rate.</param>
/// <param name="Intervals">Intervals checked.</param>
internal readonly record struct CoverageTally(long Hits, long Intervals)
{
    /// <summary>Hits / intervals, or null when none was checked.</summary>
    public double? Rate => Intervals == 0 ? null : (double)Hits / Intervals;

    /// <summary>This tally with one more interval.</summary>
    public CoverageTally Add(bool hit) => new(Hits + (hit ? 1 : 0), Intervals + 1);

    /// <summary>The sum of two tallies.</summary>
    public static CoverageTally operator +(CoverageTally left, CoverageTally right) =>
        new(left.Hits + right.Hits, left.Intervals + right.Intervals);

    /// <summary>Writes the tally as an object: coverage (null when empty), hits, intervals.</summary>
    public void Write(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        if (Rate is { } rate)
        {
            writer.WriteNumber("coverage", Math.Round(rate, 4));
        }
        else
        {
            writer.WriteNull("coverage");
        }

        writer.WriteNumber("hits", Hits);
        writer.WriteNumber("intervals", Intervals);
        writer.WriteEndObject();
    }
}
