namespace Mnemo.Core.Privacy;

/// <summary>One secret found in a text: where it is, its kind, and the rank of the detector that found it.</summary>
internal readonly record struct SensitiveSpan(int Start, int Length, string Kind, int Order)
{
    public int End => Start + Length;
}
