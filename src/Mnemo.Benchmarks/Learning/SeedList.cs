using System.Globalization;

namespace Mnemo.Benchmarks.Learning;

/// <summary>Seeds written as a list of numbers and ranges, <c>1-5</c> or <c>101-110,200</c>.</summary>
internal static class SeedList
{
    /// <summary>The most seeds one run takes.</summary>
    public const int MaxSeeds = 1000;

    /// <summary>The seeds of <paramref name="text"/>, in the order written, without repeats.</summary>
    /// <exception cref="ArgumentException">A part is not a whole number or a range of them, or there are none or too many.</exception>
    public static IReadOnlyList<int> Parse(string text, string option = "--seeds")
    {
        ArgumentNullException.ThrowIfNull(text);
        var seeds = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', 1); // from 1: a leading '-' would be a sign, which seeds do not take
            if (dash < 0 && Number(part) is { } single)
            {
                seeds.Add(single);
            }
            else if (dash > 0 && Number(part[..dash]) is { } first && Number(part[(dash + 1)..]) is { } last && first <= last && last - first < MaxSeeds)
            {
                seeds.AddRange(Enumerable.Range(first, last - first + 1));
            }
            else
            {
                throw new ArgumentException(
                    $"{option} '{text}': '{part}' is not a seed (a whole number of at least 0) or a range of them (low-high); give e.g. {option} 101-110 or {option} 1,2,3");
            }

            if (seeds.Count > MaxSeeds)
            {
                throw new ArgumentException($"{option} '{text}' names more than {MaxSeeds} seeds; give fewer, e.g. {option} 101-110");
            }
        }

        return seeds.Count > 0
            ? [.. seeds.Distinct()]
            : throw new ArgumentException($"{option} '{text}' names no seed; give e.g. {option} 101-110");
    }

    /// <summary>The seeds written back compactly: runs of consecutive seeds as ranges.</summary>
    public static string Format(IReadOnlyList<int> seeds)
    {
        var parts = new List<string>();
        for (var i = 0; i < seeds.Count;)
        {
            var j = i;
            while (j + 1 < seeds.Count && seeds[j + 1] == seeds[j] + 1)
            {
                j++;
            }

            parts.Add(j == i
                ? seeds[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{seeds[i]}-{seeds[j]}"));
            i = j + 1;
        }

        return string.Join(",", parts);
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
