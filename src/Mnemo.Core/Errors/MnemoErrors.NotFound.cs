using Mnemo.Core.Entries;

namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>No live entry under <paramref name="key"/>.</summary>
    public static MnemoException NotFound(string key) =>
        Fail(MnemoErrorCode.NotFound, $"no entry {UserValue.Quote(key)}: {Hint(MnemoRemedy.ListKeys)}");

    /// <summary>No live entry under <paramref name="key"/> to share.</summary>
    public static MnemoException NothingToShare(string key) =>
        Fail(MnemoErrorCode.NotFound, $"no entry {UserValue.Quote(key)} to share: {Hint(MnemoRemedy.ListKeys)}");

    /// <summary>No entry under <paramref name="key"/> at <paramref name="asOf"/>, saying why from its history.</summary>
    public static MnemoException AbsentAsOf(string key, DateTimeOffset asOf, IReadOnlyList<EntryVersion> history) =>
        new(MnemoErrorCode.NotFound, AsOfAbsence.Describe(key, asOf, history));

    /// <summary>A conflict resolution for a key without siblings.</summary>
    public static MnemoException NoConflict(string key) =>
        Fail(MnemoErrorCode.NotFound, $"{UserValue.Quote(key)} has no conflict to resolve: {Hint(MnemoRemedy.ListConflicts)}");

    /// <summary>A conflict resolution naming a sibling the key does not have.</summary>
    public static MnemoException NoSibling(string key, long siblingId, IEnumerable<long> siblings) =>
        Fail(MnemoErrorCode.NotFound, $"{UserValue.Quote(key)} has no sibling {siblingId}: its siblings are {string.Join(", ", siblings)}");

    /// <summary>Removal of an index context rule that does not exist.</summary>
    public static MnemoException NoIndexContextRule(string prefix) =>
        Fail(MnemoErrorCode.NotFound, $"no index context rule for {UserValue.Quote(prefix)}: {Hint(MnemoRemedy.ListIndexContext)}");

    /// <summary>A knowledge-graph entity that does not exist; worded as the reference memory server words it.</summary>
    public static MnemoException EntityNotFound(string name) =>
        Fail(MnemoErrorCode.NotFound, $"Entity with name {name} not found: create it with create_entities first");
}
