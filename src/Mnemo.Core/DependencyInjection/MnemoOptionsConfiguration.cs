using Mnemo.Core;

#pragma warning disable IDE0130 // See IMnemoBuilder.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>One change to the options, registered by AddMnemo or a Use... method and applied in registration order.</summary>
internal sealed class MnemoOptionsConfiguration(Action<MnemoOptions> configure)
{
    public void Apply(MnemoOptions options) => configure(options);
}
