namespace Mnemo.Core.Tests.Monitoring;

/// <summary>The metrics history's bounds come from options and the environment, checked when read.</summary>
[Trait("Issue", "17")]
public sealed class MetricsOptionsTests
{
    [Fact]
    public void FromEnvironment_MetricsVariables_SetHistoryLimitAndRetention()
    {
        var options = MnemoOptions.FromEnvironment(Environment(("MNEMO_METRICS_HISTORY", "500"), ("MNEMO_METRICS_RETENTION", "2h")));

        Assert.Equal(500, options.MetricsHistoryLimit);
        Assert.Equal(TimeSpan.FromHours(2), options.MetricsRetention);
    }

    [Fact]
    public void FromEnvironment_NothingSet_KeepsTheDefaults()
    {
        var options = MnemoOptions.FromEnvironment(Environment());

        Assert.Equal(10_000, options.MetricsHistoryLimit);
        Assert.Equal(TimeSpan.FromDays(7), options.MetricsRetention);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void FromEnvironment_BadHistoryLimit_ThrowsNamingTheVariable(string value)
    {
        var error = Assert.Throws<MnemoException>(() => MnemoOptions.FromEnvironment(Environment(("MNEMO_METRICS_HISTORY", value))));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains($"MNEMO_METRICS_HISTORY=", error.Message, StringComparison.Ordinal);
        Assert.Contains("10000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HistoryLimitBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MnemoOptions { MetricsHistoryLimit = 0 }.Validate());

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
