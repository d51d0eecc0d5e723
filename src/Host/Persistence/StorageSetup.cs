using Anju.Workflows;
using Anju.Workflows.Execution;
using Anju.Workflows.Handlers;
using Anju.Workflows.Jobs;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Persistence;

/// <summary>Where Anju keeps its data: an SQLite file under the data folder (default) or PostgreSQL.</summary>
public static class StorageSetup
{
    public static WebApplicationBuilder AddAnjuStorage(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var dataDirectory = Path.GetFullPath(configuration["Anju:DataDirectory"] ?? "data", builder.Environment.ContentRootPath);
        Security.DataFolder.EnsureWritable(dataDirectory); // one clear line and exit 1 when it cannot be written
        var provider = configuration["Anju:Database:Provider"] ?? "Sqlite";
        var postgres = string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase);

        var services = builder.Services;
        services.AddSingleton(new DataDirectory(dataDirectory));
        if (postgres)
        {
            var connectionString = WorkflowStorage.PostgresConnectionString(configuration.GetConnectionString("Anju")
                ?? throw new InvalidOperationException("Anju:Database:Provider is Postgres but ConnectionStrings:Anju is not set."));
            // On PostgreSQL the busy timeout is opt-in (lock_timeout): row locks between cluster nodes are normal waits.
            if (configuration.GetValue<int?>("Anju:Database:BusyTimeoutSeconds") is { } lockSeconds)
            {
                var withTimeout = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
                withTimeout.Options = $"{withTimeout.Options} -c lock_timeout={Math.Max(1, lockSeconds) * 1000}".Trim();
                connectionString = withTimeout.ConnectionString;
            }

            services.AddSingleton(_ => WorkflowStorage.Postgres(connectionString));
            services.AddDbContext<HostDbContext, PostgresHostDbContext>(o => o.UseNpgsql(connectionString, n => n.MigrationsHistoryTable(HostDbContext.HistoryTable)));
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(dataDirectory, "anju.db");
            // Bounded wait for a lock another process holds; beyond it a request answers 503 databaseBusy.
            var busySeconds = Math.Max(1, configuration.GetValue("Anju:Database:BusyTimeoutSeconds", 5));
            services.AddSingleton(_ => WorkflowStorage.Sqlite(file, busySeconds));
            services.AddDbContext<HostDbContext, SqliteHostDbContext>(o => o.UseSqlite($"Data Source={file};Default Timeout={busySeconds}", s => s.MigrationsHistoryTable(HostDbContext.HistoryTable)));
        }
        else
        {
            throw new InvalidOperationException($"Anju:Database:Provider '{provider}' is not known: use Sqlite or Postgres.");
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Anju.Host.Procedures.HandlerRegistration.Build);
        var engineOptions = EngineSettings.Options(configuration);
        services.AddSingleton(engineOptions);
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<WorkflowStorage>(),
            sp.GetRequiredService<ServiceTaskHandlers>(),
            sp.GetRequiredService<TimeProvider>(),
            options: engineOptions));
        services.AddSingleton(sp => EngineSettings.Node(configuration, dataDirectory, sp.GetRequiredService<ILoggerFactory>().CreateLogger("Anju.Host.NodeIdentity")));
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<Anju.Host.Seeding.DefinitionFiles>();
        services.AddHostedService(sp => sp.GetRequiredService<JobExecutor>());
        return builder;
    }
}

/// <summary>The folder for the SQLite file, attachments and keys.</summary>
public sealed record DataDirectory(string Path);
