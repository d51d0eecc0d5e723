namespace Anju.Testing;

/// <summary>Folders of the repository the tests (or a benchmark) run from: the folder holding Anju.slnx.</summary>
public static class Repository
{
    /// <summary>The repository's root folder; throws when the program does not run from inside the repository.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The procedures: definitions/*.bpmn.</summary>
    public static string Definitions => Path.Combine(Root, "definitions");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Anju.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Anju.slnx above {AppContext.BaseDirectory}: run from inside the repository.");
    }
}
