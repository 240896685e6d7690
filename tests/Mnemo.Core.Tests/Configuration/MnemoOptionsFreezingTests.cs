namespace Mnemo.Core.Tests.Configuration;

[Trait("Issue", "14")]
public sealed class MnemoOptionsFreezingTests
{
    [Fact]
    public void Snapshot_SetAnyProperty_ThrowsNamingTheProperty()
    {
        var frozen = new MnemoOptions().Snapshot();

        var error = Assert.Throws<InvalidOperationException>(() => frozen.MaxEntryBytes = 10);

        Assert.StartsWith("MnemoOptions.MaxEntryBytes cannot change", error.Message, StringComparison.Ordinal);
        Assert.True(frozen.IsFrozen);
    }

    [Fact]
    public void Snapshot_EveryPublicSetter_Throws()
    {
        var frozen = new MnemoOptions().Snapshot();
        var setters = typeof(MnemoOptions).GetProperties().Where(property => property.SetMethod is { IsPublic: true }).ToList();

        Assert.NotEmpty(setters);
        foreach (var property in setters)
        {
            var current = property.GetValue(frozen);
            var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => property.SetValue(frozen, current));
            Assert.IsType<InvalidOperationException>(error.InnerException);
        }
    }

    [Fact]
    public void Snapshot_OriginalChangedAfterwards_CopyKeepsItsValues()
    {
        var original = new MnemoOptions { Agent = "planner", MaxEntryBytes = 4096 };
        var frozen = original.Snapshot();

        original.Agent = "someone-else";
        original.MaxEntryBytes = 10;

        Assert.Equal("planner", frozen.Agent);
        Assert.Equal(4096, frozen.MaxEntryBytes);
        Assert.False(original.IsFrozen);
    }

    [Fact]
    public void Snapshot_OfFrozenOptions_IsTheSameObject()
    {
        var frozen = new MnemoOptions().Snapshot();

        Assert.Same(frozen, frozen.Snapshot());
    }
}
