using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core.Messages;
using Mnemo.Core.Results;
using Mnemo.Core.Storage;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo status</c>: which database, how many entries, how much space, measured now.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show the database in use, its entries and its sizes");
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var report = await StatusReport.ReadAsync(engine, context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => StatusReportJson.Write(writer, report, includeLocation: true));
                    return ExitCodes.Ok;
                }

                var s = report.Engine.Store;
                var rules = report.AccessRules;
                var feedHead = report.FeedSequence;
                var o = context.Output;
                await o.WriteLineAsync($"database:     {s.Location} ({s.Backend} {s.BackendVersion}, schema {s.SchemaVersion})").ConfigureAwait(false);
                await o.WriteLineAsync($"size:         {HumanText.Bytes(s.FileBytes)} in {Counted.Of(s.Files.Count, "file", "files")}").ConfigureAwait(false);
                await WriteFilesAsync(o, s).ConfigureAwait(false);
                await o.WriteLineAsync($"entries:      {s.LiveEntries} live in {Counted.Of(s.Namespaces, "namespace", "namespaces")} "
                    + $"({s.ExpiredEntries} expired awaiting clean, {s.RemovedEntries} removed)").ConfigureAwait(false);
                await o.WriteLineAsync($"history:      {Counted.Of(s.HistoryVersions, "earlier version", "earlier versions")}; "
                    + $"change sequence at {s.LastSequence}").ConfigureAwait(false);
                await o.WriteLineAsync($"content:      {HumanText.Bytes(s.InlinePayloadBytes)} inline; {Counted.Of(s.SharedContents, "large payload", "large payloads")} "
                    + $"({s.CompressedContents} compressed) {HumanText.Bytes(s.SharedContentRawBytes)} -> {HumanText.Bytes(s.SharedContentStoredBytes)} stored")
                    .ConfigureAwait(false);
                await o.WriteLineAsync($"saved:        {HumanText.Bytes(s.CompressionSavedBytes)} by compression, "
                    + $"{HumanText.Bytes(s.DeduplicationSavedBytes)} by storing identical content once ({Counted.Of(s.SharedContentReferences, "reference", "references")})")
                    .ConfigureAwait(false);
                await o.WriteLineAsync($"agent:        {report.Agent ?? "(none)"}{(report.Session is { } session ? $", session {session}" : "")}; "
                    + (rules.StoreIsOpen ? "no access rules (open)" : Counted.Of(rules.Rules.Count + rules.Hidden, "access rule", "access rules")) + $"; change feed at {feedHead}").ConfigureAwait(false);
                foreach (var quota in report.Quotas)
                {
                    await o.WriteLineAsync($"{(quota.IsWarning ? "quota WARN:" : "quota:"),-13} {(quota.IsSession ? "session" : "agent")} {quota.Name} "
                        + $"{HumanText.Bytes(quota.Bytes)} of {HumanText.Bytes(quota.QuotaBytes)} ({quota.Fraction:P0})").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One line per file: its name (its path when it is not beside the database), size and what it holds.</summary>
    private static async Task WriteFilesAsync(TextWriter output, StoreStatus store)
    {
        var directory = Path.GetDirectoryName(store.Location);
        var names = store.Files.Select(file => Path.GetDirectoryName(file.Path) == directory ? Path.GetFileName(file.Path) : file.Path).ToList();
        var width = names.Select(name => name.Length).DefaultIfEmpty(0).Max();
        for (var i = 0; i < store.Files.Count; i++)
        {
            var file = store.Files[i];
            await output.WriteLineAsync($"  {names[i].PadRight(width)}  {HumanText.Bytes(file.Bytes),10}  {KindText(file.Kind)}").ConfigureAwait(false);
        }
    }

    private static string KindText(StoreFileKind kind) => kind switch
    {
        StoreFileKind.Database => "database",
        StoreFileKind.WriteAheadLog => "write-ahead log (changes not yet copied into the database)",
        StoreFileKind.SharedMemory => "write-ahead log index shared by processes",
        StoreFileKind.RollbackJournal => "rollback journal of an unfinished transaction",
        StoreFileKind.VectorIndex => "vector index (rebuilt from the database when missing)",
        _ => kind.ToString(),
    };
}
