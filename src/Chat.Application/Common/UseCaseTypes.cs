namespace Chat.Application.Common;

/// <summary>Finds use-case handlers by reflection, for registration and for the outsider test.</summary>
public static class UseCaseTypes
{
    private static bool ImplementsUseCase(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUseCase<,>));

    public static IReadOnlyList<Type> InAssembly() =>
        typeof(UseCaseTypes).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && ImplementsUseCase(t))
            .ToList();
}
