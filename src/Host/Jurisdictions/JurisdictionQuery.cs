using System.Linq.Expressions;

namespace Anju.Host.Jurisdictions;

/// <summary>
/// "At or below any of these nodes" as a SQL filter: path = p OR path LIKE 'p/%' for each held path. With
/// <c>binaryOrder</c> (a column compared byte by byte: every column on SQLite, and wf_tasks.Jurisdiction, which
/// has collation "C" on PostgreSQL) "below" is written as the range 'p/' &lt; path &lt; 'p0' ('0' follows '/'), which
/// an index on the path can serve; PostgreSQL's locale collations do not order bytes, so for other PostgreSQL
/// columns the LIKE form is kept.
/// </summary>
public static class JurisdictionQuery
{
    private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<T> Within<T>(this IQueryable<T> query, Expression<Func<T, string?>> path, IReadOnlyList<string> held, bool binaryOrder = false)
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
            var below = binaryOrder
                ? Expression.AndAlso(
                    Expression.GreaterThan(Expression.Call(Compare, path.Body, Expression.Constant(node + "/")), Expression.Constant(0)),
                    Expression.LessThan(Expression.Call(Compare, path.Body, Expression.Constant(node + "0")), Expression.Constant(0)))
                : Expression.AndAlso(
                    Expression.NotEqual(path.Body, Expression.Constant(null, typeof(string))),
                    Expression.Call(path.Body, startsWith, Expression.Constant(node + "/")));
            var either = Expression.OrElse(equal, below);
            any = any is null ? either : Expression.OrElse(any, either);
        }

        return query.Where(Expression.Lambda<Func<T, bool>>(any!, parameter));
    }
}
