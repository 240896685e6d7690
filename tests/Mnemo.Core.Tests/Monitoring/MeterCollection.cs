namespace Mnemo.Core.Tests.Monitoring;

/// <summary>
/// Tests that measure metrics run one at a time: each measurement replaces the process figures the <c>Mnemo</c> meter
/// publishes, which the meter's test compares with its own snapshot.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeterCollection
{
    public const string Name = "Mnemo meter";
}
