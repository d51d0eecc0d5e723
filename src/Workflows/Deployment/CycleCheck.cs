using Anju.Workflows.Model;
using Anju.Workflows.Parsing;

namespace Anju.Workflows.Deployment;

/// <summary>
/// Finds cycles a token would run around forever within one command: cycles with no wait state in them (user
/// task, receive task, catching event, timer, external task, call activity, async continuation) and no element
/// that can change what the gateways in it decide (a service task's handler). Such a cycle never ends once entered —
/// two exclusive gateways pointing at each other took a Host to 4 GB in 18 s — so it is refused at deploy.
/// </summary>
/// <remarks>
/// A cycle through a service task is not refused: its handler may set the variable that ends the loop. If it
/// does not, the run-time command budget stops it. The check is Tarjan's strongly connected components over the
/// flows between elements that are neither, plus each activity's error boundary events; it runs iteratively so a
/// very large model cannot overflow the stack.
/// </remarks>
internal static class CycleCheck
{
    public static IEnumerable<BpmnProblem> WaitlessCycles(ProcessDefinition process)
    {
        var breaks = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var node in process.Nodes.Values)
        {
            breaks[node.Id] = BreaksCycle(node, process);
        }

        // Successors among nodes that do not break a cycle.
        var successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var node in process.Nodes.Values.Where(n => !breaks[n.Id]))
        {
            var next = new List<string>();
            foreach (var flowId in node.Outgoing)
            {
                if (process.Flows.TryGetValue(flowId, out var flow) && breaks.TryGetValue(flow.TargetId, out var b) && !b)
                {
                    next.Add(flow.TargetId);
                }
            }

            if (node is Activity activity)
            {
                next.AddRange(activity.BoundaryEvents.Where(id => breaks.TryGetValue(id, out var b) && !b));
            }

            successors[node.Id] = next;
        }

        foreach (var component in StronglyConnected(successors))
        {
            var selfLoop = component.Count == 1 && successors[component[0]].Contains(component[0]);
            if (component.Count < 2 && !selfLoop)
            {
                continue;
            }

            var members = component.Select(process.Node).OrderBy(n => n.Location.Line).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
            var labels = string.Join(" → ", members.Select(n => n.Label));
            var ids = string.Join(", ", members.Select(n => $"'{n.Id}'"));
            foreach (var member in members)
            {
                yield return new BpmnProblem(member.Id, member.Location.Line,
                    $"{member.ElementType} '{member.Id}' is in a cycle with no wait state ({ids}): a token entering it would run forever. Put a user task, receive task, catching event, timer, external task or an async continuation (camunda:asyncBefore) in the cycle.")
                {
                    Code = ProblemCodes.WaitlessCycle,
                    Arguments = [labels],
                };
            }
        }
    }

    /// <summary>A wait state, or an element that can change the variables a cycle's gateways test.</summary>
    private static bool BreaksCycle(FlowNode node, ProcessDefinition process) => node switch
    {
        // Any flow node's asynchronous continuation ends the command there (events and gateways have them too).
        { AsyncBefore: true } or { AsyncAfter: true } => true,
        UserTask or ReceiveTask or CallActivity => true,
        ServiceTask => true,
        IntermediateCatchEvent => true,
        BoundaryEvent b => b.Trigger is EventTrigger.Timer or EventTrigger.Message,
        SubProcess sub => process.Nodes.Values.Any(n => n.ParentId == sub.Id && BreaksCycle(n, process)),
        _ => false,
    };

    /// <summary>Tarjan's algorithm without recursion; yields every component (single nodes too).</summary>
    private static IEnumerable<List<string>> StronglyConnected(Dictionary<string, List<string>> successors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var counter = 0;
        var result = new List<List<string>>();

        foreach (var root in successors.Keys)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, int Next)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var edges = successors[node];
                if (next < edges.Count)
                {
                    work.Push((node, next + 1));
                    var target = edges[next];
                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], targetIndex);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return result;
    }
}
