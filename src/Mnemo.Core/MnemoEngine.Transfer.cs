using System.Text;
using System.Text.Json;
using Mnemo.Core.Errors;
using Mnemo.Core.Storage;
using Mnemo.Core.Transfer;

namespace Mnemo.Core;

public sealed partial class MnemoEngine
{
    private const int MaxReportedImportErrors = 20;

    /// <summary>Writes every current entry as one JSON object per line (JSONL), in key order; returns how many.</summary>
    /// <remarks>Every field is written, so an import of the file into an empty store gives back the same entries.</remarks>
    public async Task<long> ExportAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ThrowIfDisposed();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var count = 0L;
        var newline = "\n"u8.ToArray();
        var writer = new Utf8JsonWriter(output);
        await using var writerScope = writer.ConfigureAwait(false);
        await foreach (var entry in _store.ExportAsync(Now(), cancellationToken).ConfigureAwait(false))
        {
            EntryJson.Write(writer, entry);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            writer.Reset();
            await output.WriteAsync(newline, cancellationToken).ConfigureAwait(false);
            count++;
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>
    /// Imports a JSONL file. The whole file is checked first: when any line is bad, the bad lines are reported with
    /// their numbers (<see cref="MnemoImportException"/>) and nothing is written. Then entries are written in
    /// transactions of <see cref="MnemoOptions.ImportBatchSize"/>; a crash part-way leaves whole batches only.
    /// </summary>
    /// <remarks>
    /// A key that does not exist yet keeps the version and times the line gives; a key that exists gets a new version.
    /// </remarks>
    public async Task<ImportResult> ImportAsync(
        string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ThrowIfDisposed();
        if (!File.Exists(path))
        {
            throw new MnemoException(MnemoErrorCode.InvalidInput, $"import file '{path}' does not exist: check the path");
        }

        var total = await ValidateImportAsync(path, cancellationToken).ConfigureAwait(false);
        var batch = new List<PreparedWrite>(_options.ImportBatchSize);
        long written = 0, lines = 0;
        var batches = 0;
        await foreach (var (_, line) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lines++;
            var record = ImportLineParser.Parse(line);
            batch.Add(Prepare(record.Write, Now(), record.Imported, record.ExpiresAt));
            if (batch.Count == _options.ImportBatchSize)
            {
                written += await WriteBatchAsync().ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            written += await WriteBatchAsync().ConfigureAwait(false);
        }

        return new ImportResult(written, batches, lines);

        async Task<int> WriteBatchAsync()
        {
            var done = await PutPreparedAsync(batch, Now(), cancellationToken).ConfigureAwait(false);
            batch.Clear();
            batches++;
            progress?.Report(new ImportProgress(written + done.Count, total));
            return done.Count;
        }
    }

    /// <summary>Parses and validates every line without writing; returns the number of entries or throws listing the bad lines.</summary>
    private async Task<long> ValidateImportAsync(string path, CancellationToken cancellationToken)
    {
        var errors = new List<ImportLineError>();
        var more = false;
        var count = 0L;
        await foreach (var (number, line) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            count++;
            try
            {
                Validate(ImportLineParser.Parse(line).Write);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or MnemoException)
            {
                if (errors.Count == MaxReportedImportErrors)
                {
                    more = true;
                    break;
                }

                errors.Add(new ImportLineError(number, FirstLine(e.Message)));
            }
        }

        return errors.Count == 0 ? count : throw new MnemoImportException(path, errors, more);
    }

    /// <summary>Non-blank lines with their 1-based numbers.</summary>
    private static async IAsyncEnumerable<(long Number, string Line)> ReadLinesAsync(
        string path, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var number = 0L;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    // ArgumentException appends " (Parameter 'x')"; the line number already says where the problem is.
    private static string FirstLine(string message)
    {
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message[..parameter];
    }
}
