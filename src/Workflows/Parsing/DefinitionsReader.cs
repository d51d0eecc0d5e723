using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Xml.Linq;
using Anju.Workflows.Deployment;
using Anju.Workflows.Model;

namespace Anju.Workflows.Parsing;

/// <summary>
/// Reads the root <c>definitions</c> element: the shared messages and errors, the collaboration's pools, and
/// which processes are to be deployed.
/// </summary>
/// <remarks>
/// Collaboration, diagram interchange, categories, signals and the like are accepted but not executed: a
/// diagram carries documentation and layout that the engine has no use for but must not reject.
/// </remarks>
internal static class DefinitionsReader
{
    public static BpmnParseResult Read(XDocument document)
    {
        var root = document.Root;
        if (root is null || root.Name != Namespaces.Model + "definitions")
        {
            var found = root is null ? "nothing" : $"'{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'";
            return BpmnParseResult.Failure(
                $"The root element must be 'definitions' in the BPMN 2.0 model namespace ({Namespaces.Model.NamespaceName}), not {found}",
                root?.Line() ?? 0, ProblemCodes.RootElement, root?.Name.LocalName ?? string.Empty, root?.Name.NamespaceName ?? string.Empty);
        }

        var context = new ReadContext(ReadMessageNames(root), ReadErrorCodes(root), ReadCodes(root, "escalation", "escalationCode"), ReadCodes(root, "signal", "name"));
        VendorNamespaces.Normalize(root, context);
        var tainted = ReportDuplicateIds(root, context);
        var processes = root.BpmnChildren("process").ToList();
        if (processes.Count == 0)
        {
            context.Report(root, null, "The document contains no process", ProblemCodes.NoProcess);
        }

        var poolNames = ReadPoolNames(root);
        var anyExecutable = processes.Exists(IsExecutable);
        var definitions = ImmutableArray.CreateBuilder<ProcessDefinition>();
        foreach (var process in processes)
        {
            var id = process.Id();
            if (id is null)
            {
                context.Report(process, null, "A process has no id", ProblemCodes.IdMissing, "process");
                continue;
            }

            if (!IsExecutable(process))
            {
                // Other pools of a collaboration (a customer, a partner) are drawn but never deployed; they are
                // only worth a word when nothing in the document would run at all.
                if (!(anyExecutable && poolNames.ContainsKey(id)))
                {
                    context.Report(process, id, $"Process '{id}' is not executable (isExecutable is not \"true\"); set isExecutable=\"true\" to deploy it",
                        ProblemCodes.ProcessNotExecutable, ReadContext.Label(process.Attr("name") ?? poolNames.GetValueOrDefault(id), id));
                }

                continue;
            }

            var before = context.ProblemCount;
            var definition = ProcessReader.Read(process, poolNames.GetValueOrDefault(id), context);
            if (context.ProblemCount == before && !tainted.Contains(process))
            {
                definitions.Add(definition);
            }
        }

        return new BpmnParseResult(definitions.ToImmutable(), context.SortedProblems());
    }

    private static bool IsExecutable(XElement process) =>
        process.Attr("isExecutable") is { } value && BpmnXml.ParseBoolean(value) == true;

    private static FrozenDictionary<string, string> ReadMessageNames(XElement root)
    {
        // Built by hand rather than ToFrozenDictionary: duplicate ids are reported, not thrown.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in root.BpmnChildren("message"))
        {
            if (message.Id() is { } id)
            {
                names.TryAdd(id, message.Attr("name") ?? id);
            }
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string?> ReadErrorCodes(XElement root) => ReadCodes(root, "error", "errorCode");

    /// <summary>The root-level definitions of one kind (errors, escalations) by id, with their codes.</summary>
    private static FrozenDictionary<string, string?> ReadCodes(XElement root, string kind, string codeAttribute)
    {
        var codes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var definition in root.BpmnChildren(kind))
        {
            if (definition.Id() is { } id)
            {
                codes.TryAdd(id, definition.Attr(codeAttribute));
            }
        }

        return codes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>processRef of each collaboration participant, mapped to the pool's name (which may be null).</summary>
    private static Dictionary<string, string?> ReadPoolNames(XElement root)
    {
        var pools = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var participant in root.BpmnChildren("collaboration").SelectMany(c => c.BpmnChildren("participant")))
        {
            if (participant.Attr("processRef") is { } processRef)
            {
                pools.TryAdd(participant.ResolveReference(processRef), participant.Attr("name"));
            }
        }

        return pools;
    }

    /// <summary>
    /// Ids are XML IDs, unique in the whole document. Only BPMN-model elements are checked: diagram elements
    /// and extensions have ids of their own that the engine never refers to. Returns the processes that
    /// contain a duplicate, so that they are not deployed.
    /// </summary>
    private static HashSet<XElement> ReportDuplicateIds(XElement root, ReadContext context)
    {
        var tainted = new HashSet<XElement>();
        var firstById = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in root.DescendantsAndSelf().Where(BpmnXml.IsBpmn))
        {
            if (element.Id() is not { } id)
            {
                continue;
            }

            if (!firstById.TryAdd(id, element))
            {
                context.Report(element, id, $"Duplicate id '{id}' (first used on line {firstById[id].Line()})",
                    ProblemCodes.DuplicateId, id, ReadContext.Label(element), ReadContext.Label(firstById[id]));
                foreach (var owner in new[] { element, firstById[id] })
                {
                    if (owner.AncestorsAndSelf(Namespaces.Model + "process").FirstOrDefault() is { } process)
                    {
                        tainted.Add(process);
                    }
                }
            }
        }

        return tainted;
    }
}
