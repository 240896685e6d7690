using Mnemo.Core.Entries;
using Mnemo.Core.Links;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Tests.Messages;

/// <summary>The names every face accepts and prints for duplicate policies, search modes and link directions come from Core.</summary>
[Trait("Issue", "14")]
public sealed class NameMapTests
{
    [Fact]
    public void DuplicatePolicies_EveryPolicyHasOneNameThatParsesBack()
    {
        Assert.Equal(["report", "skip", "merge", "allow"], DuplicatePolicies.Map.Names);
        Assert.All(Enum.GetValues<DuplicatePolicy>(), policy => Assert.Equal(policy, DuplicatePolicies.Parse(DuplicatePolicies.Name(policy))));
        Assert.Equal(DuplicatePolicy.Report, DuplicatePolicies.Default);
    }

    [Fact]
    public void SearchModesAndLinkDirections_EveryValueHasOneNameThatParsesBack()
    {
        Assert.Equal(["hybrid", "text", "vector"], SearchModes.Map.Names);
        Assert.Equal(["both", "out", "in"], LinkDirections.Map.Names);
        Assert.All(Enum.GetValues<SearchMode>(), mode => Assert.Equal(mode, SearchModes.Parse(SearchModes.Name(mode))));
        Assert.All(Enum.GetValues<LinkDirection>(), direction => Assert.Equal(direction, LinkDirections.Parse(LinkDirections.Name(direction))));
    }

    [Fact]
    public void Parse_IgnoresCaseAndSpaces_AndAnUnknownNameSaysWhichAreKnown()
    {
        Assert.Equal(DuplicatePolicy.Skip, DuplicatePolicies.Parse(" SKIP "));
        Assert.False(SearchModes.Map.TryParse("fuzzy", out _));

        var error = Assert.Throws<ArgumentException>(() => DuplicatePolicies.Parse("ignore"));

        Assert.StartsWith("duplicate policy 'ignore' is unknown: use report, skip, merge or allow", error.Message, StringComparison.Ordinal);
    }
}
