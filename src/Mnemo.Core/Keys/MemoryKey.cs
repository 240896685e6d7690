using Mnemo.Core.Errors;

namespace Mnemo.Core.Keys;

/// <summary>Validation and structure of hierarchical memory keys such as <c>swarm-abc/agent-worker1/state</c>.</summary>
/// <remarks>
/// A key is at most <see cref="MaxLength"/> characters; its segments, separated by '/', are non-empty and made of
/// letters, digits and <c>-_.:@</c>. The namespace is everything before the last segment ("" for a one-segment key).
/// </remarks>
public static class MemoryKey
{
    /// <summary>The longest key accepted, in characters.</summary>
    public const int MaxLength = 255;

    /// <summary>The segment separator.</summary>
    public const char Separator = '/';

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem when <paramref name="key"/> is not a valid key.</summary>
    public static void Validate(string key, string paramName = "key")
    {
        if (Check(key) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }
    }

    /// <summary>True when <paramref name="key"/> is a valid key.</summary>
    public static bool IsValid(string? key) => key is not null && Check(key) is null;

    /// <summary>The namespace of a valid key: everything before its last '/', or "" for a one-segment key.</summary>
    public static string GetNamespace(string key)
    {
        var slash = key.LastIndexOf(Separator);
        return slash < 0 ? "" : key[..slash];
    }

    /// <summary>True when <paramref name="c"/> may appear inside a key segment.</summary>
    internal static bool IsSegmentChar(char c) =>
        char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@';

    /// <summary>Returns a description of what is wrong with <paramref name="key"/>, or null when it is valid.</summary>
    public static string? Check(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "key is empty: give a key such as 'project/notes/meeting-1'";
        }

        if (key.Length > MaxLength)
        {
            return $"key {UserValue.Quote(key)} is {key.Length} characters long: keys are at most {MaxLength}";
        }

        var segmentStart = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i == key.Length || key[i] == Separator)
            {
                if (i == segmentStart)
                {
                    return $"key {UserValue.Quote(key)} has an empty segment at position {i}: remove the leading, trailing or doubled '/'";
                }

                segmentStart = i + 1;
                continue;
            }

            if (!IsSegmentChar(key[i]))
            {
                return $"key {UserValue.Quote(key)} contains {UserValue.Quote(key[i].ToString())} at position {i}: use letters, digits, '/' and -_.:@ only";
            }
        }

        return null;
    }
}
