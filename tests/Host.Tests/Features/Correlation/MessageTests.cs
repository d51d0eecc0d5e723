using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Anju.Host.Tests.Support;

namespace Anju.Host.Tests.Features.Correlation;

public abstract class MessageTests<THost>(THost host) : IClassFixture<THost>
    where THost : HostFixture
{
    private const string Waits = "Features/Correlation/MessageTests.Waits.bpmn";

    [Fact]
    public async Task A_message_resumes_the_instance_waiting_with_that_business_key()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync(Waits, suffix);
        var waiting = await admin.StartAsync($"payment-{suffix}", new { businessKey = "PAY-1", jurisdiction = "binjiang-garden" });
        await admin.StartAsync($"payment-{suffix}", new { businessKey = "PAY-2", jurisdiction = "binjiang-garden" });

        var response = await admin.PostAsJsonAsync("/api/messages", new { messageName = $"payment-received-{suffix}", businessKey = "PAY-1", variables = new { amount = 1200 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([waiting["id"]!.GetValue<string>()], (await response.Json())["instanceIds"].Strings());
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{waiting["id"]}");
        Assert.Equal(["check"], view!["activeActivityIds"].Strings());
        Assert.Equal(1200, view["variables"]!["amount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_message_start_event_starts_a_new_instance()
    {
        var admin = await host.ClientAsync("admin");
        var suffix = ProcessApi.NewSuffix();
        await admin.DeployAsync(Waits, suffix);

        var response = await admin.PostAsJsonAsync("/api/messages", new { messageName = $"hotline-case-{suffix}", businessKey = "12345-001", jurisdiction = "binjiang-garden" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single((await response.Json())["instanceIds"].Strings());
        var view = await admin.GetFromJsonAsync<JsonObject>($"/api/instances/{id}");
        Assert.Equal($"hotline-{suffix}", view!["definitionKey"]!.GetValue<string>());
        Assert.Equal("jiangyin/chengjiang/huangshan/binjiang-garden", view["jurisdiction"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_nobody_waits_for_is_404_no_subscription()
    {
        var admin = await host.ClientAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/messages", new { messageName = "nobody-listens-" + ProcessApi.NewSuffix() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("noSubscription", (await response.Json()).Code());
    }

    [Fact]
    public async Task Only_administrators_and_workers_send_messages_and_a_name_is_required()
    {
        var owner = await host.ClientAsync("owner.li");
        var admin = await host.ClientAsync("admin");

        var byOwner = await owner.PostAsJsonAsync("/api/messages", new { messageName = "x" });
        var noName = await admin.PostAsJsonAsync("/api/messages", new { businessKey = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.NotNull((await noName.Json())["errors"]!["messageName"]);
    }
}

public sealed class SqliteMessageTests(SqliteHost host) : MessageTests<SqliteHost>(host);

public sealed class PostgresMessageTests(PostgresHost host) : MessageTests<PostgresHost>(host);
