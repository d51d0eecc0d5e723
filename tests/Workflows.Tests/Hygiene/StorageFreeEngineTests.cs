using System.Xml.Linq;
using Anju.Testing;
using Anju.Workflows.Persistence;

namespace Anju.Workflows.Tests.Hygiene;

/// <summary>
/// The engine knows its storage only through its seam (<see cref="WorkflowStore"/>): the Anju.Workflows assembly and
/// its project reference no EF Core, SQLite or PostgreSQL package; those live in Anju.Workflows.Storage.
/// </summary>
public sealed class StorageFreeEngineTests
{
    private static readonly string[] DatabasePackages = ["Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql", "SQLitePCL"];

    [Fact]
    public void The_engine_assembly_references_no_database_package()
    {
        var engine = typeof(WorkflowEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var storage = typeof(WorkflowStorage).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(engine, name => DatabasePackages.Any(p => name.StartsWith(p, StringComparison.Ordinal)));

        // Not vacuous: the storage assembly is another one, and it is the one that references them.
        Assert.NotEqual(typeof(WorkflowEngine).Assembly, typeof(WorkflowStorage).Assembly);
        Assert.Contains(storage, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void The_engine_project_declares_no_database_package()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", "Workflows", "Workflows.csproj"));
        var packages = project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();

        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, name => DatabasePackages.Any(p => name.StartsWith(p, StringComparison.Ordinal)));
    }
}
