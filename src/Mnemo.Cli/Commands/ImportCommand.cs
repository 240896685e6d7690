using System.CommandLine;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo import FILE</c>: loads JSONL entries, checking the whole file before writing anything.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A JSONL file: one object per line with at least \"key\" and \"text\"" };
        var format = new Option<string>("--format") { Description = "Input format (jsonl)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var batchSize = new Option<int?>("--batch-size") { Description = "Entries per transaction (default 1000)" };
        var progressLines = new Option<bool>("--progress")
        {
            Description = "Report progress on stderr after every batch even when it is not a terminal (one line per batch)",
        };
        var command = new Command("import", "Import entries from JSON lines; a bad line is reported and nothing is written")
        {
            file, format, batchSize, progressLines,
        };
        command.SetBody(async context =>
        {
            var options = context.CreateOptions();
            if (context.Value(batchSize) is { } size)
            {
                options.ImportBatchSize = size > 0 ? size : throw new ArgumentException($"--batch-size {size} is not positive: give e.g. 1000");
            }

            var path = Path.GetFullPath(context.Value(file)!);
            var engine = await Core.MnemoEngine.OpenAsync(options, context.CancellationToken).ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var showBar = !context.Json && !Console.IsErrorRedirected && context.Error == Console.Error;
                IProgress<ImportProgress>? progress = context.Value(progressLines)
                    ? new LineProgress(context.Error)
                    : showBar ? new Progress<ImportProgress>(p => ReportBar(context.Error, p)) : null;
                var result = await engine.ImportAsync(path, progress, context.CancellationToken).ConfigureAwait(false);
                if (showBar && progress is not LineProgress)
                {
                    await context.Error.WriteLineAsync().ConfigureAwait(false);
                }

                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("imported", result.Imported);
                        writer.WriteNumber("batches", result.Batches);
                        writer.WriteNumber("lines", result.Lines);
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    await context.Output.WriteLineAsync($"imported {result.Imported} entries in {result.Batches} transactions").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void ReportBar(TextWriter error, ImportProgress progress)
    {
        const int width = 30;
        var fraction = progress.Total == 0 ? 1 : (double)progress.Written / progress.Total;
        var filled = (int)(fraction * width);
        error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {progress.Written}/{progress.Total}");
    }

    /// <summary>Writes one line per batch, at once, so a script (or a test) can follow the import as it happens.</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            error.WriteLine($"imported {value.Written}/{value.Total}");
            error.Flush();
        }
    }
}
