#pragma warning disable IDE0130 // See IMnemoBuilder.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>The <see cref="IMnemoBuilder"/> of <see cref="MnemoServiceCollectionExtensions.AddMnemo"/>.</summary>
internal sealed class MnemoBuilder(IServiceCollection services) : IMnemoBuilder
{
    public IServiceCollection Services { get; } = services;
}
