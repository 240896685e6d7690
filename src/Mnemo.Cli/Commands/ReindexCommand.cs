using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core;
using Mnemo.Core.Embeddings;
using Mnemo.Core.Messages;
using Mnemo.Core.Retrieval;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo reindex [--embedder E]</c>: rebuilds the vector index, optionally moving the store to another embedding model.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var embedder = new Option<string?>("--embedder")
        {
            Description = "arctic-xs, minilm, builtin-hashing, builtin:DIMENSIONS, openai or openai:MODEL (endpoint and key from MNEMO_EMBEDDING_*); "
                + "default MNEMO_EMBEDDER, else the store's own",
        };
        var command = new Command("reindex", "Rebuild the vector index with an embedding model; later searches use that model") { embedder };
        command.SetBody(async context =>
        {
            // --embedder, else MNEMO_EMBEDDER, else (null) the store's own.
            var options = context.CreateOptions();
            var settings = context.Value(embedder) is { } asked ? EmbedderSettings.Parse(asked, options.Variables) : options.EmbedderSettings;
            var engine = await MnemoEngine.OpenAsync(options, context.CancellationToken).ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var line = context.Json ? null : new ProgressLine(context.Error);
                var progress = line?.For<ReindexProgress>("embedding", p => (p.Covered, p.Total));
                var result = await engine.ReindexAsync(settings, progress, context.CancellationToken).ConfigureAwait(false);
                line?.End();
                if (context.Json)
                {
                    context.WriteJson(writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("embedder", result.Embedder);
                        writer.WriteString("model", result.Model);
                        writer.WriteNumber("dimensions", result.Dimensions);
                        writer.WriteNumber("vectors", result.Vectors);
                        writer.WriteNumber("embedded", result.Embedded);
                        writer.WriteNumber("from_cache", result.FromCache);
                        writer.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
                        writer.WriteString("index_file", result.IndexFile);
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
                    await context.Output.WriteLineAsync(
                        $"reindexed {Counted.Of(result.Vectors, "entry", "entries")} with {result.Embedder} ({result.Model}, {result.Dimensions} dimensions) in {seconds} s: "
                        + $"{result.Embedded} embedded, {result.FromCache} from cache").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
