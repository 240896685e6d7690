using Mnemo.Core.Messages;

namespace Mnemo.Core.Entries;

/// <summary>The names every face gives a <see cref="DuplicatePolicy"/>: report, skip, merge, allow.</summary>
public static class DuplicatePolicies
{
    /// <summary>The names and their values.</summary>
    public static NameMap<DuplicatePolicy> Map { get; } = new("duplicate policy",
        (DuplicatePolicy.Report, "report"), (DuplicatePolicy.Skip, "skip"), (DuplicatePolicy.Merge, "merge"), (DuplicatePolicy.Allow, "allow"));

    /// <summary>
    /// The policy of a CLI or MCP write that names none: report. A library <see cref="MemoryWrite"/> defaults to
    /// <see cref="DuplicatePolicy.Allow"/> instead, which costs no embedding.
    /// </summary>
    public const DuplicatePolicy Default = DuplicatePolicy.Report;

    /// <summary>The policy's name.</summary>
    public static string Name(DuplicatePolicy policy) => Map.Name(policy);

    /// <summary>The policy named <paramref name="name"/>; an unknown name throws, naming the accepted ones.</summary>
    public static DuplicatePolicy Parse(string name) => Map.Parse(name);
}
