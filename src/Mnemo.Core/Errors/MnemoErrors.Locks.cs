using Mnemo.Core.Coordination;
using Mnemo.Core.Time;

namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>A lock not acquired in time because <paramref name="holder"/> holds an incompatible one.</summary>
    public static MnemoException LockTimeout(string resource, bool isPrefix, TimeSpan waited, LockLease holder) =>
        Fail(MnemoErrorCode.LockTimeout,
            $"lock on {(isPrefix ? "prefix" : "key")} {UserValue.Quote(resource)} not acquired within {waited.TotalSeconds:0.###}s: {holder.DescribeHolder()} holds "
            + $"{holder.Mode.ToString().ToLowerInvariant()} lock on {UserValue.Quote(holder.Resource)}{(holder.IsPrefix ? " (prefix)" : "")} "
            + $"until {Timestamps.Format(holder.ExpiresAt)}; {Hint(MnemoRemedy.WaitLonger)}");
}
