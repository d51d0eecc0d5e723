using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Persistence;
using Anju.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Anju.Host.Tests.Features.Instances;

/// <summary>
/// The run-time budget through the API (issue 16): a start that runs away answers with the instance stopped in a
/// <c>commandBudget</c> incident at its start, and the budget is the Host's setting <c>Anju:Engine:*</c>.
/// </summary>
public abstract class RunawayTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    public const int ElementBudget = 300;

    [Fact]
    public async Task A_start_that_runs_away_answers_with_the_instance_in_a_budget_incident()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync("Features/Instances/RunawayTests.Loop.bpmn", suffix);

        var started = await admin.StartAsync($"runawayLoop-{suffix}", new { jurisdiction = "binjiang-garden", variables = new { n = 0 } });

        Assert.Equal("incident", started["status"]!.GetValue<string>());
        var incidents = (await admin.GetFromJsonAsync<JsonArray>($"/api/incidents?instanceId={started["id"]}"))!;
        var incident = Assert.Single(incidents)!;
        Assert.Equal("commandBudget", incident["type"]!.GetValue<string>());
        Assert.Equal("start", incident["activityId"]!.GetValue<string>());
        Assert.Contains("300 element executions", incident["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{started["id"]}"))!;
        Assert.Equal(0, view["variables"]!["n"]!.GetValue<int>());
    }
}

/// <summary>The Host with a small element budget.</summary>
public sealed class RunawaySqliteHost : HostFixture
{
    protected override bool UsePostgres => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Anju:Engine:MaxElementExecutionsPerCommand", "300");
    }
}

public sealed class RunawayPostgresHost : HostFixture
{
    protected override bool UsePostgres => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Anju:Engine:MaxElementExecutionsPerCommand", "300");
    }
}

public sealed class SqliteRunawayTests(RunawaySqliteHost host) : RunawayTests<RunawaySqliteHost>(host);

public sealed class PostgresRunawayTests(RunawayPostgresHost host) : RunawayTests<RunawayPostgresHost>(host);

/// <summary>Reading <c>Anju:Engine:*</c>: defaults, values, and one clear error for a wrong one.</summary>
public sealed class EngineSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_apply_when_nothing_is_set()
    {
        var options = EngineSettings.Options(Config());
        Assert.Equal(50_000, options.MaxElementExecutionsPerCommand);
        Assert.Equal(20_000, options.MaxTokensPerCommand);
        Assert.Equal(20_000, options.MaxTasksPerCommand);
        Assert.Equal(TimeSpan.FromMinutes(5), options.JobLease);
    }

    [Fact]
    public void Settings_are_read_and_a_wrong_one_names_itself()
    {
        var options = EngineSettings.Options(Config(("Anju:Engine:MaxTokensPerCommand", "30000"), ("Anju:Engine:JobLeaseSeconds", "60")));
        Assert.Equal(30_000, options.MaxTokensPerCommand);
        Assert.Equal(TimeSpan.FromMinutes(1), options.JobLease);

        var wrong = Assert.Throws<InvalidOperationException>(() => EngineSettings.Options(Config(("Anju:Engine:MaxTasksPerCommand", "5"))));
        Assert.Contains("Anju:Engine:MaxTasksPerCommand", wrong.Message, StringComparison.Ordinal);
    }
}
