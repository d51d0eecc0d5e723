using System.Linq.Expressions;

namespace Anju.Host.Jurisdictions;

/// <summary>"At or below any of these nodes" as a SQL filter: path = p OR path LIKE 'p/%' for each held path.</summary>
public static class JurisdictionQuery
{
    public static IQueryable<T> Within<T>(this IQueryable<T> query, Expression<Func<T, string?>> path, IReadOnlyList<string> held)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(held);
        if (held.Count == 0)
        {
            return query.Where(_ => false);
        }

        var parameter = path.Parameters[0];
        Expression? any = null;
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        foreach (var node in held)
        {
            var equal = Expression.Equal(path.Body, Expression.Constant(node, typeof(string)));
            var below = Expression.AndAlso(
                Expression.NotEqual(path.Body, Expression.Constant(null, typeof(string))),
                Expression.Call(path.Body, startsWith, Expression.Constant(node + "/")));
            var either = Expression.OrElse(equal, below);
            any = any is null ? either : Expression.OrElse(any, either);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(any!, parameter));
    }
}
