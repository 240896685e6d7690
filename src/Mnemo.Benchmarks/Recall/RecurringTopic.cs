namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// Something a person does again and again, told in several sessions with a different value each time (the trips
/// taken, the books read): the material of multi-hop questions, whose answer needs every mention.
/// </summary>
internal sealed record RecurringTopic
{
    /// <summary>The topic's noun, for reading the catalog.</summary>
    public required string Topic { get; init; }

    /// <summary>The values of <c>{v}</c>; each mention has its own, and the other person has others.</summary>
    public required string[] Values { get; init; }

    /// <summary>First-person ways to tell one occurrence.</summary>
    public required string[] Statements { get; init; }

    /// <summary>A question whose answer is every mention (e.g. "Which cities has {name} visited?").</summary>
    public required string Aggregate { get; init; }

    /// <summary>
    /// A question about the one mention after another event of the person, whose clause replaces <c>{after}</c>
    /// (e.g. "Which city did {name} visit after {after}?"): it needs both turns, the event's and the mention's.
    /// </summary>
    public required string Chain { get; init; }

    /// <summary>What the other person may answer.</summary>
    public required string[] Replies { get; init; }

    /// <summary>Turns sharing the questions' words without answering them (see <see cref="LifeFact.NearMisses"/>).</summary>
    public required string[] NearMisses { get; init; }
}
