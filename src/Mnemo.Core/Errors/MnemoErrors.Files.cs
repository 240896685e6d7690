namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>An output file exists and was not to be overwritten.</summary>
    public static MnemoException OutputExists(string path) =>
        Fail(MnemoErrorCode.AlreadyExists, $"'{path}' already exists: {Hint(MnemoRemedy.OverwriteFile)}");

    /// <summary>The directory an output file should be written in does not exist.</summary>
    public static MnemoException DirectoryMissing(string directory) =>
        Fail(MnemoErrorCode.DirectoryNotFound, $"directory '{directory}' does not exist: create it (mkdir -p '{directory}') first");

    /// <summary>An output path that is a directory.</summary>
    public static MnemoException OutputIsDirectory(string action, string path) =>
        Fail(MnemoErrorCode.InvalidInput, $"cannot {action} '{path}': it is a directory; give a file name, such as '{Path.Combine(path, "memory.jsonl")}'");

    /// <summary>An output path that is one of the open store's own files.</summary>
    public static MnemoException OutputIsStoreFile(string action, string path, string storeLocation) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"cannot {action} '{path}': it is a file of the open database '{storeLocation}' (the database, its journal or its vector index), " +
            $"which this would destroy; choose another file");

    /// <summary>An output path that is a device, pipe or socket; an export can also go to a stream.</summary>
    public static MnemoException OutputNotRegular(string action, string path, bool canStream) => canStream
        ? Fail(MnemoErrorCode.InvalidInput,
            $"cannot {action} '{path}': it is not a regular file (a device, pipe or socket); give a file path, or {Hint(MnemoRemedy.ExportToStream)}")
        : Fail(MnemoErrorCode.InvalidInput, $"cannot {action} '{path}': it is not a regular file (a device, pipe or socket); give a file path");

    /// <summary>An import path that is a directory.</summary>
    public static MnemoException ImportFileIsDirectory(string path) =>
        Fail(MnemoErrorCode.InvalidInput, $"import file {UserValue.Quote(path)} is a directory: give the path of a JSONL file, such as one an export wrote");

    /// <summary>An import path where there is no file.</summary>
    public static MnemoException ImportFileMissing(string path) =>
        Fail(MnemoErrorCode.InvalidInput, $"import file {UserValue.Quote(path)} does not exist: check the path");

    /// <summary>An import file in UTF-16 or UTF-32.</summary>
    public static MnemoException ImportFileNotUtf8(string path) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"{UserValue.Quote(Path.GetFileName(path))} is UTF-16 or UTF-32 text; nothing was imported: save it as UTF-8 (as an export writes it) and import it again");

    /// <summary><paramref name="cause"/> stopped an import after part of it was written (<paramref name="done"/>).</summary>
    public static MnemoException ImportStopped(MnemoException cause, string quotedFile, string done, string again) =>
        Fail(cause.ErrorCode, $"{cause.Description}; import of {quotedFile} stopped: {done}; {again}", cause);
}
