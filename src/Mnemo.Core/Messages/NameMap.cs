using Mnemo.Core.Errors;

namespace Mnemo.Core.Messages;

/// <summary>
/// The names users give the values of an enum on the command line and in tool arguments, in one place, so that every
/// face accepts and prints the same words (the CLI's <c>--on-duplicate skip</c> is MCP's <c>"on_duplicate": "skip"</c>).
/// </summary>
/// <typeparam name="T">The enum named.</typeparam>
public sealed class NameMap<T>
    where T : struct, Enum
{
    private readonly (T Value, string Name)[] _pairs;
    private readonly string _what;

    /// <summary>A map whose names are <paramref name="pairs"/>, in the order users see them.</summary>
    /// <param name="what">What a value is, for errors: "duplicate policy".</param>
    /// <param name="pairs">Each value with its name.</param>
    public NameMap(string what, params (T Value, string Name)[] pairs)
    {
        _what = what;
        _pairs = pairs;
        Names = [.. pairs.Select(p => p.Name)];
        Choices = Names.Count == 1 ? Names[0] : $"{string.Join(", ", Names.Take(Names.Count - 1))} or {Names[^1]}";
    }

    /// <summary>Every name, in the order users see them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names as a sentence lists them: "report, skip, merge or allow".</summary>
    public string Choices { get; }

    /// <summary>The name of <paramref name="value"/>.</summary>
    public string Name(T value)
    {
        foreach (var (candidate, name) in _pairs)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }

    /// <summary>The value named <paramref name="name"/> (case and surrounding spaces ignored), or false.</summary>
    public bool TryParse(string? name, out T value)
    {
        var wanted = name?.Trim();
        foreach (var (candidate, known) in _pairs)
        {
            if (string.Equals(known, wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value named <paramref name="name"/>; an unknown name throws, naming the accepted ones.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public T Parse(string name) => TryParse(name, out var value)
        ? value
        : throw new ArgumentException($"{_what} {UserValue.Quote(name)} is unknown: use {Choices}", nameof(name));
}
