using Anju.Host.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Anju.Host.Requests;

/// <summary>
/// Length bounds on the free texts of the Host's routes that have no form of their own (<see cref="RequestLimits"/>):
/// business keys, names sent by systems, reasons and error messages. A text over its bound is a 400
/// "validation" problem naming the field and the limit (<see cref="FieldErrors.MaxLength"/>), before anything is stored.
/// </summary>
public static class TextBounds
{
    /// <summary>Null when every given text is within its bound, else the 400 listing each text that is too long.</summary>
    public static ProblemHttpResult? Check(HttpContext context, params (string Field, string? Value, int MaxLength)[] texts)
    {
        var errors = new FieldErrors();
        foreach (var (field, value, maxLength) in texts)
        {
            errors.MaxLength(field, value, maxLength);
        }

        return errors.Any ? errors.ToProblem(context) : null;
    }

    /// <summary>The business key of a start or a message: at most <see cref="RequestLimits.MaxBusinessKeyLength"/> characters.</summary>
    public static ProblemHttpResult? BusinessKey(HttpContext context, string? businessKey) =>
        Check(context, ("businessKey", businessKey, RequestLimits.From(context).MaxBusinessKeyLength));
}
