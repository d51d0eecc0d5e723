using System.Linq.Expressions;
using System.Reflection;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Compares two rows of one table column by column (every public instance property, with its type's default
/// equality), compiled once per row type: a projection row is rewritten exactly when one of its values changed.
/// </summary>
internal static class RowComparer<TRow>
    where TRow : class
{
    /// <summary>True when every property of the first row equals the same property of the second.</summary>
    public static readonly Func<TRow, TRow, bool> Equal = Compile();

    private static Func<TRow, TRow, bool> Compile()
    {
        var x = Expression.Parameter(typeof(TRow), "x");
        var y = Expression.Parameter(typeof(TRow), "y");
        Expression body = Expression.Constant(true);
        foreach (var property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var comparerType = typeof(EqualityComparer<>).MakeGenericType(property.PropertyType);
            var comparer = Expression.Property(null, comparerType, nameof(EqualityComparer<object>.Default));
            var equals = comparerType.GetMethod(nameof(EqualityComparer<object>.Equals), [property.PropertyType, property.PropertyType])!;
            body = Expression.AndAlso(body, Expression.Call(comparer, equals, Expression.Property(x, property), Expression.Property(y, property)));
        }

        return Expression.Lambda<Func<TRow, TRow, bool>>(body, x, y).Compile();
    }
}
