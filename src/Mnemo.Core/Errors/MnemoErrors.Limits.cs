namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>An entry's payload and metadata exceed the entry size limit.</summary>
    public static MnemoException EntryTooLarge(string key, int size, int limit) =>
        Fail(MnemoErrorCode.EntryTooLarge,
            $"entry {UserValue.Quote(key)} is {size:N0} bytes: the limit is {limit:N0}; {Hint(MnemoRemedy.RaiseEntryLimit)}");

    /// <summary>An import line longer than the import line limit.</summary>
    public static MnemoException ImportLineTooLong(string path, long number, int maxLineBytes) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"{UserValue.Escape(Path.GetFileName(path))} line {number} is longer than {maxLineBytes:N0} bytes, the longest import line allowed; "
            + $"nothing was imported: {Hint(MnemoRemedy.RaiseImportLineLimit)}");
}
