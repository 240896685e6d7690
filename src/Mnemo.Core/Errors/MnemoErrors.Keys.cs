namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>
    /// A listing asked with a pattern: no key holds '*' or '?', so it would find nothing, and a newcomer would think the
    /// store empty.
    /// </summary>
    public static MnemoException PatternAsPrefix(string prefix, string literalPrefix) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"{UserValue.Quote(prefix)} is a pattern, but a listing takes a key prefix: list {UserValue.Quote(literalPrefix)} "
            + $"to see every key under it (patterns select keys to forget)");
}
