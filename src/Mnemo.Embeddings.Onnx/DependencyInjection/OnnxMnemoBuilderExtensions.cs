using Mnemo.Core;
using Mnemo.Embeddings.Onnx;

#pragma warning disable IDE0130 // Beside AddMnemo, in the namespace of IServiceCollection.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Gives the engine of <see cref="MnemoServiceCollectionExtensions.AddMnemo"/> the local neural embedders.</summary>
public static class OnnxMnemoBuilderExtensions
{
    /// <summary>The local models (arctic-xs, the default, and minilm); see <see cref="OnnxMnemoExtensions.UseLocalEmbedders"/>.</summary>
    /// <param name="builder">The builder of <c>AddMnemo</c>.</param>
    /// <param name="onnx">How the models run, or null for the options' variables (else the defaults).</param>
    /// <returns>The builder.</returns>
    public static IMnemoBuilder UseLocalEmbedders(this IMnemoBuilder builder, OnnxEmbedderOptions? onnx = null) =>
        builder.ConfigureOptions(options => options.UseLocalEmbedders(onnx));
}
