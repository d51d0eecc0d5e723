namespace Anju.Workflows.Expressions;

/// <summary>
/// What an expression's result may be, known without evaluating it: deploy-time validation uses it to refuse
/// an attribute whose value can never be of the kind the attribute needs (a due date that is a number).
/// </summary>
[Flags]
public enum ResultKinds
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Number = 4,

    /// <summary>Text whose content is known and was classified as none of the other kinds.</summary>
    Text = 8,
    Date = 16,

    /// <summary>A JSON object or array.</summary>
    Structure = 32,

    /// <summary>Text whose content depends on variables (composite text such as <c>P${days}D</c>).</summary>
    DynamicText = 64,

    /// <summary>Anything: a variable, a property, an index.</summary>
    Any = Null | Boolean | Number | Text | Date | Structure | DynamicText,
}
