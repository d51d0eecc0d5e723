using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Anju.Workflows.Persistence;

/// <summary>
/// Single-row reads of the engine's hot path as plain ADO.NET. EF's LINQ pipeline (funcletising, query cache
/// lookup, shaper) cost more than the database work for these lookups by key (measured: ~200 µs of a ~900 µs
/// command on SQLite). Parameters are bound through the EF model's type mappings, so each provider gets the
/// representation EF itself writes (TEXT Guids on SQLite, uuid on PostgreSQL). Inside a transaction a query
/// runs on the context's connection and transaction; on SQLite outside one, on a kept-open connection with
/// the statement already prepared (<see cref="SqliteReaders"/>).
/// </summary>
internal static class DirectSql
{
    private static readonly ConcurrentDictionary<(Type, string, bool), RelationalTypeMapping> Mappings = new();

    public static async ValueTask<DirectQuery> CreateAsync(WorkflowDbContext db, string sql, CancellationToken cancellationToken)
    {
        if (db.SqliteReaders is { } readers && db.Database.CurrentTransaction is null)
        {
            var reader = readers.Rent();
            return new DirectQuery(db, reader.Command(sql), () => readers.Return(reader));
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return new DirectQuery(db, command, null);
    }

    internal static RelationalTypeMapping Mapping<TRow>(WorkflowDbContext db, string property) =>
        Mappings.GetOrAdd((typeof(TRow), property, db.IsPostgres), static (key, model) =>
            model.FindEntityType(key.Item1)?.FindProperty(key.Item2)?.GetRelationalTypeMapping()
                ?? throw new InvalidOperationException($"{key.Item1.Name}.{key.Item2} is not mapped."), db.Model);
}

/// <summary>A query from <see cref="DirectSql.CreateAsync"/>; dispose it (a kept-open connection goes back).</summary>
internal sealed class DirectQuery(WorkflowDbContext db, DbCommand command, Action? release) : IAsyncDisposable
{
    public DbCommand Command { get; } = command;

    /// <summary>Binds <paramref name="value"/> as <paramref name="name"/> the way EF binds <typeparamref name="TRow"/>.<paramref name="property"/>.</summary>
    public void Bind<TRow>(string name, string property, object? value) =>
        Command.Parameters.Add(DirectSql.Mapping<TRow>(db, property).CreateParameter(Command, name, value, nullable: true));

    public async ValueTask DisposeAsync()
    {
        if (release is null)
        {
            await Command.DisposeAsync();
            return;
        }

        Command.Parameters.Clear();
        release();
    }
}
