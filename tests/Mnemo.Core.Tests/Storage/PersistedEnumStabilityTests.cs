namespace Mnemo.Core.Tests.Storage;

/// <summary>These numbers are written to databases and printed to scripts: changing one breaks existing files and users.</summary>
public sealed class PersistedEnumStabilityTests
{
    [Fact]
    public void ChangeKind_ValuesAreFrozen() =>
        Assert.Equal(
            [("Put", 0), ("Delete", 1), ("Expire", 2), ("Evict", 3), ("Restore", 4)],
            Enum.GetValues<ChangeKind>().Select(v => (v.ToString(), (int)v)));

    [Fact]
    public void MnemoErrorCode_ValuesAreFrozen() =>
        Assert.Equal(
            [("NotFound", 1), ("VersionConflict", 2), ("InvalidInput", 3), ("EntryTooLarge", 4), ("DirectoryNotFound", 5),
             ("NotAMnemoDatabase", 6), ("SchemaTooNew", 7), ("AlreadyExists", 8), ("EmbedderRejected", 9),
             ("AccessDenied", 10), ("QuotaExceeded", 11), ("MergeConflict", 12),
             ("LockTimeout", 13), ("LockNotHeld", 14), ("StaleFencingToken", 15), ("EmbeddingModelMismatch", 16), ("StoreReadOnly", 17),
             ("Corrupt", 100), ("ReadOnly", 101), ("Busy", 102),
             ("StorageFailure", 103), ("EmbedderFailed", 104)],
            Enum.GetValues<MnemoErrorCode>().Select(v => (v.ToString(), (int)v)));

    [Fact]
    public void MnemoException_CallerErrorsAreTheCodesBelow100()
    {
        Assert.True(new MnemoException(MnemoErrorCode.VersionConflict, "x").IsCallerError);
        Assert.False(new MnemoException(MnemoErrorCode.Corrupt, "x").IsCallerError);
        Assert.True(new MnemoException(MnemoErrorCode.Busy, "x").IsTransient);
        Assert.True(new MnemoException(MnemoErrorCode.LockTimeout, "x").IsTransient);
        Assert.True(new MnemoException(MnemoErrorCode.LockTimeout, "x").IsCallerError);
    }
}
