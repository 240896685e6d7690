using Mnemo.Core.Errors;

namespace Mnemo.Core.Tokens;

/// <summary>
/// The token counters a name can choose: the built-in tiktoken encodings and any counters a library user adds.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: <see cref="With"/> returns a new registry, so one can be shared by every caller of an
/// engine. Names are compared without regard to case, and a name already taken (a built-in's or another counter's) is
/// refused, so that a name always means one tokenizer.
/// </remarks>
public sealed class TokenCounters
{
    /// <summary>The encoding of GPT-4 and GPT-3.5-turbo, and of OpenAI's text-embedding-3 models.</summary>
    public const string Cl100kBase = "cl100k_base";

    /// <summary>The encoding of GPT-4o, GPT-4.1 and the o-series models.</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>The counter used when none is named: <see cref="Cl100kBase"/>.</summary>
    public const string DefaultName = Cl100kBase;

    // One instance per encoding for the whole process: each loads its ranks once, on first use.
    private static readonly ITokenCounter[] s_builtIn = [new TiktokenCounter(Cl100kBase), new TiktokenCounter(O200kBase)];

    private readonly Dictionary<string, ITokenCounter> _byName;

    /// <summary>The registry of the built-in counters and <paramref name="custom"/> ones.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="custom"/> or one of its counters is null.</exception>
    /// <exception cref="ArgumentException">A counter's name is empty or already taken.</exception>
    public TokenCounters(params IEnumerable<ITokenCounter> custom)
    {
        ArgumentNullException.ThrowIfNull(custom);
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var counter in s_builtIn)
        {
            _byName.Add(counter.Name, counter);
        }

        foreach (var counter in custom)
        {
            Add(counter);
        }

        Names = [.. _byName.Keys];
    }

    private TokenCounters(Dictionary<string, ITokenCounter> byName, ITokenCounter counter)
    {
        _byName = new(byName, StringComparer.OrdinalIgnoreCase);
        Add(counter);
        Names = [.. _byName.Keys];
    }

    /// <summary>The registry of the built-in counters alone.</summary>
    public static TokenCounters BuiltIn { get; } = new();

    /// <summary>The names of the built-in counters.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [.. s_builtIn.Select(counter => counter.Name)];

    /// <summary>The names this registry knows: the built-in ones first, then the added ones in the order they were added.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The counter named <see cref="DefaultName"/>.</summary>
    public ITokenCounter Default => _byName[DefaultName];

    /// <summary>The counter named <paramref name="name"/>, compared without regard to case.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="MnemoException">
    /// <see cref="MnemoErrorCode.InvalidInput"/>: no counter has that name; the message lists the names there are.
    /// </exception>
    public ITokenCounter Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name.Trim(), out var counter) ? counter : throw MnemoErrors.UnknownTokenizer(name, Names);
    }

    /// <summary>Whether a counter is named <paramref name="name"/>, and which.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ITokenCounter? counter)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name.Trim(), out counter);
    }

    /// <summary>A registry with these counters and <paramref name="counter"/>; this one is unchanged.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="counter"/> is null.</exception>
    /// <exception cref="ArgumentException">Its name is empty or already taken.</exception>
    public TokenCounters With(ITokenCounter counter) => new(_byName, counter);

    private void Add(ITokenCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var name = counter.Name;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length != name.Length)
        {
            throw new ArgumentException(
                $"a token counter's name must be non-empty without surrounding spaces, not {UserValue.Quote(name)}", nameof(counter));
        }

        if (_byName.ContainsKey(name))
        {
            var whose = BuiltInNames.Contains(name, StringComparer.OrdinalIgnoreCase) ? "a built-in counter" : "a counter added before";
            throw new ArgumentException(
                $"the token counter name {UserValue.Quote(name)} is already taken by {whose}: give the counter another name", nameof(counter));
        }

        _byName.Add(name, counter);
    }
}
