using Mnemo.Core.Errors;

namespace Mnemo.Core.Learning.Prediction;

/// <summary>
/// What an action's name may be: 1 to <see cref="MaxLength"/> letters, digits, spaces and <c>- _ . : @ /</c>, not
/// starting or ending with a space. Spaces allow command paths (<c>lock acquire</c>); no control characters, so that a
/// name prints on one line and joins with others unambiguously.
/// </summary>
public static class ActionNames
{
    /// <summary>The longest name, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>True when <paramref name="action"/> can be recorded as it is.</summary>
    public static bool IsValid(string? action)
    {
        if (string.IsNullOrEmpty(action) || action.Length > MaxLength || action[0] == ' ' || action[^1] == ' ')
        {
            return false;
        }

        foreach (var c in action)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !char.IsLetterOrDigit(c) && c is not ('-' or '_' or '.' or ':' or '@' or '/' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name a source is stored and printed as: <c>cli</c>, <c>mcp</c> or <c>event</c>.</summary>
    public static string SourceName(ActionSource source) => source switch
    {
        ActionSource.Cli => "cli",
        ActionSource.Mcp => "mcp",
        ActionSource.Event => "event",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "not an action source"),
    };

    /// <summary>The source stored as <paramref name="name"/>; <see cref="ActionSource.Event"/> for a name this version does not know.</summary>
    public static ActionSource ParseSource(string name) => name switch
    {
        "cli" => ActionSource.Cli,
        "mcp" => ActionSource.Mcp,
        _ => ActionSource.Event,
    };

    /// <summary>Throws when <paramref name="action"/> cannot be recorded.</summary>
    /// <exception cref="MnemoException"><see cref="MnemoErrorCode.InvalidInput"/> naming the value and the rule.</exception>
    internal static string Check(string? action) =>
        IsValid(action) ? action! : throw MnemoErrors.BadActionName(action ?? "");
}
