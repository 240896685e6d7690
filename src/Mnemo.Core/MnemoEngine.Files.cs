using Mnemo.Core.Errors;
using Mnemo.Core.Retrieval;
using Mnemo.Core.Transfer;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    // What export does at its target, in messages (export also writes to standard output, backup does not).
    private const string ExportAction = "export to";

    /// <summary>
    /// Exports (as <see cref="ExportAsync"/>) into the file at <paramref name="path"/>, written beside it and renamed, so
    /// that an interrupted export never leaves a truncated file under its name.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="overwrite">Replace a regular file already at <paramref name="path"/>.</param>
    /// <param name="cancellationToken">Cancels the export; the target is left as it was.</param>
    /// <exception cref="MnemoException">
    /// Before anything is written: <see cref="MnemoErrorCode.InvalidInput"/> when the path is a directory, one of the
    /// store's own files (its database, journal or vector index, which the export would destroy), or a device, pipe or
    /// socket; <see cref="MnemoErrorCode.AlreadyExists"/> when a file is there and <paramref name="overwrite"/> is false;
    /// <see cref="MnemoErrorCode.DirectoryNotFound"/> when its directory does not exist.
    /// </exception>
    public async Task<ExportResult> ExportToFileAsync(string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        path = Path.GetFullPath(path);
        var kind = CheckOutputFile(path, ExportAction);
        if (kind == FileKind.Regular && !overwrite)
        {
            throw MnemoErrors.OutputExists(path);
        }

        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            throw MnemoErrors.DirectoryMissing(directory);
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            ExportResult result;
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                result = await ExportAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Refuses a path that a command may not write a file to: a directory, one of the store's own files, or something
    /// that is not a regular file. Returns what is there (<see cref="FileKind.Missing"/> or <see cref="FileKind.Regular"/>).
    /// </summary>
    /// <param name="path">A full path.</param>
    /// <param name="action">What the command does there, for the message ("export to", "back up to").</param>
    private FileKind CheckOutputFile(string path, string action)
    {
        var kind = FileKindProbe.Of(path);
        if (kind == FileKind.Directory)
        {
            throw MnemoErrors.OutputIsDirectory(action, path);
        }

        // A symbolic link counts as the file it leads to: replacing the database through a link loses it all the same.
        var linked = kind == FileKind.Missing ? null : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
        if (((string?[])[path, linked]).OfType<string>().Any(IsStoreFile))
        {
            throw MnemoErrors.OutputIsStoreFile(action, path, _store.Location);
        }

        if (kind == FileKind.Other)
        {
            throw MnemoErrors.OutputNotRegular(action, path, canStream: action == ExportAction);
        }

        return kind;
    }

    /// <summary>True when <paramref name="fullPath"/> is one of the store's files or a vector index derived from it.</summary>
    private bool IsStoreFile(string fullPath)
    {
        // Vector index files are named after the database path the store was opened with, wherever that leads.
        return _store.OwnsFile(fullPath) || VectorCatalog.IsIndexFile(_store.Location, fullPath);
    }
}
