using Mnemo.Core.Coordination;

namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>An access rule denies <paramref name="agent"/> (null: an agent with no name) <paramref name="right"/> on <paramref name="key"/>.</summary>
    public static MnemoException AccessDenied(string? agent, string key, AccessRight right)
    {
        var who = agent is null ? "an agent with no name" : $"agent {UserValue.Quote(agent)}";
        var slash = key.LastIndexOf('/');
        var scope = slash > 0 ? key[..(slash + 1)] : key;
        var fix = agent is null ? Hint(MnemoRemedy.NameTheAgent) : MnemoHint.GrantAccess(agent, scope, right);
        return Fail(MnemoErrorCode.AccessDenied,
            $"access denied: {who} lacks the {right.ToString().ToLowerInvariant()} right on {UserValue.Quote(key)}; {fix}");
    }

    /// <summary>An import line the caller may not write, found before anything was imported.</summary>
    public static MnemoException ImportDenied(string path, long line, MnemoException denial) =>
        Fail(MnemoErrorCode.AccessDenied, $"{UserValue.Escape(Path.GetFileName(path))} line {line}: {denial.Description}; nothing was imported", denial);
}
