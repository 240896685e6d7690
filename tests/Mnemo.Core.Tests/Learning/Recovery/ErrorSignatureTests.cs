using Mnemo.Core.Learning.Recovery;

namespace Mnemo.Core.Tests.Learning.Recovery;

[Trait("Issue", "18")]
public sealed class ErrorSignatureTests
{
    [Theory]
    [InlineData("Timeout after 30 s reading /data/in/a.csv", "timeout after 45 s reading /srv/other/b.csv")]
    [InlineData("connection refused: localhost:5432", "Connection refused: localhost:6543")]
    [InlineData("object 3f9a2c41d7 not found in pack", "object 0b7e11aa90f3 not found in pack")]
    [InlineData("session 6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b expired", "session 0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d expired")]
    [InlineData("GET https://api.example.com/v1/items?id=4 failed", "GET http://10.0.0.7:8080/items failed")]
    [InlineData("no account for ann@example.com", "no account for bob.smith@corp.example.org")]
    [InlineData("KeyError: 'user_id'", "KeyError: 'order_id'")]
    [InlineData("at 2026-12-07T23:55:53.123Z the job failed", "at 2025-01-02 08:00 the job failed")]
    [InlineData(@"cannot open C:\Users\ann\data.db", @"cannot open D:\work\x\store.db")]
    [InlineData("read error at 0x7ffe12", "read error at 0xdeadbeef")]
    [InlineData("  too   many\topen files  ", "Too many open files")]
    [InlineData("failed to load src/app/main.py", "failed to load lib/util.py")]
    public void Of_SameErrorWithDifferentDetails_HasOneSignature(string first, string second)
    {
        Assert.Equal(ErrorSignature.Of(first), ErrorSignature.Of(second));
        Assert.Equal(ErrorSignature.ClusterOf(ErrorSignature.Of(first)), ErrorSignature.ClusterOf(ErrorSignature.Of(second)));
    }

    [Theory]
    [InlineData("connection refused: localhost:5432", "connection reset: localhost:5432")]
    [InlineData("permission denied reading /etc/app.conf", "file not found reading /etc/app.conf")]
    [InlineData("can't open the read/write lock", "can't open the read-only lock")]
    [InlineData("utf8 decode failed", "utf16 decode failed")]
    public void Of_DifferentErrors_HaveDifferentSignatures(string first, string second) =>
        Assert.NotEqual(ErrorSignature.Of(first), ErrorSignature.Of(second));

    [Theory]
    [InlineData("Timeout after 30 s reading /data/in/a.csv", "timeout after <num> s reading <path>")]
    [InlineData("GET https://x.io/a failed for ann@example.com", "get <url> failed for <email>")]
    [InlineData("can't open the read/write lock 'main' at 12:03:44", "can't open the read/write lock <str> at <time>")]
    [InlineData("commit 9fceb02d0ae598e95dc970b74767f19372d61af8 missing, v2 says 10.0.0.1", "commit <id> missing, v2 says <num>")]
    public void Of_MasksWhatVaries(string message, string signature) =>
        Assert.Equal(signature, ErrorSignature.Of(message));

    [Fact]
    public void ClusterOf_IsAShortHexHash()
    {
        var cluster = ErrorSignature.ClusterOf("connection refused: <num>");

        Assert.True(ErrorSignature.IsCluster(cluster));
        Assert.Equal(ErrorSignature.ClusterLength, cluster.Length);
    }
}
