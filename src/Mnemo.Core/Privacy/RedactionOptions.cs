namespace Mnemo.Core.Privacy;

/// <summary>Which kinds of sensitive data a <see cref="SensitiveDataRedactor"/> redacts.</summary>
public sealed record RedactionOptions
{
    /// <summary>The default <see cref="PatternTimeout"/>: one second.</summary>
    public static readonly TimeSpan DefaultPatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The built-in kinds that are on, names from <see cref="SensitiveDataKinds"/>. Default: all of them.</summary>
    public IReadOnlyCollection<string> Kinds { get; init; } = SensitiveDataKinds.All;

    /// <summary>The user's own patterns, run after the built-in kinds. Default: none.</summary>
    public IReadOnlyList<RedactionPattern> Patterns { get; init; } = [];

    /// <summary>
    /// How long one match of a user pattern may take before it is abandoned with a
    /// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>. Default 1 s.
    /// </summary>
    public TimeSpan PatternTimeout { get; init; } = DefaultPatternTimeout;
}
