namespace Anju.Workflows.Expressions;

/// <summary><c>target.name(argument?)</c> for one of the methods in <see cref="ExpressionMethods"/>.</summary>
internal sealed class MethodCallNode : ExpressionNode
{
    private readonly ExpressionNode _target;
    private readonly MethodId _method;
    private readonly string _name;
    private readonly ExpressionNode? _argument;
    private readonly ExpressionNode? _second;

    public MethodCallNode(int position, ExpressionNode target, MethodId method, string name, ExpressionNode[] arguments)
        : base(position, HeightOf([target, .. arguments]))
    {
        _target = target;
        _method = method;
        _name = name;
        _argument = arguments.Length > 0 ? arguments[0] : null;
        _second = arguments.Length > 1 ? arguments[1] : null;
    }

    public override object? Evaluate(IExpressionContext context)
    {
        var receiver = _target.Evaluate(context);
        var argument = _argument?.Evaluate(context);
        var second = _second?.Evaluate(context);
        return ExpressionMethods.Invoke(_method, _name, receiver, argument, second, context, Position);
    }

    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) => _method switch
    {
        MethodId.Length or MethodId.Size => ResultKinds.Number,
        MethodId.GetVariable => ResultKinds.Any,
        MethodId.SetVariable => ResultKinds.Null,
        MethodId.Equals or MethodId.Contains or MethodId.StartsWith or MethodId.EndsWith or MethodId.IsEmpty
            or MethodId.IsBefore or MethodId.IsAfter => ResultKinds.Boolean,
        _ => ResultKinds.Date,
    };
}

/// <summary><c>name(arguments)</c> for one of the functions in <see cref="ExpressionFunctions"/>.</summary>
internal sealed class FunctionCallNode : ExpressionNode
{
    private readonly FunctionId _function;
    private readonly string _name;
    private readonly ExpressionNode[] _arguments;

    public FunctionCallNode(int position, FunctionId function, string name, ExpressionNode[] arguments)
        : base(position, arguments.Length == 0 ? 1 : HeightOf(arguments))
    {
        _function = function;
        _name = name;
        _arguments = arguments;
    }

    public override object? Evaluate(IExpressionContext context) =>
        ExpressionFunctions.Invoke(_function, _name, _arguments, context, Position);

    /// <summary>Every function (now, dateTime, workingDays, hours, date) gives a date.</summary>
    public override ResultKinds Kinds(Func<string, ResultKinds> classifyText) => ResultKinds.Date;
}
