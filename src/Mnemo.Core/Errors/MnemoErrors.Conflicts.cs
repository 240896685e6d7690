namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>The message of a <see cref="MnemoConflictException"/>: the write expected another version than the entry's.</summary>
    public static MnemoMessage VersionConflict(string key, long expected, long actual) => expected == 0
        ? MnemoMessage.Of($"conflict on {UserValue.Quote(key)}: expected it not to exist but it is at version {actual}; read it and {MnemoHint.RetryWithExpectedVersion(actual)}")
        : actual == 0
            ? MnemoMessage.Of($"conflict on {UserValue.Quote(key)}: expected version {expected} but it does not exist; {MnemoHint.RetryWithExpectedVersion(0)} to create it")
            : MnemoMessage.Of($"conflict on {UserValue.Quote(key)}: expected version {expected} but it is at version {actual}; read it and {MnemoHint.RetryWithExpectedVersion(actual)}");

    /// <summary>Under the merge policy, a write and the current entry changed the same fields differently.</summary>
    public static MnemoException MergeConflict(string key, long baseVersion, long actual, string fields) =>
        Fail(MnemoErrorCode.MergeConflict,
            $"cannot merge the write to {UserValue.Quote(key)} made from version {baseVersion} into version {actual}: both changed {fields}; " +
            $"read the entry again and apply the change to version {actual}");
}
