using System.Globalization;
using Mnemo.Core.Configuration;
using Mnemo.Core.Errors;
using Mnemo.Core.Monitoring.Health;

namespace Mnemo.Core;

public sealed partial class MnemoOptions
{
    /// <summary>The environment variable with <see cref="HealthThresholds.MemoryUsage"/> (a share such as 0.9 or 90%);
    /// the seeds' <c>MEMORY_USAGE_THRESHOLD</c> is read when it is unset.</summary>
    public const string MemoryUsageThresholdVariable = "MNEMO_MEMORY_USAGE_THRESHOLD";

    /// <summary>The environment variable with <see cref="HealthThresholds.ProcessMemory"/> (a size such as 512MiB); the
    /// seeds' <c>PROCESS_MEMORY_THRESHOLD</c> is read when it is unset.</summary>
    public const string ProcessMemoryThresholdVariable = "MNEMO_PROCESS_MEMORY_THRESHOLD";

    /// <summary>The environment variable with <see cref="HealthThresholds.VectorStoreSize"/> (a size such as 512MiB); the
    /// seeds' <c>VECTOR_STORE_SIZE_THRESHOLD</c> is read when it is unset.</summary>
    public const string VectorStoreSizeThresholdVariable = "MNEMO_VECTOR_STORE_SIZE_THRESHOLD";

    /// <summary>The environment variable with <see cref="HealthThresholds.MemoryPressure"/> (a score from 1 to 100); the
    /// seeds' <c>MEMORY_PRESSURE_THRESHOLD</c> is read when it is unset.</summary>
    public const string MemoryPressureThresholdVariable = "MNEMO_MEMORY_PRESSURE_THRESHOLD";

    /// <summary>The environment variable with <see cref="HealthThresholds.CriticalPressure"/> (a score up to 100).</summary>
    public const string MemoryPressureCriticalVariable = "MNEMO_MEMORY_PRESSURE_CRITICAL";

    /// <summary>The environment variable with <see cref="HealthThresholds.GrowthRate"/> (a size per hour such as 64MiB or
    /// 64MiB/h); <c>GROWTH_RATE_THRESHOLD</c> is read when it is unset.</summary>
    public const string GrowthRateThresholdVariable = "MNEMO_GROWTH_RATE_THRESHOLD";

    /// <summary>The thresholds of <see cref="MnemoEngine.GetHealthAsync"/>'s pressure score and status.</summary>
    public HealthThresholds Health { get; set => field = Unfrozen(value); } = new();

    /// <summary>Reads the health thresholds: each <c>MNEMO_</c> variable, else the seeds' bare name.</summary>
    private void ReadHealth(Func<string, string?> getVariable)
    {
        var health = Health;
        if (Seeded(getVariable, MemoryUsageThresholdVariable) is { } usage)
        {
            health = health with
            {
                MemoryUsage = Fraction(usage.Text) ?? throw Invalid(
                    $"{usage.Name}={UserValue.Quote(usage.Text)} is not a share of the machine's memory in (0, 1]: use e.g. 0.9 or 90%"),
            };
        }

        if (Seeded(getVariable, ProcessMemoryThresholdVariable) is { } process)
        {
            health = health with { ProcessMemory = Size(process, "512MiB") };
        }

        if (Seeded(getVariable, VectorStoreSizeThresholdVariable) is { } vector)
        {
            health = health with { VectorStoreSize = Size(vector, "512MiB") };
        }

        if (Seeded(getVariable, GrowthRateThresholdVariable) is { } growth)
        {
            var perHour = growth.Text.Trim();
            perHour = perHour.EndsWith("/h", StringComparison.OrdinalIgnoreCase) ? perHour[..^2] : perHour;
            health = health with { GrowthRate = Size((growth.Name, perHour, growth.Text), "64MiB/h") };
        }

        var critical = Text(getVariable, MemoryPressureCriticalVariable);
        if (Seeded(getVariable, MemoryPressureThresholdVariable) is { } warning)
        {
            var score = Score(warning.Text, 1) ?? throw Invalid($"{warning.Name}={UserValue.Quote(warning.Text)} is not a score from 1 to 100: use e.g. 70");

            // A warning score set above the default critical one, with no critical score given, leaves only a full score critical.
            health = health with { MemoryPressure = score, CriticalPressure = critical is null && score > health.CriticalPressure ? 100 : health.CriticalPressure };
        }

        if (critical is not null)
        {
            health = health with
            {
                CriticalPressure = Score(critical, health.MemoryPressure) ?? throw Invalid(
                    $"{MemoryPressureCriticalVariable}={UserValue.Quote(critical)} is not a score from the warning score ({health.MemoryPressure.ToString(CultureInfo.InvariantCulture)}) to 100: use e.g. 90"),
            };
        }

        Health = health;
    }

    /// <summary>The <c>MNEMO_</c> variable's value, else the bare name's (the seeds' name, the prefix taken off); with the name read.</summary>
    private static (string Name, string Text, string Given)? Seeded(Func<string, string?> getVariable, string name)
    {
        var bare = name["MNEMO_".Length..];
        return Text(getVariable, name) is { } text ? (name, text, text)
            : Text(getVariable, bare) is { } seeded ? (bare, seeded, seeded)
            : null;
    }

    private static long Size((string Name, string Text, string Given) variable, string example) =>
        ByteSizes.TryParse(variable.Text) is { } bytes and > 0
            ? bytes
            : throw Invalid($"{variable.Name}={UserValue.Quote(variable.Given)} is not a positive size: use e.g. {example} (units B, KB/KiB, MB/MiB, GB/GiB, TB/TiB)");

    /// <summary>A share such as <c>0.9</c> or <c>90%</c> in (0, 1], or null.</summary>
    private static double? Fraction(string text)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        return double.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && (percent ? value / 100 : value) is var share && double.IsFinite(share) && share is > 0 and <= 1
                ? share
                : null;
    }

    private static double? Score(string text, double minimum) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= minimum && value <= 100
            ? value
            : null;
}
