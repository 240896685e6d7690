using Mnemo.Core.Storage;

namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>
/// A write-ahead log large against the database: checkpoints (which copy it into the database and let it restart)
/// are not keeping up, typically because a long-lived reader holds an old snapshot.
/// </summary>
internal sealed class WalRule : IDoctorRule
{
    public string Name => "wal";

    public async Task<IReadOnlyList<DoctorFinding>> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var status = await context.StatusAsync(cancellationToken).ConfigureAwait(false);
        var wal = status.Files.FirstOrDefault(f => f.Kind == StoreFileKind.WriteAheadLog);
        var options = context.Options;
        if (wal is null || wal.Bytes < options.WalMinBytes || wal.Bytes < options.WalShare * status.DatabaseBytes)
        {
            return [];
        }

        var share = status.DatabaseBytes == 0 ? "" : $" ({DoctorText.Percent((double)wal.Bytes / status.DatabaseBytes)} of the database)";
        return
        [
            new DoctorFinding(Name, DoctorSeverity.Warning,
                $"the write-ahead log holds {DoctorText.Bytes(wal.Bytes)}{share}: checkpoints are not keeping up",
                [
                    $"{wal.Path}: {DoctorText.Bytes(wal.Bytes)}",
                    $"database: {DoctorText.Bytes(status.DatabaseBytes)}",
                    $"threshold: {DoctorText.Percent(options.WalShare)} of the database and at least {DoctorText.Bytes(options.WalMinBytes)}",
                ],
                "a checkpoint cannot pass a reader's snapshot: end long-lived readers (an idle MCP server or watcher), then optimize "
                    + "with the checkpoint-wal strategy, which truncates the log"),
        ];
    }
}
