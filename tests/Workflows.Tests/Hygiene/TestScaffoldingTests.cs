using Anju.Testing;

namespace Anju.Workflows.Tests.Hygiene;

/// <summary>
/// Test scaffolding lives once, in tests/Anju.Testing: no other file under tests/ or bench/ creates or drops a
/// PostgreSQL database of its own (they use <see cref="ThrowawayPostgresDatabase"/>).
/// </summary>
public sealed class TestScaffoldingTests
{
    // Spelled in two pieces so that this file does not hold them itself.
    private static readonly string[] DatabaseStatements = ["CREATE" + " DATABASE", "DROP" + " DATABASE"];

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git"];

    [Fact]
    public void Only_Anju_Testing_creates_or_drops_a_database()
    {
        var testing = Path.Combine(Repository.Root, "tests", "Anju.Testing") + Path.DirectorySeparatorChar;
        var files = Files(Path.Combine(Repository.Root, "tests")).Concat(Files(Path.Combine(Repository.Root, "bench"))).ToList();
        var outside = files.Where(f => !f.StartsWith(testing, StringComparison.Ordinal)).ToList();

        var offenders = outside
            .SelectMany(f => DatabaseStatements.Where(s => File.ReadAllText(f).Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{Path.GetRelativePath(Repository.Root, f)}: {s}"))
            .ToList();

        Assert.True(offenders.Count == 0, "Use Anju.Testing's ThrowawayPostgresDatabase instead of:\n" + string.Join("\n", offenders));

        // Not vacuous: the scan reads the test projects and benchmarks, and finds the statements where they do live.
        Assert.Contains(outside, f => f.EndsWith("TestScaffoldingTests.cs", StringComparison.Ordinal));
        Assert.Contains(outside, f => f.Contains($"{Path.DirectorySeparatorChar}bench{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var home = Assert.Single(files, f => f.EndsWith("ThrowawayPostgresDatabase.cs", StringComparison.Ordinal));
        Assert.All(DatabaseStatements, s => Assert.Contains(s, File.ReadAllText(home), StringComparison.Ordinal));
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder)
            .Concat(Directory.EnumerateDirectories(folder)
                .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)))
                .SelectMany(Files));
}
