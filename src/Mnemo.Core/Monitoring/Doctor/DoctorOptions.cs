namespace Mnemo.Core.Monitoring.Doctor;

/// <summary>Which rules <see cref="MnemoEngine.DiagnoseAsync"/> runs and the thresholds they judge by.</summary>
public sealed record DoctorOptions
{
    /// <summary>The rules to run, by name (<see cref="DoctorRules.Names"/>); null or empty runs every rule.</summary>
    public IReadOnlyList<string>? Rules { get; init; }

    /// <summary>An entry not read (or, never read, not written) for this long counts as unread. Default 30 days.</summary>
    public TimeSpan UnreadFor { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How many example keys a finding shows at most. Default 5.</summary>
    public int ExampleLimit { get; init; } = 5;

    /// <summary>
    /// How many entries of each namespace prefix the near-duplicate rule compares at most (every pair of them, so the work
    /// grows with its square); a finding says when a prefix held more. Default 500.
    /// </summary>
    public int NearDuplicateLimit { get; init; } = 500;

    /// <summary>A key with at least this many versions kept has a deep history. Default 100.</summary>
    public int HistoryDepth { get; init; } = 100;

    /// <summary>The recent period the growth rule compares with everything before it. Default 1 day.</summary>
    public TimeSpan GrowthWindow { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A prefix grows much faster than the rest when its bytes written in <see cref="GrowthWindow"/>, relative to its bytes
    /// written before, are at least this many times the rest's. Default 5.
    /// </summary>
    public double GrowthFactor { get; init; } = 5;

    /// <summary>The growth rule ignores a prefix that wrote less than this in <see cref="GrowthWindow"/>, bytes. Default 64 KiB.</summary>
    public long GrowthMinBytes { get; init; } = 64 * 1024;

    /// <summary>A write-ahead log smaller than this is never reported, bytes. Default 4 MiB (SQLite checkpoints at about 4 MB).</summary>
    public long WalMinBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>A write-ahead log at least this share of the database's size is reported (when above <see cref="WalMinBytes"/>). Default 0.5.</summary>
    public double WalShare { get; init; } = 0.5;

    /// <summary>A saved vector index this many changes or more behind the log is reported. Default 1000.</summary>
    public long IndexLagChanges { get; init; } = 1000;
}
