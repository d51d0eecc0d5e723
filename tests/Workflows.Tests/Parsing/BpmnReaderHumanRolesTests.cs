using Anju.Workflows.Model;
using static Anju.Workflows.Tests.Parsing.BpmnTestDocuments;

namespace Anju.Workflows.Tests.Parsing;

/// <summary>
/// humanPerformer and potentialOwner as Camunda 7 reads them (user guide, "User Task", sections "Human Performer" and
/// "Potential Owner"): the performer is the assignee; potential owners are user(x), group(y), or a plain name taken as
/// a group; camunda:assignee replaces the performer and the camunda candidate lists add to the owners.
/// </summary>
public sealed class BpmnReaderHumanRolesTests
{
    private static string Role(string role, string expression) =>
        $"<bpmn:{role}><bpmn:resourceAssignmentExpression><bpmn:formalExpression>{expression}</bpmn:formalExpression></bpmn:resourceAssignmentExpression></bpmn:{role}>";

    private static UserTask Task(string inner, string attributes = "") =>
        Node<UserTask>(SingleProcess(ReadBetweenStartAndEnd($"""<bpmn:userTask id="X" {attributes}>{inner}</bpmn:userTask>""")), "X");

    [Fact]
    public void Human_performer_is_the_assignee()
    {
        Assert.Equal("kermit", Task(Role("humanPerformer", " kermit ")).Assignee?.Text);
        Assert.Equal("${initiator}", Task(Role("humanPerformer", "${initiator}")).Assignee?.Text);
    }

    [Fact]
    public void Potential_owners_are_users_groups_and_plain_names_taken_as_groups()
    {
        var task = Task(Role("potentialOwner", "user(kermit), group(management), accountancy, user(${boss})"));

        Assert.Equal("kermit,${boss}", task.CandidateUsers?.Text);
        Assert.Equal("management,accountancy", task.CandidateGroups?.Text);
        Assert.Null(task.Assignee);
    }

    [Fact]
    public void Camunda_assignee_replaces_the_performer_and_camunda_candidates_add_to_the_owners()
    {
        var task = Task(
            Role("humanPerformer", "kermit") + Role("potentialOwner", "group(management)"),
            """camunda:assignee="fozzie" camunda:candidateGroups="street-office" camunda:candidateUsers="gonzo" """);

        Assert.Equal("fozzie", task.Assignee?.Text);
        Assert.Equal("management,street-office", task.CandidateGroups?.Text);
        Assert.Equal("gonzo", task.CandidateUsers?.Text);
    }

    [Fact]
    public void Two_human_performers_are_an_error()
    {
        var result = ReadBetweenStartAndEnd($"""<bpmn:userTask id="X">{Role("humanPerformer", "a")}{Role("humanPerformer", "b")}</bpmn:userTask>""");

        HasProblem(result, "userTask 'X' has more than one humanPerformer; a task has one assignee");
    }
}
