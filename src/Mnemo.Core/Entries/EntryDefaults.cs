namespace Mnemo.Core.Entries;

/// <summary>Defaults and limits for entry fields.</summary>
public static class EntryDefaults
{
    /// <summary>The kind given to entries written without one.</summary>
    public const string Kind = "knowledge";

    /// <summary>The importance given to entries written without one.</summary>
    public const double Importance = 0.5;

    /// <summary>The longest kind, in characters.</summary>
    public const int MaxKindLength = 32;

    /// <summary>The longest tag, in characters.</summary>
    public const int MaxTagLength = 64;

    /// <summary>The most tags one entry may carry.</summary>
    public const int MaxTags = 64;

    /// <summary>The longest agent name, in characters.</summary>
    public const int MaxAgentLength = 64;

    /// <summary>
    /// The highest version an entry may have: 2^53 - 1 (9,007,199,254,740,991), the largest whole number every JSON reader
    /// (JavaScript's included) holds exactly, and far below <see cref="long.MaxValue"/>, so adding one can never wrap. An
    /// import refuses a higher <c>"version"</c>, and a change that would take a key past it is refused.
    /// </summary>
    public const long MaxVersion = (1L << 53) - 1;
}
