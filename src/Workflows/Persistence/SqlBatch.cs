using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anju.Workflows.Persistence;

/// <summary>
/// The statements of one command's save, sent as one batch on the command's connection and transaction.
/// Column names and value conversions come from the EF Core model, so SQLite and PostgreSQL each get
/// their own representation (TEXT Guids and dates on SQLite, uuid and timestamptz on PostgreSQL) exactly as
/// EF writes and reads them. It exists because EF's change tracker cost more than the database work on the
/// engine's hot path (measured: SaveChanges took 0.7 ms of a 1.2 ms save on SQLite).
/// </summary>
internal sealed class SqlBatch
{
    private static readonly ConcurrentDictionary<(Type, bool), TableShape> Shapes = new();

    /// <summary>Statement templates with table and column names filled in, per provider (shape).</summary>
    private static readonly ConcurrentDictionary<(string, Type, bool), string> Templates = new();

    private readonly WorkflowDbContext _db;
    private readonly DbCommand _command;
    private readonly StringBuilder _sql = new();
    private int _parameters;

    public SqlBatch(WorkflowDbContext db)
    {
        _db = db;
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
    }

    public bool IsEmpty => _sql.Length == 0;

    public void Insert<TRow>(TRow row)
        where TRow : class => InsertMany<TRow>([row]);

    /// <summary>
    /// One multi-row INSERT for all <paramref name="rows"/> (in chunks that stay far below either provider's
    /// parameter limit): a statement fewer to parse and run per extra row.
    /// </summary>
    public void InsertMany<TRow>(IReadOnlyList<TRow> rows)
        where TRow : class
    {
        var shape = Shape(typeof(TRow));
        var rowsPerStatement = Math.Max(1, 900 / shape.Columns.Length);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            _sql.Append("INSERT INTO ").Append(shape.Table).Append(" (").Append(shape.ColumnList).Append(") VALUES ");
            var end = Math.Min(rows.Count, start + rowsPerStatement);
            for (var r = start; r < end; r++)
            {
                _sql.Append(r == start ? "(" : ", (");
                for (var i = 0; i < shape.Columns.Length; i++)
                {
                    if (i > 0)
                    {
                        _sql.Append(", ");
                    }

                    var column = shape.Columns[i];
                    _sql.Append(Parameter(column.Mapping, column.Property.GetValue(rows[r])));
                }

                _sql.Append(')');
            }

            _sql.Append(";\n");
        }
    }

    /// <summary>DELETE FROM table WHERE "Id" IN (...).</summary>
    public void DeleteByIds<TRow>(IReadOnlyCollection<Guid> ids)
        where TRow : class
    {
        if (ids.Count == 0)
        {
            return;
        }

        var shape = Shape(typeof(TRow));
        var key = shape.Key;
        _sql.Append("DELETE FROM ").Append(shape.Table).Append(" WHERE ").Append(key.Quoted).Append(" IN (");
        var first = true;
        foreach (var id in ids)
        {
            _sql.Append(first ? "" : ", ").Append(Parameter(key.Mapping, id));
            first = false;
        }

        _sql.Append(");\n");
    }

    /// <summary>Adds a statement with values bound through the given column mappings of <typeparamref name="TRow"/>.</summary>
    public void Statement<TRow>(string sqlWithPlaceholders, params (string Property, object? Value)[] values)
        where TRow : class
    {
        var shape = Shape(typeof(TRow));
        var sql = Templates.GetOrAdd((sqlWithPlaceholders, typeof(TRow), _db.IsPostgres), static (key, shape) =>
        {
            var resolved = key.Item1.Replace("{table}", shape.Table, StringComparison.Ordinal);
            foreach (var column in shape.Columns)
            {
                resolved = resolved.Replace("{" + column.Property.Name + "}", column.Quoted, StringComparison.Ordinal);
            }

            return resolved;
        }, shape);
        for (var i = 0; i < values.Length; i++)
        {
            var column = Array.Find(shape.Columns, c => c.Property.Name == values[i].Property)
                ?? throw new InvalidOperationException($"{typeof(TRow).Name}.{values[i].Property} is not mapped.");
            sql = sql.Replace("{" + i + "}", Parameter(column.Mapping, values[i].Value), StringComparison.Ordinal);
        }

        _sql.Append(sql).Append(";\n");
    }

    /// <summary>Runs everything added so far; returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (_sql.Length == 0)
        {
            return 0;
        }

        _command.CommandText = _sql.ToString();
        var affected = await _command.ExecuteNonQueryAsync(cancellationToken);
        _sql.Clear();
        _command.Parameters.Clear();
        _parameters = 0;
        return affected;
    }

    private string Parameter(RelationalTypeMapping mapping, object? value)
    {
        var name = "@p" + _parameters++;
        _command.Parameters.Add(mapping.CreateParameter(_command, name, value, nullable: true));
        return name;
    }

    private TableShape Shape(Type type) => Shapes.GetOrAdd((type, _db.IsPostgres), static (key, db) =>
    {
        var entity = db.Model.FindEntityType(key.Item1) ?? throw new InvalidOperationException($"{key.Item1.Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.PropertyInfo!, Quote(p.GetColumnName(store)!), p.GetRelationalTypeMapping()))
            .ToArray();
        var keyName = entity.FindPrimaryKey()!.Properties[0].Name;
        return new TableShape(Quote(table), columns, string.Join(", ", columns.Select(c => c.Quoted)), columns.First(c => c.Property.Name == keyName));
    }, _db);

    private static string Quote(string identifier) => "\"" + identifier + "\"";

    private sealed record Column(PropertyInfo Property, string Quoted, RelationalTypeMapping Mapping);

    private sealed record TableShape(string Table, Column[] Columns, string ColumnList, Column Key);
}
