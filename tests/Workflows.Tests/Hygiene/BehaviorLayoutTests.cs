using Anju.Testing;
using Anju.Workflows.Model;

namespace Anju.Workflows.Tests.Hygiene;

/// <summary>
/// The engine's element semantics are one behaviour per element (issue 20, item 1): every kind of flow node the model
/// has is run by an <c>Execution/Behaviors/&lt;Element&gt;Behavior.cs</c>, each behaviour has a test class of the same
/// name, and no file of <c>Execution/</c> grows past 300 lines.
/// </summary>
public sealed class BehaviorLayoutTests
{
    private static string Execution => Path.Combine(Repository.Root, "src", "Workflows", "Execution");

    [Fact]
    public void Every_flow_node_type_has_a_behaviour_and_every_behaviour_a_test_class_of_its_name()
    {
        var nodeTypes = typeof(FlowNode).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FlowNode)) && !t.IsAbstract)
            .Select(t => t.Name)
            .ToList();
        var behaviours = Directory.GetFiles(Path.Combine(Execution, "Behaviors"), "*Behavior.cs")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .ToList();
        var testClasses = typeof(BehaviorLayoutTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.True(nodeTypes.Count >= 15, string.Join(", ", nodeTypes));
        Assert.All(nodeTypes, type => Assert.Contains(type + "Behavior", behaviours));
        Assert.All(behaviours, behaviour => Assert.True(testClasses.Contains(behaviour + "Tests"), $"{behaviour} has no test class {behaviour}Tests"));
    }

    [Fact]
    public void No_file_of_the_execution_folder_is_over_300_lines()
    {
        var files = Directory.GetFiles(Execution, "*.cs", SearchOption.AllDirectories);

        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var lines = File.ReadAllLines(file).Length;
            Assert.True(lines <= 300, $"{Path.GetRelativePath(Execution, file)} has {lines} lines");
        });
    }
}
