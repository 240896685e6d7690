namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// A fact that changes over the months (a job, a home, a sport): told first, then updated sessions later with another
/// value. Asked as a multi-hop question whose answer needs both turns.
/// </summary>
internal sealed record ChangingFact
{
    /// <summary>The topic's noun, for reading the catalog.</summary>
    public required string Topic { get; init; }

    /// <summary>The values; the first telling has <c>{v}</c>, the update <c>{w}</c>, both from here and different.</summary>
    public required string[] Values { get; init; }

    /// <summary>Ways to tell the first value.</summary>
    public required string[] First { get; init; }

    /// <summary>Ways to tell the change (<c>{v}</c> the old value, <c>{w}</c> the new one).</summary>
    public required string[] Update { get; init; }

    /// <summary>The question whose answer is both values (e.g. "What jobs has {name} had?").</summary>
    public required string Question { get; init; }

    /// <summary>What the other person may answer to the change.</summary>
    public required string[] Replies { get; init; }
}
