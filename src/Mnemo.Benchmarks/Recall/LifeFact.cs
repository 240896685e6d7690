namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// A kind of thing a person tells the other in a chat (a class they signed up for, a pet, an allergy...), with the
/// values it takes, the first-person turns that tell it, and the questions asked about it later.
/// </summary>
/// <remarks>
/// The turns never name the person who says them: who said what is in each entry's metadata, as in a real chat log.
/// <see cref="SingleHop"/> shares at most the topic's noun with every statement; <see cref="Paraphrase"/> shares no
/// content word with any statement or value (tests/Mnemo.Benchmarks.Tests/Recall/ContentWords.cs checks both).
/// </remarks>
internal sealed record LifeFact
{
    /// <summary>The topic's noun, for reading the catalog (e.g. <c>class</c>).</summary>
    public required string Topic { get; init; }

    /// <summary>The values of <c>{v}</c>; two people with the same kind of fact get different ones.</summary>
    public required string[] Values { get; init; }

    /// <summary>The values of <c>{w}</c>, when the fact has a second part (a pet's name, a car's model); else empty.</summary>
    public string[] Seconds { get; init; } = [];

    /// <summary>First-person ways to tell it, one chosen per telling.</summary>
    public required string[] Statements { get; init; }

    /// <summary>A question naming the person, sharing at most the topic's noun with the statement.</summary>
    public required string SingleHop { get; init; }

    /// <summary>A question naming the person, sharing no content word with any statement or value.</summary>
    public required string Paraphrase { get; init; }

    /// <summary>"When did {name}...?", for facts that are events (something done on a day); null for states and tastes.</summary>
    public string? Temporal { get; init; }

    /// <summary>The event as a clause for "... after {After}?" (e.g. <c>{sub} adopted {w}</c>); set with <see cref="Temporal"/>.</summary>
    public string? After { get; init; }

    /// <summary>What the other person may answer (mentioning the topic, sometimes the teller's name, never the value).</summary>
    public required string[] Replies { get; init; }

    /// <summary>
    /// Turns either person may say at any time that share words with the questions but do not answer them: the traps
    /// of a real chat log, where the question's words also come up in talk about something else.
    /// </summary>
    public required string[] NearMisses { get; init; }

    /// <summary>True when the fact is an event, with a date worth asking about.</summary>
    public bool IsEvent => Temporal is not null;
}
