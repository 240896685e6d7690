using System.CommandLine;
using Mnemo.Core;
using Mnemo.Core.Coordination;
using Mnemo.Core.Entries;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo store KEY TEXT</c>: writes a new version of an entry.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("KEY") { Description = "Hierarchical key, e.g. project/decisions/db-choice" };
        var text = new Argument<string>("TEXT") { Description = "The text to remember ('-' reads it from standard input)" };
        var value = new Option<string?>("--value") { Description = "A structured value as JSON, e.g. '{\"choice\":\"sqlite\"}'" };
        var kind = new Option<string?>("--kind") { Description = $"Kind of memory: working, episodic, semantic, decision, ... (default: the previous version's, else {EntryDefaults.Kind})" };
        var tags = new Option<string?>("--tags")
        {
            Description = "Comma-separated tags, e.g. db,architecture (default: the previous version's; \"\" clears them)",
        };
        var metadata = new Option<string?>("--metadata")
        {
            Description = "A JSON object of metadata, e.g. '{\"source\":\"chat\"}' (default: the previous version's; '{}' clears it)",
        };
        var importance = new Option<string?>("--importance") { Description = $"Importance 0..1 (default: the previous version's, else {EntryDefaults.Importance})" };
        var ttl = new Option<string?>("--ttl") { Description = "Time to live, e.g. 30m, 2h, 7d; the entry disappears after it" };
        var expectVersion = new Option<long?>("--expect-version")
        {
            Description = "Write only if the entry is at this version now (0: only if it does not exist); else fail with a conflict",
        };
        var baseVersion = new Option<long?>("--base-version")
        {
            Description = "The version this text was made from; if the entry has moved on, the namespace's conflict policy "
                + "(mnemo conflicts policy) overwrites, merges, or keeps the write as a sibling",
        };
        var onDuplicate = new Option<string>("--on-duplicate")
        {
            Description = "When another entry of the namespace says nearly the same (MNEMO_DUPLICATE_THRESHOLD, default 0.92): "
                + "report it and write (report), do not write (skip), write into that entry (merge), or do not check (allow)",
            DefaultValueFactory = _ => DuplicatePolicies.Name(DuplicatePolicies.Default),
        };
        onDuplicate.AcceptOnlyFromAmong([.. DuplicatePolicies.Map.Names]);
        var fence = FenceOption.Create();
        var command = new Command("store", "Store a memory entry (a new version if the key exists)")
        {
            key, text, value, kind, tags, metadata, importance, ttl, expectVersion, baseVersion, onDuplicate, fence,
        };
        command.SetBody(async context =>
        {
            var body = context.Value(text)!;
            if (body == "-")
            {
                body = await Console.In.ReadToEndAsync(context.CancellationToken).ConfigureAwait(false);
            }

            var write = new MemoryWrite
            {
                Key = context.Value(key)!,
                Text = body,
                Value = CliParsing.Json("--value", context.Value(value)),
                Kind = context.Value(kind),
                Tags = CliParsing.Tags(context.Value(tags)),
                Metadata = CliParsing.Json("--metadata", context.Value(metadata)),
                Importance = context.Value(importance) is { } importanceText ? DecimalText.Parse(importanceText, "--importance") : null,
                TimeToLive = CliParsing.Duration("--ttl", context.Value(ttl)),
                ExpectedVersion = context.Value(expectVersion),
                BaseVersion = context.Value(baseVersion),
                FencingToken = context.Value(fence),
                OnDuplicate = DuplicatePolicies.Parse(context.Value(onDuplicate)!),
            };
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var outcome = await engine.StoreAsync(write, context.CancellationToken).ConfigureAwait(false);
                var entry = outcome.Entry;
                if (context.Json)
                {
                    context.WriteJson(writer => StoreOutcomeJson.Write(writer, outcome));
                }
                else
                {
                    var similar = outcome.Duplicate is { } d ? $" {d.Key} is a near-duplicate (similarity {d.Similarity:0.000})" : "";
                    await context.Output.WriteLineAsync(outcome.Action switch
                    {
                        StoreAction.Skipped => $"skipped {write.Key}:{similar}; nothing written (--on-duplicate report writes anyway)",
                        StoreAction.Merged => $"merged into {entry.Key} (version {entry.Version}):{similar}",
                        _ when outcome.Conflict is { Resolution: ConflictResolution.KeptAsSibling } c =>
                            $"conflict on {entry.Key}: it moved from version {c.BaseVersion} to {c.CurrentVersion}; your write is kept as a sibling (manual policy): see 'mnemo conflicts list'",
                        _ when outcome.Conflict is { } c =>
                            $"stored {entry.Key} (version {entry.Version}); conflict: it had moved from version {c.BaseVersion} to {c.CurrentVersion}, {ConflictPolicies.Name(c.Resolution)} ({ConflictPolicies.Name(c.Policy)} policy)",
                        _ => $"stored {entry.Key} (version {entry.Version}){(similar.Length > 0 ? $"; note:{similar}" : "")}",
                    }).ConfigureAwait(false);
                    if (outcome.Redacted.Count > 0)
                    {
                        // The namespace is redacted (MNEMO_REDACT_NAMESPACES): say what was taken out, never the secret.
                        await context.Output.WriteLineAsync(
                            "redacted " + string.Join(", ", outcome.Redacted.Select(finding => $"{finding.Count} {finding.Kind}"))).ConfigureAwait(false);
                    }
                }

                foreach (var warning in outcome.Warnings)
                {
                    await context.Error.WriteLineAsync($"warning: {warning.Describe()}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
