using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Tests.Retrieval;

public sealed class NamespaceMembersTests
{
    private readonly NamespaceMembers _members = new();

    public NamespaceMembersTests()
    {
        _members.Set(1, "team/alice/notes");
        _members.Set(2, "team/bob/notes");
        _members.Set(3, "team/alice/todo");
        _members.Set(4, "other/x");
    }

    [Fact]
    public void Under_WholeSegmentPrefix_ReturnsItsVersions()
    {
        Assert.Equal([1, 3], _members.Under("team/alice/").Order());
        Assert.Equal([1, 2, 3], _members.Under("team/").Order());
    }

    [Fact]
    public void Under_PrefixCutInsideASegment_MatchesKeysThatStartWithIt()
    {
        Assert.Equal([1, 3], _members.Under("team/al").Order());
        Assert.Equal([4], _members.Under("oth").Order());
    }

    [Fact]
    public void Remove_Version_LeavesItsNamespaces()
    {
        _members.Remove(1);
        _members.Remove(3);

        Assert.Empty(_members.Under("team/alice/"));
        Assert.Equal([2], _members.Under("team/").Order());
        Assert.Equal(2, _members.Count);
    }

    [Fact]
    public void Set_SameVersionWithAnotherKey_MovesIt()
    {
        _members.Set(4, "team/carol/notes");

        Assert.Empty(_members.Under("other/"));
        Assert.Equal([4], _members.Under("team/carol/").Order());
    }
}
