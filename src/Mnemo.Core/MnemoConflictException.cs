using Mnemo.Core.Errors;

namespace Mnemo.Core;

/// <summary>A write expected one version of an entry and found another; nothing was written.</summary>
public sealed class MnemoConflictException : MnemoException
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    public MnemoConflictException(string key, long expectedVersion, long actualVersion)
        : base(MnemoErrorCode.VersionConflict, MnemoErrors.VersionConflict(key, expectedVersion, actualVersion))
    {
        Key = key;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The entry's key.</summary>
    public string Key { get; }

    /// <summary>The version the write expected (0 means "must not exist").</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version found (0 when the entry does not exist).</summary>
    public long ActualVersion { get; }
}
