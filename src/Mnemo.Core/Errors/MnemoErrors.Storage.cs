namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>Stored content that no longer decodes.</summary>
    public static MnemoException ContentDamaged(string what) =>
        Fail(MnemoErrorCode.Corrupt, $"stored content is damaged ({what}): {MnemoHint.CheckStore()} and restore from a backup");

    /// <summary>Sampling metrics into a store opened read-only.</summary>
    public static MnemoException SamplingReadOnly(string location) =>
        Fail(MnemoErrorCode.StoreReadOnly, $"cannot sample metrics into {location}: the store is read-only; open it writable to keep a metrics history");
}
