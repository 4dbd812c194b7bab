using Chat.Application.Common;
using NetArchTest.Rules;

namespace Chat.Application.Tests.Architecture;

public class LayerDependencyTests
{
    private static readonly string[] Forbidden =
    [
        "Chat.Infrastructure",
        "Chat.Web",
        "Microsoft.EntityFrameworkCore",
        "Microsoft.AspNetCore",
        "Hangfire",
        "Lucene",
    ];

    [Fact]
    public void Application_depends_on_no_outer_layer_or_framework()
    {
        var result = Types.InAssembly(typeof(IUseCase<,>).Assembly).ShouldNot().HaveDependencyOnAny(Forbidden)
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Application_assembly_references_neither_infrastructure_nor_web()
    {
        var references = typeof(IUseCase<,>).Assembly.GetReferencedAssemblies().Select(a => a.Name!);

        references.Where(name => Forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))).ShouldBeEmpty();
    }
}
