using System.Text.Json;

namespace Mnemo.Benchmarks.Learning;

/// <summary>The mean and sample standard deviation of a figure over seeds.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1); 0 for one seed.</param>
/// <param name="Count">The seeds.</param>
internal readonly record struct SeedStatistics(double Mean, double StandardDeviation, int Count)
{
    /// <summary>The statistics of <paramref name="values"/>.</summary>
    public static SeedStatistics Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return new(double.NaN, double.NaN, 0);
        }

        var mean = list.Average();
        var sd = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return new(mean, sd, list.Count);
    }

    /// <summary>Writes an object {mean, sd}.</summary>
    public void Write(Utf8JsonWriter writer, string name, int digits = 2)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("mean", Math.Round(Mean, digits));
        writer.WriteNumber("sd", Math.Round(StandardDeviation, digits));
        writer.WriteEndObject();
    }
}
