namespace Mnemo.Core.Transfer;

/// <summary>What is at a path, for a command about to write a file there.</summary>
internal enum FileKind
{
    /// <summary>Nothing.</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>Something else: a device, a named pipe, a socket.</summary>
    Other,
}
