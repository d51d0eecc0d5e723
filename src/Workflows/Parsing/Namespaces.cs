using System.Xml.Linq;

namespace Anju.Workflows.Parsing;

/// <summary>
/// The XML namespaces the reader understands.
/// </summary>
/// <remarks>
/// Elements and attributes are always matched by namespace URI, never by prefix: a document may bind
/// <c>bpmn:</c>, <c>semantic:</c> or the default namespace to the BPMN model, and a <c>camunda:</c> prefix bound
/// to some other URI is not Camunda's and its attributes must not be read as if it were.
/// </remarks>
internal static class Namespaces
{
    /// <summary>The BPMN 2.0 semantic model.</summary>
    public static readonly XNamespace Model = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>Camunda 7 extensions: the vendor extensions the engine reads (the two below are mapped onto them).</summary>
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>
    /// Activiti's namespace, which Camunda 7 reads as its own (a legacy alias): read exactly as <see cref="Camunda"/>.
    /// </summary>
    public static readonly XNamespace Activiti = "http://activiti.org/bpmn";

    /// <summary>Flowable's namespace: the attributes that mean what Camunda's mean are read; see <see cref="VendorNamespaces"/>.</summary>
    public static readonly XNamespace Flowable = "http://flowable.org/bpmn";

    /// <summary>XML Schema instance, for <c>xsi:type</c> on condition expressions.</summary>
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
}
