using System.Text.RegularExpressions;

namespace Anju.Host.Tests.Architecture;

/// <summary>
/// One shape for the Host's features: every area a vertical slice in <c>src/Host/Features/&lt;Area&gt;/</c> that imports
/// no other area, and kernels (Persistence, Seeding, ...) that import no area at all. Read from the source files,
/// so a <c>using</c>, a fully qualified name and a name relative to <c>Anju.Host.Features</c> all count.
/// </summary>
public sealed partial class FeatureBoundaryTests
{
    /// <summary>The folders beside Features: shared kernels and the Host's plumbing, none of them a feature.</summary>
    private static readonly string[] Kernels =
    [
        "Access", "Attachments", "Calendars", "Cases", "Features", "Identity", "Jurisdictions", "Notices", "OpenApi", "Persistence", "Problems", "Procedures", "Requests",
        "Properties", "Reference", "Security", "Seeding", "Telemetry", "Validation", "WebConsole",
    ];

    private static string HostFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Anju.slnx")))
            {
                folder = folder.Parent;
            }

            Assert.NotNull(folder);
            return Path.Combine(folder.FullName, "src", "Host");
        }
    }

    private static string[] Areas => [.. Directory.GetDirectories(Path.Combine(HostFolder, "Features")).Select(Path.GetFileName).OfType<string>()];

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The areas a source file refers to: <c>Anju.Host.Features.X</c>, <c>Features.X.</c>, or <c>X.Type</c> inside Features.</summary>
    private static IEnumerable<string> AreasReferenced(string text, bool insideFeatures)
    {
        var areas = Areas;
        foreach (Match match in QualifiedArea().Matches(text))
        {
            if (areas.Contains(match.Groups["area"].Value, StringComparer.Ordinal))
            {
                yield return match.Groups["area"].Value;
            }
        }

        if (insideFeatures)
        {
            foreach (var area in areas)
            {
                // Inside namespace Anju.Host.Features.Y, "X.Type" means Anju.Host.Features.X.Type.
                if (Regex.IsMatch(text, $@"(?<![\w.]){Regex.Escape(area)}\.[A-Z]", RegexOptions.None, TimeSpan.FromSeconds(5)))
                {
                    yield return area;
                }
            }
        }
    }

    [Fact]
    public void No_feature_imports_another_feature()
    {
        var crossings = new List<string>();
        foreach (var area in Areas)
        {
            foreach (var file in SourceFiles(Path.Combine(HostFolder, "Features", area)))
            {
                var text = File.ReadAllText(file);
                crossings.AddRange(AreasReferenced(text, insideFeatures: true).Where(other => other != area).Distinct()
                    .Select(other => $"Features/{area}/{Path.GetFileName(file)} -> Features.{other}"));
            }
        }

        Assert.Empty(crossings);
    }

    [Fact]
    public void No_kernel_imports_a_feature()
    {
        var crossings = new List<string>();
        foreach (var kernel in Kernels.Where(k => k != "Features"))
        {
            var folder = Path.Combine(HostFolder, kernel);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in SourceFiles(folder))
            {
                var text = File.ReadAllText(file);
                crossings.AddRange(AreasReferenced(text, insideFeatures: false).Distinct()
                    .Select(area => $"{kernel}/{Path.GetFileName(file)} -> Features.{area}"));
            }
        }

        Assert.Empty(crossings);
    }

    [Fact]
    public void Every_folder_beside_Features_is_a_kernel_and_no_area_is_split_over_folders()
    {
        var folders = Directory.GetDirectories(HostFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj") && !name.StartsWith('.'));

        Assert.Empty(folders.Except(Kernels, StringComparer.Ordinal));
    }

    [Fact]
    public void Field_errors_are_collected_only_by_the_one_collector()
    {
        // Every 400 with field errors goes through Validation/FieldErrors (one rule for over-long text, one wording).
        var collector = Path.Combine(HostFolder, "Validation", "FieldErrors.cs");
        var offenders = SourceFiles(HostFolder)
            .Where(f => f != collector && File.ReadAllText(f).Contains("Problem.Validation(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(HostFolder, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Use FieldErrors (Add … ToProblem, or FieldErrors.One) instead of Problem.Validation in:\n" + string.Join("\n", offenders));
        Assert.Contains("Problem.Validation(", File.ReadAllText(collector), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![\w])(?:Anju\.Host\.)?Features\.(?<area>[A-Z]\w*)(?=[.;\s])")]
    private static partial Regex QualifiedArea();
}
