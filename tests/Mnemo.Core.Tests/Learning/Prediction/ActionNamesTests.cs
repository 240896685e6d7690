using Mnemo.Core.Learning.Prediction;

namespace Mnemo.Core.Tests.Learning.Prediction;

[Trait("Issue", "18")]
public sealed class ActionNamesTests
{
    [Theory]
    [InlineData("store")]
    [InlineData("lock acquire")]
    [InlineData("git:commit")]
    [InlineData("deploy@prod/eu-1.v2")]
    public void IsValid_UsableName_IsTrue(string name) => Assert.True(ActionNames.IsValid(name));

    [Theory]
    [InlineData("")]
    [InlineData(" store")]
    [InlineData("store ")]
    [InlineData("a\nb")]
    [InlineData("rm -rf *")]
    public void IsValid_UnusableName_IsFalse(string name) => Assert.False(ActionNames.IsValid(name));

    [Fact]
    public void IsValid_LongerThan64_IsFalse() => Assert.False(ActionNames.IsValid(new string('a', 65)));
}
