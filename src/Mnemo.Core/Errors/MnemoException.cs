using System.Diagnostics.CodeAnalysis;

namespace Mnemo.Core.Errors;

/// <summary>An engine failure with a stable <see cref="MnemoErrorCode"/>.</summary>
/// <remarks>
/// Messages are one line, name the offending value and say how to fix it; the CLI prints them as they are.
/// Caller mistakes that are plain argument errors (an invalid key, a negative limit) use the standard
/// <see cref="ArgumentException"/> family instead.
/// </remarks>
public class MnemoException : Exception
{
    /// <summary>Creates an exception with a code and a one-line message.</summary>
    public MnemoException(MnemoErrorCode errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The stable error code.</summary>
    public MnemoErrorCode ErrorCode { get; }

    /// <summary>True when the caller can fix the problem (bad input, conflict, wrong path); false for system failures.</summary>
    public bool IsCallerError => (int)ErrorCode < 100;

    /// <summary>True when retrying the same operation later may succeed (the database was busy, a lock was held).</summary>
    public bool IsTransient => ErrorCode is MnemoErrorCode.Busy or MnemoErrorCode.LockTimeout;

    /// <summary>Throws a <see cref="MnemoErrorCode.NotFound"/> exception for a key.</summary>
    [DoesNotReturn]
    public static void ThrowNotFound(string key) =>
        throw new MnemoException(MnemoErrorCode.NotFound, $"no entry {UserValue.Quote(key)}: check the key with 'mnemo list'");
}
