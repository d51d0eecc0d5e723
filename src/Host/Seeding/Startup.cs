using Anju.Host.Identity;
using Anju.Host.Jurisdictions;
using Anju.Host.Persistence;
using Anju.Workflows;
using Anju.Workflows.Deployment;
using Anju.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Anju.Host.Seeding;

/// <summary>What happens before the Host listens: schema, reference data, accounts, deployed procedures.</summary>
public static partial class Startup
{
    public static async Task InitializeAnjuAsync(this WebApplication app)
    {
        var services = app.Services;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Anju.Startup");
        DemoPasswordGuard.Check(app.Configuration, app.Environment);
        await services.GetRequiredService<WorkflowStorage>().MigrateAsync();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await db.Database.MigrateAsync();
            await ReferenceData.LoadAsync(db, Path.Combine(AppContext.BaseDirectory, "Reference", "org.json"));
            var contributors = scope.ServiceProvider.GetServices<ISeedContributor>().ToList();
            foreach (var contributor in contributors)
            {
                await contributor.SeedReferenceDataAsync(scope.ServiceProvider, CancellationToken.None);
            }

            await AdminAccount.EnsureAsync(scope.ServiceProvider, app.Configuration, app.Environment);
            if (app.Configuration.GetValue("Anju:SeedDemoData", false))
            {
                await DemoData.SeedAsync(scope.ServiceProvider);
                foreach (var contributor in contributors)
                {
                    await contributor.SeedDemoDataAsync(scope.ServiceProvider, CancellationToken.None);
                }

                LogDemoData(logger);
            }
        }

        await services.GetRequiredService<JurisdictionDirectory>().RefreshAsync();
        WarnAboutCalendar(services.GetRequiredService<WorkflowEngine>(), services.GetRequiredService<TimeProvider>(), logger);
        await DeployDefinitionsAsync(services.GetRequiredService<WorkflowEngine>(), services.GetRequiredService<DefinitionFiles>(), logger);
    }

    /// <summary>
    /// Deploys every definitions/*.bpmn as the files' versions (source <c>file:&lt;name&gt;</c>). A file becomes a new
    /// version only when it differs from the last version deployed from it and no person deployed a later version of
    /// its key; otherwise the person's version is kept and one line says so. <c>Anju:Definitions:ForceFiles=true</c>
    /// deploys every changed file regardless.
    /// </summary>
    private static async Task DeployDefinitionsAsync(WorkflowEngine engine, DefinitionFiles files, ILogger logger)
    {
        foreach (var name in files.Names())
        {
            var file = files.Read(name);
            if (file is null)
            {
                continue;
            }

            var result = await engine.DeployAsync(new DeploymentRequest
            {
                Files = [new DeploymentFile(name, file.Xml)],
                DeployedBy = "system",
                Source = file.Source,
                YieldToPeople = !files.ForceFiles,
                // Shown in the designer's version history, which officials read in Chinese.
                Note = $"启动时自动部署（definitions/{name}）",
            });
            if (!result.Succeeded)
            {
                LogDefinitionInvalid(logger, name, string.Join("; ", result.Problems.Select(p => $"{p.ElementId} (line {p.Line}): {p.Message}")));
                continue;
            }

            files.Remember(name, result.Definitions.Select(d => d.Key));
            foreach (var definition in result.Definitions)
            {
                if (definition.IsNew)
                {
                    LogDeployed(logger, definition.Key, definition.Version);
                }
                else if (definition.KeptLaterVersion)
                {
                    LogKeptPersonVersion(logger, definition.Key, definition.Version, definition.DeployedBy ?? "?", name);
                }
            }
        }
    }

    /// <summary>Deadlines in working days need the State Council's holiday notice for the year.</summary>
    private static void WarnAboutCalendar(WorkflowEngine engine, TimeProvider time, ILogger logger)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        foreach (var year in engine.Calendar.YearsWithoutData(today, today.AddYears(1)))
        {
            LogCalendarMissing(logger, year);
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "The working-day calendar has no holiday data for {Year}: Monday–Friday is assumed. Add the year's holidays and make-up working days to the calendar")]
    private static partial void LogCalendarMissing(ILogger logger, int year);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Demo data and demo accounts are present (Anju:SeedDemoData=true); turn it off in production")]
    private static partial void LogDemoData(ILogger logger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Definition file {File} was not deployed: {Problems}")]
    private static partial void LogDefinitionInvalid(ILogger logger, string file, string problems);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Deployed {Key} version {Version}")]
    private static partial void LogDeployed(ILogger logger, string key, int version);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Kept {Key} version {Version}, deployed by {DeployedBy}: definitions/{File} differs from it but was not deployed, because a person deployed after the file's last version (the designer offers the file to adopt; Anju:Definitions:ForceFiles=true deploys files anyway)")]
    private static partial void LogKeptPersonVersion(ILogger logger, string key, int version, string deployedBy, string file);
}
