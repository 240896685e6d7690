using Mnemo.Core.Errors;
using Mnemo.Core.Keys;

namespace Mnemo.Core.Coordination;

/// <summary>Validation and overlap of lock resources: a key, or a key prefix such as <c>project/</c>.</summary>
/// <remarks>
/// Two resources overlap when some key could be covered by both: equal keys, a prefix and a key starting with it, or
/// two prefixes one of which starts with the other. The store applies the same rules in SQL; this copy documents them
/// and lets callers reason about them without a store.
/// </remarks>
internal static class LockResource
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when the resource is not a key (or key prefix).</summary>
    public static void Validate(string resource, bool isPrefix, string paramName = "resource")
    {
        ArgumentNullException.ThrowIfNull(resource, paramName);
        if (!isPrefix)
        {
            if (MemoryKey.Check(resource) is { } problem)
            {
                throw new ArgumentException($"lock resource: {problem}", paramName);
            }

            return;
        }

        // A prefix is a key, optionally followed by one '/' so that "project/" does not also cover "project-x".
        var body = resource.EndsWith(MemoryKey.Separator) ? resource[..^1] : resource;
        if (body.Length == 0 || MemoryKey.Check(body) is not null)
        {
            throw new ArgumentException(
                $"lock prefix {UserValue.Quote(resource)} is not a key prefix: give the start of keys such as 'project/' or 'project/tasks'", paramName);
        }
    }

    /// <summary>True when a lock on one resource and a lock on the other could cover the same key.</summary>
    public static bool Overlaps(string first, bool firstIsPrefix, string second, bool secondIsPrefix) =>
        first == second
        || (firstIsPrefix && second.StartsWith(first, StringComparison.Ordinal))
        || (secondIsPrefix && first.StartsWith(second, StringComparison.Ordinal));

    /// <summary>True when two locks in these modes may be held at once: only shared with shared.</summary>
    public static bool AreCompatible(LockMode first, LockMode second) => first == LockMode.Shared && second == LockMode.Shared;
}
