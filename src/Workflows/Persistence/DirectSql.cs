using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Single-row reads of the engine's hot path as plain ADO.NET on the command's connection and transaction.
/// EF's LINQ pipeline (funcletising, query cache lookup, shaper) cost more than the database work for these
/// lookups by key (measured: ~200 µs of a ~900 µs command on SQLite). Parameters are bound through the
/// EF model's type mappings, so each provider gets the representation EF itself writes (TEXT Guids on
/// SQLite, uuid on PostgreSQL).
/// </summary>
internal static class DirectSql
{
    private static readonly ConcurrentDictionary<(Type, string, bool), RelationalTypeMapping> Mappings = new();

    /// <summary>A command on the context's connection (opened if needed) and current transaction.</summary>
    public static async ValueTask<DbCommand> CreateAsync(WorkflowDbContext db, string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Binds <paramref name="value"/> as <paramref name="name"/> the way EF binds <typeparamref name="TRow"/>.<paramref name="property"/>.</summary>
    public static void Bind<TRow>(DbCommand command, WorkflowDbContext db, string name, string property, object? value)
    {
        var mapping = Mappings.GetOrAdd((typeof(TRow), property, db.IsPostgres), static (key, model) =>
            model.FindEntityType(key.Item1)?.FindProperty(key.Item2)?.GetRelationalTypeMapping()
                ?? throw new InvalidOperationException($"{key.Item1.Name}.{key.Item2} is not mapped."), db.Model);
        command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: true));
    }
}
