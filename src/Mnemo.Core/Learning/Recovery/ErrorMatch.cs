namespace Mnemo.Core.Learning.Recovery;

/// <summary>How <see cref="MnemoEngine.RecoverAsync"/> found the cluster of an error.</summary>
public enum ErrorMatch
{
    /// <summary>No recorded error is similar enough: no advice.</summary>
    None,

    /// <summary>Recorded errors have the same signature (the message with numbers, paths and ids masked).</summary>
    Signature,

    /// <summary>No signature matched, but a recorded error is near in words and meaning (hybrid search above the threshold).</summary>
    Meaning,
}
