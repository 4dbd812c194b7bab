using System.Xml.Linq;
using Chat.Domain.Channels;

namespace Chat.Domain.Tests.Architecture;

public class DomainDependencyTests
{
    [Fact]
    public void Domain_assembly_references_only_the_base_library()
    {
        var references = typeof(Channel).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.ShouldNotBeEmpty();
        references.Where(name => !IsBaseLibrary(name)).ShouldBeEmpty();
    }

    [Fact]
    public void Domain_project_declares_no_package_or_project_reference()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Chat.Domain", "Chat.Domain.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference")
            .Select(e => e.Attribute("Include")?.Value);

        references.ShouldBeEmpty();
    }

    private static bool IsBaseLibrary(string assemblyName) =>
        assemblyName is "netstandard" or "mscorlib" || assemblyName.StartsWith("System.", StringComparison.Ordinal)
        || assemblyName == "System";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Chat.Enterprise.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
