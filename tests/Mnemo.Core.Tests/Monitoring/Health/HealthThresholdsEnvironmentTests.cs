using Mnemo.Core.Configuration;
using Mnemo.Core.Monitoring.Health;

namespace Mnemo.Core.Tests.Monitoring.Health;

/// <summary>Health thresholds come from MNEMO_ variables or the seeds' bare names, the MNEMO_ one winning; bad values name the variable.</summary>
[Trait("Issue", "17")]
public sealed class HealthThresholdsEnvironmentTests
{
    [Fact]
    public void FromEnvironment_NothingSet_KeepsTheDefaults()
    {
        var health = MnemoOptions.FromEnvironment(Environment()).Health;

        Assert.Equal(new HealthThresholds(), health);
        Assert.Equal(0.9, health.MemoryUsage);
        Assert.Equal(512L << 20, health.ProcessMemory);
        Assert.Equal(512L << 20, health.VectorStoreSize);
        Assert.Equal(64L << 20, health.GrowthRate);
        Assert.Equal(70, health.MemoryPressure);
        Assert.Equal(90, health.CriticalPressure);
    }

    [Fact]
    public void FromEnvironment_PrefixedVariables_SetEveryThreshold()
    {
        var health = MnemoOptions.FromEnvironment(Environment(
            ("MNEMO_MEMORY_USAGE_THRESHOLD", "0.8"),
            ("MNEMO_PROCESS_MEMORY_THRESHOLD", "1GiB"),
            ("MNEMO_VECTOR_STORE_SIZE_THRESHOLD", "256MB"),
            ("MNEMO_GROWTH_RATE_THRESHOLD", "10MiB/h"),
            ("MNEMO_MEMORY_PRESSURE_THRESHOLD", "60"),
            ("MNEMO_MEMORY_PRESSURE_CRITICAL", "85"))).Health;

        Assert.Equal(new HealthThresholds
        {
            MemoryUsage = 0.8,
            ProcessMemory = 1L << 30,
            VectorStoreSize = 256L << 20,
            GrowthRate = 10L << 20,
            MemoryPressure = 60,
            CriticalPressure = 85,
        }, health);
    }

    [Fact]
    public void FromEnvironment_SeedsBareNames_AreRead()
    {
        var health = MnemoOptions.FromEnvironment(Environment(
            ("MEMORY_USAGE_THRESHOLD", "75%"),
            ("PROCESS_MEMORY_THRESHOLD", "2048"),
            ("VECTOR_STORE_SIZE_THRESHOLD", "1GB"),
            ("GROWTH_RATE_THRESHOLD", "1MB"),
            ("MEMORY_PRESSURE_THRESHOLD", "50"))).Health;

        Assert.Equal(0.75, health.MemoryUsage, 12);
        Assert.Equal(2048, health.ProcessMemory);
        Assert.Equal(1L << 30, health.VectorStoreSize);
        Assert.Equal(1L << 20, health.GrowthRate);
        Assert.Equal(50, health.MemoryPressure);
        Assert.Equal(90, health.CriticalPressure);
    }

    [Fact]
    public void FromEnvironment_BothNames_TheMnemoOneWins()
    {
        var health = MnemoOptions.FromEnvironment(Environment(("PROCESS_MEMORY_THRESHOLD", "junk"), ("MNEMO_PROCESS_MEMORY_THRESHOLD", "1MiB"))).Health;

        Assert.Equal(1L << 20, health.ProcessMemory);
    }

    [Fact]
    public void FromEnvironment_WarningAboveTheDefaultCritical_LeavesOnlyAFullScoreCritical()
    {
        var health = MnemoOptions.FromEnvironment(Environment(("MNEMO_MEMORY_PRESSURE_THRESHOLD", "95"))).Health;

        Assert.Equal(95, health.MemoryPressure);
        Assert.Equal(100, health.CriticalPressure);
    }

    [Theory]
    [InlineData("MNEMO_MEMORY_USAGE_THRESHOLD", "1.5")]
    [InlineData("MNEMO_MEMORY_USAGE_THRESHOLD", "0")]
    [InlineData("MEMORY_USAGE_THRESHOLD", "high")]
    [InlineData("MNEMO_PROCESS_MEMORY_THRESHOLD", "0")]
    [InlineData("PROCESS_MEMORY_THRESHOLD", "lots")]
    [InlineData("MNEMO_VECTOR_STORE_SIZE_THRESHOLD", "-1MB")]
    [InlineData("MNEMO_GROWTH_RATE_THRESHOLD", "fast")]
    [InlineData("MNEMO_MEMORY_PRESSURE_THRESHOLD", "0")]
    [InlineData("MEMORY_PRESSURE_THRESHOLD", "101")]
    [InlineData("MNEMO_MEMORY_PRESSURE_CRITICAL", "50")]
    public void FromEnvironment_BadValue_ThrowsNamingTheVariableAndTheValue(string name, string value)
    {
        var error = Assert.Throws<MnemoException>(() => MnemoOptions.FromEnvironment(Environment((name, value))));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains($"{name}='{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThresholdsOutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MnemoOptions { Health = new HealthThresholds { MemoryUsage = 0 } }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthThresholds { ProcessMemory = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthThresholds { CriticalPressure = 60 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthThresholds { MemoryPressure = 0.5 }.Validate());
    }

    [Theory]
    [InlineData("1KiB", 1L << 10)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("2gib", 2L << 30)]
    [InlineData("1TiB", 1L << 40)]
    [InlineData("1TB", 1L << 40)]
    [InlineData("100MB", 100L << 20)]
    public void ByteSizes_BinarySpellings_AreRead(string text, long bytes) => Assert.Equal(bytes, ByteSizes.TryParse(text));

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
