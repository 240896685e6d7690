using System.Diagnostics.CodeAnalysis;
using Mnemo.Core.Errors;

namespace Mnemo.Core;

/// <summary>An engine failure with a stable <see cref="MnemoErrorCode"/>.</summary>
/// <remarks>
/// Messages are one line, name the offending value and say how to fix it in the engine's words: no face's flag, command,
/// argument or environment variable. The remedy is also data, <see cref="Hint"/>, which each face renders in its own
/// terms through <see cref="Render"/> (the CLI prints "retry with --expect-version 3" where the message says "retry
/// expecting version 3"). The messages are written once, in the factories of <c>MnemoErrors</c>.
/// Caller mistakes that are plain argument errors (an invalid key, a negative limit) use the standard
/// <see cref="ArgumentException"/> family instead.
/// </remarks>
public class MnemoException : Exception
{
    /// <summary>Creates an exception with a code and a one-line message naming no remedy.</summary>
    public MnemoException(MnemoErrorCode errorCode, string message, Exception? innerException = null)
        : this(errorCode, MnemoMessage.Plain(message), innerException)
    {
    }

    /// <summary>Creates an exception with a code and a one-line message with its remedies.</summary>
    public MnemoException(MnemoErrorCode errorCode, MnemoMessage message, Exception? innerException = null)
        : base(message?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(message);
        ErrorCode = errorCode;
        Description = message;
    }

    /// <summary>The stable error code.</summary>
    public MnemoErrorCode ErrorCode { get; }

    /// <summary>The message with its remedies in place, for a face to render (<see cref="Render"/>).</summary>
    public MnemoMessage Description { get; }

    /// <summary>The remedy the message proposes first, as data; null when it proposes none a face would name differently.</summary>
    public MnemoHint? Hint => Description.Hints.Count > 0 ? Description.Hints[0] : null;

    /// <summary>True when the caller can fix the problem (bad input, conflict, wrong path); false for system failures.</summary>
    public bool IsCallerError => (int)ErrorCode < 100;

    /// <summary>True when retrying the same operation later may succeed (the database was busy, a lock was held).</summary>
    public bool IsTransient => ErrorCode is MnemoErrorCode.Busy or MnemoErrorCode.LockTimeout;

    /// <summary>The message with each remedy as <paramref name="remedy"/> says it (a face's flag, argument or command).</summary>
    public string Render(Func<MnemoHint, string> remedy) => Description.Render(remedy);

    /// <summary>Throws a <see cref="MnemoErrorCode.NotFound"/> exception for a key.</summary>
    [DoesNotReturn]
    public static void ThrowNotFound(string key) => throw MnemoErrors.NotFound(key);

    /// <summary>Throws a <see cref="MnemoErrorCode.NotFound"/> exception for a state that was never saved.</summary>
    [DoesNotReturn]
    public static void ThrowNoState(string name) => throw MnemoErrors.NoState(name);
}
