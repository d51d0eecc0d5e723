namespace Anju.Definitions.Tests.Support;

/// <summary>Folders of the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

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

        throw new InvalidOperationException($"No Anju.slnx above {AppContext.BaseDirectory}.");
    }
}
