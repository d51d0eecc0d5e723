using Anju.Workflows.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Anju.Host.Problems;

/// <summary>RFC 7807 problem details with a localized detail and a stable code.</summary>
public static class Problem
{
    public static ProblemHttpResult Of(HttpContext context, int status, string code, params object?[] args) =>
        TypedResults.Problem(Details(context, status, code, args));

    public static ProblemDetails Details(HttpContext context, int status, string code, params object?[] args)
    {
        var details = new ProblemDetails
        {
            Status = status,
            Title = Messages.Text(context, code, args),
            Detail = Messages.Text(context, code, args),
            Type = $"https://anju.jiangyin.gov.cn/problems/{code}",
            Instance = context.Request.Path,
        };
        details.Extensions["code"] = code;
        return details;
    }

    public static ProblemHttpResult NotFound(HttpContext context) => Of(context, StatusCodes.Status404NotFound, "notFound");

    public static ProblemHttpResult Forbidden(HttpContext context) => Of(context, StatusCodes.Status403Forbidden, "forbidden");

    public static ProblemHttpResult BadRequest(HttpContext context, string detail) => Of(context, StatusCodes.Status400BadRequest, "invalidRequest", detail);

    /// <summary>400 with per-field messages, as the contract's "errors" member.</summary>
    public static ProblemHttpResult Validation(HttpContext context, IDictionary<string, string[]> errors)
    {
        var details = Details(context, StatusCodes.Status400BadRequest, "validation");
        details.Extensions["errors"] = errors;
        return TypedResults.Problem(details);
    }

    /// <summary>The engine's refusals, as HTTP (<see cref="EngineErrors"/>): not found 404, conflict 409, bad argument 400, wrong state 409.</summary>
    public static ProblemHttpResult From(HttpContext context, WorkflowException error)
    {
        var mapping = EngineErrors.Of(error);
        return Of(context, mapping.Status, mapping.Code, EngineErrors.Arguments(error));
    }
}
