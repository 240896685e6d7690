using System.Reflection;
using Mnemo.TestSupport.Backends;

namespace Mnemo.Conformance;

/// <summary>The contract classes of the suite, so that a backend's test project can check that it runs every one of them.</summary>
public static class ConformanceSuite
{
    /// <summary>Every contract class: an abstract class of this assembly, generic over the backend, that declares tests.</summary>
    public static IReadOnlyList<Type> Contracts { get; } =
    [
        .. typeof(ConformanceSuite).Assembly.GetExportedTypes()
            .Where(type => type.IsAbstract && type.IsGenericTypeDefinition && DeclaresTests(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal),
    ];

    /// <summary>
    /// The contract classes that no test class of <paramref name="tests"/> runs on <typeparamref name="TBackend"/>, by name:
    /// empty when the backend's project runs the whole suite.
    /// </summary>
    public static IReadOnlyList<string> NotRunIn<TBackend>(Assembly tests)
        where TBackend : IStoreBackend
    {
        ArgumentNullException.ThrowIfNull(tests);
        var run = tests.GetTypes()
            .Where(type => !type.IsAbstract)
            .SelectMany(BaseTypes)
            .Where(type => type.IsGenericType && type.GetGenericArguments() is [var backend] && backend == typeof(TBackend))
            .Select(type => type.GetGenericTypeDefinition())
            .ToHashSet();
        return [.. Contracts.Where(contract => !run.Contains(contract)).Select(contract => contract.FullName!)];
    }

    private static bool DeclaresTests(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Any(method => method.IsDefined(typeof(FactAttribute), inherit: true));

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
