namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>Stored content that no longer decodes.</summary>
    public static MnemoException ContentDamaged(string what) =>
        Fail(MnemoErrorCode.Corrupt, $"stored content is damaged ({what}): {MnemoHint.CheckStore()} and restore from a backup");
}
