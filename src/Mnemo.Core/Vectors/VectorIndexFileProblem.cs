namespace Mnemo.Core.Vectors;

/// <summary>Why an index file was refused.</summary>
public enum VectorIndexFileProblem
{
    /// <summary>The file does not start with the index magic: it is not a Mnemo vector index.</summary>
    BadMagic = 1,

    /// <summary>The file was written by a newer format version than this build reads.</summary>
    UnsupportedVersion = 2,

    /// <summary>The file ends before the header or the payload it announces.</summary>
    Truncated = 3,

    /// <summary>A header or payload checksum does not match: bytes were damaged.</summary>
    ChecksumMismatch = 4,

    /// <summary>The checksums match but a value is out of range (a bug or a crafted file).</summary>
    InvalidContent = 5,
}
