using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Mnemo.Embeddings.Onnx.Internal;

/// <summary>
/// Finds a model's package DLL and reads its embedded resources (model.onnx, vocab.txt) as a file.
/// </summary>
/// <remarks>
/// The DLL is never loaded as an assembly: that would need reflection over an assembly Native AOT does not have, and
/// would keep 90 MB mapped for the process's life. System.Reflection.Metadata reads the manifest resources straight
/// from the PE file instead (memory-mapped, so only the resource bytes are copied once).
/// </remarks>
internal static class ModelPackage
{
    /// <summary>The path of <paramref name="model"/>'s DLL: in <paramref name="directory"/> when given, else beside the app.</summary>
    /// <exception cref="Core.MnemoException">The file does not exist.</exception>
    public static string Locate(LocalModel model, string? directory)
    {
        var folder = string.IsNullOrWhiteSpace(directory) ? AppContext.BaseDirectory : directory;
        var path = Path.GetFullPath(Path.Combine(folder, model.PackageFile));
        return File.Exists(path) ? path : throw ModelErrors.Missing(model, path, fromModelDirectory: folder == directory);
    }

    /// <summary>The ONNX model's bytes and the vocabulary's text.</summary>
    /// <exception cref="Core.MnemoException">The file is not a readable DLL with both resources.</exception>
    public static (byte[] Model, string Vocabulary) Read(LocalModel model, string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw ModelErrors.Damaged(model, path, "not a .NET assembly");
            }

            var resources = ReadResources(pe, [model.ModelResource, model.VocabularyResource]);
            var onnx = resources[0] ?? throw ModelErrors.Damaged(model, path, $"no resource {model.ModelResource}");
            var vocabulary = resources[1] ?? throw ModelErrors.Damaged(model, path, $"no resource {model.VocabularyResource}");
            return (onnx, Encoding.UTF8.GetString(vocabulary));
        }
        catch (BadImageFormatException e)
        {
            throw ModelErrors.Damaged(model, path, e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            // PEReader reports a file too short for its headers this way.
            throw ModelErrors.Damaged(model, path, e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ModelErrors.Unreadable(model, path, e);
        }
    }

    /// <summary>The bytes of each named resource embedded in the file, or null where the file has none by that name.</summary>
    private static byte[]?[] ReadResources(PEReader pe, string[] names)
    {
        var metadata = pe.GetMetadataReader();
        var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory ?? default;
        var found = new byte[]?[names.Length];
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var index = Array.IndexOf(names, metadata.GetString(resource.Name));

            // A resource with an Implementation lives in another file or assembly; the model packages embed theirs.
            if (index < 0 || !resource.Implementation.IsNil)
            {
                continue;
            }

            // The resources directory is a sequence of blobs, each a 4-byte little-endian length and then its bytes;
            // a resource's Offset points at its length.
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var size = Math.Min(block.Length, directory.Size);
            if (resource.Offset < 0 || resource.Offset > size - sizeof(int))
            {
                throw new BadImageFormatException($"resource {names[index]} lies outside the resources directory");
            }

            var reader = block.GetReader((int)resource.Offset, size - (int)resource.Offset);
            var length = reader.ReadInt32();
            if (length < 0 || length > reader.RemainingBytes)
            {
                throw new BadImageFormatException($"resource {names[index]} is truncated");
            }

            found[index] = reader.ReadBytes(length);
        }

        return found;
    }
}
