using Mnemo.Core.Errors;

namespace Mnemo.Core.Transfer;

/// <summary>An import file has lines that cannot be imported; nothing was written.</summary>
public sealed class MnemoImportException : MnemoException
{
    /// <summary>Creates the exception from the bad lines found (the first ones, up to a limit).</summary>
    public MnemoImportException(string path, IReadOnlyList<ImportLineError> errors, bool moreErrors)
        : base(MnemoErrorCode.InvalidInput, Describe(path, errors, moreErrors))
    {
        Errors = errors;
    }

    /// <summary>The bad lines found.</summary>
    public IReadOnlyList<ImportLineError> Errors { get; }

    private static MnemoMessage Describe(string path, IReadOnlyList<ImportLineError> errors, bool more)
    {
        var first = errors[0];
        var others = errors.Count - 1;
        var tail = others == 0 && !more ? "" : $" (and {others}{(more ? "+" : "")} more bad lines)";
        return MnemoMessage.Of(
            $"{UserValue.Escape(Path.GetFileName(path))} line {first.Line}: {first.Description}{tail}; nothing was imported: fix the file and run the import again");
    }
}
