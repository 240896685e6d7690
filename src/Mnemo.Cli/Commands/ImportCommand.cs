using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Messages;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo import FILE</c>: loads JSONL entries and links, checking the whole file before writing anything.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A JSONL file: one object per line, an entry with at least \"key\" and \"text\" or a {\"link\":{...}}" };
        var format = new Option<string>("--format") { Description = "Input format (jsonl)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var batchSize = new Option<int?>("--batch-size") { Description = "Entries (or links) per transaction (default 1000)" };
        var maxLineBytes = new Option<string?>("--max-line-bytes")
        {
            Description = $"The longest line read, e.g. 8MB or 16MB (default 8MB, or {Core.MnemoOptions.MaxImportLineBytesVariable}); a longer line stops the import before anything is written",
        };
        var progressLines = new Option<bool>("--progress")
        {
            Description = "Report progress on stderr even when it is not a terminal: a line per written batch, then indexing at most once a second with its rate and time left",
        };
        var command = new Command("import", "Import entries and links from JSON lines; a bad line is reported and nothing is written")
        {
            file, format, batchSize, maxLineBytes, progressLines,
        };
        command.SetBody(async context =>
        {
            var options = context.CreateOptions();
            if (context.Value(batchSize) is { } size)
            {
                options.ImportBatchSize = size > 0 ? size : throw new ArgumentException($"--batch-size {size} is not positive: give e.g. 1000");
            }

            if (context.Value(maxLineBytes) is { } limit)
            {
                options.MaxImportLineBytes = Core.MnemoOptions.ParseLineLimit("--max-line-bytes", limit);
            }

            var path = Path.GetFullPath(context.Value(file)!);
            var engine = await Core.MnemoEngine.OpenAsync(options, context.CancellationToken).ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var line = !context.Json && !context.Value(progressLines) ? new ProgressLine(context.Error) : null;
                var progress = context.Value(progressLines)
                    ? new LineProgress(context.Error)
                    : line?.For<ImportProgress>("writing", p => (p.Written, p.Total));
                var started = Stopwatch.GetTimestamp();
                var result = await engine.ImportAsync(path, progress, context.CancellationToken).ConfigureAwait(false);
                var writeSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                line?.End();

                // Indexed now, in batches, so that the first search after an import does not pay for it; shown as the
                // import's own progress is (in place on a terminal, lines with --progress, nothing with --json alone).
                started = Stopwatch.GetTimestamp();
                var indexing = context.Value(progressLines)
                    ? IndexingProgress.AsLines(context.Error)
                    : line is null ? null : IndexingProgress.InPlace(line);
                await engine.CatchUpIndexesAsync(indexing, context.CancellationToken).ConfigureAwait(false);
                var indexSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                line?.End();

                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteNumber("imported", result.Imported);
                        writer.WriteNumber("batches", result.Batches);
                        writer.WriteNumber("lines", result.Lines);
                        writer.WriteNumber("links", result.Links);
                        writer.WriteNumber("write_seconds", Math.Round(writeSeconds, 3));
                        writer.WriteNumber("index_seconds", Math.Round(indexSeconds, 3));
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"imported {Counted.Of(result.Imported, "entry", "entries")} and {Counted.Of(result.Links, "link", "links")} in {Counted.Of(result.Batches, "transaction", "transactions")} ({writeSeconds:0.0} s), indexed for search in {indexSeconds:0.0} s"))
                        .ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
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
